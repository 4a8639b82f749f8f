/// The chunking options shared by `salesforce`, `demo`, `partition` and `chunk`.
enum ChunkingArguments {
    static func options(defaultStrategy: String) -> [OptionSpec] {
        [
            OptionSpec("chunking-strategy", value: "NAME", help: "none, basic or by_title (default \(defaultStrategy))."),
            OptionSpec("max-characters", value: "N", help: "Hard maximum characters in a chunk, 1 to 1000000 (default 500)."),
            OptionSpec("new-after-n-chars", value: "N", help: "Soft maximum: start a new chunk after this many characters (default: --max-characters)."),
            OptionSpec("combine-text-under-n-chars", value: "N", help: "by_title: merge sections shorter than this many characters (default: --max-characters)."),
            OptionSpec("overlap", value: "N", help: "Characters repeated from the end of one split piece at the start of the next (default 0)."),
            OptionSpec("overlap-all", help: "Apply --overlap between all chunks, not only the pieces of a split element (default: off)."),
            OptionSpec("multipage-sections", value: "BOOL", help: "by_title: let sections span pages, true or false (default true)."),
        ]
    }

    /// The options that only the `by_title` strategy reads.
    private static let byTitleOptions = ["combine-text-under-n-chars", "multipage-sections"]

    /// Returns the validated chunking options, or `nil` for strategy `none`.
    static func parse(_ arguments: ParsedArguments, defaultStrategy: String) throws -> ChunkingOptions? {
        let name = arguments.value("chunking-strategy") ?? defaultStrategy
        let strategy: ChunkingStrategy?
        if name == "none" {
            strategy = nil
        } else if let known = ChunkingStrategy(rawValue: name) {
            strategy = known
        } else {
            throw arguments.invalidValue("chunking-strategy", expected: "none, basic or by_title")
        }
        try checkDependencies(arguments, strategy: strategy)
        let multipage = try arguments.boolean("multipage-sections") ?? true
        let maxCharacters = try arguments.integer("max-characters", in: 1...1_000_000)
        let newAfterNChars = try arguments.integer("new-after-n-chars", in: 0...1_000_000)
        let combineTextUnderNChars = try arguments.integer("combine-text-under-n-chars", in: 0...1_000_000)
        let overlap = try arguments.integer("overlap", in: 0...1_000_000) ?? 0
        guard let strategy else { return nil }
        do {
            return try ChunkingOptions(
                strategy: strategy,
                maxCharacters: maxCharacters,
                newAfterNChars: newAfterNChars,
                combineTextUnderNChars: combineTextUnderNChars,
                overlap: overlap,
                overlapAll: arguments.flag("overlap-all"),
                multipageSections: multipage
            )
        } catch {
            // `ChunkingOptions` throws only `ChunkingOptionsError`, about the values given.
            throw UsageError("invalid chunking options: \(error.description)")
        }
    }

    /// Rejects chunking options given on the command line that the chosen strategy ignores.
    /// From the environment or a config file they are ignored, as other dependent options are.
    private static func checkDependencies(_ arguments: ParsedArguments, strategy: ChunkingStrategy?) throws(UsageError) {
        let typedOptions = options(defaultStrategy: "").map(\.name).filter { $0 != "chunking-strategy" && arguments.isOnCommandLine($0) }
        if strategy == nil, let first = typedOptions.first {
            throw UsageError("--\(first) has no effect without chunking: add --chunking-strategy basic or by_title")
        }
        if strategy == .basic, let first = typedOptions.first(where: byTitleOptions.contains) {
            throw UsageError("--\(first) applies only to --chunking-strategy by_title")
        }
        if arguments.isOnCommandLine("overlap-all"), (try? arguments.integer("overlap", in: 0...1_000_000)) ?? 0 == 0 {
            throw UsageError("--overlap-all has no effect without --overlap N above 0")
        }
    }
}
