/// The chunking options shared by `salesforce`, `demo`, `partition` and `chunk`.
enum ChunkingArguments {
    static func options(defaultStrategy: String) -> [OptionSpec] {
        [
            OptionSpec("chunking-strategy", value: "NAME", help: "none, basic or by_title (default \(defaultStrategy))."),
            OptionSpec("max-characters", value: "N", help: "Hard maximum characters in a chunk (default 500)."),
            OptionSpec("new-after-n-chars", value: "N", help: "Soft maximum: start a new chunk after this many characters (default: --max-characters)."),
            OptionSpec("combine-text-under-n-chars", value: "N", help: "by_title: merge sections shorter than this many characters (default: --max-characters)."),
            OptionSpec("overlap", value: "N", help: "Characters repeated from the end of one split piece at the start of the next (default 0)."),
            OptionSpec("overlap-all", help: "Apply --overlap between all chunks, not only the pieces of a split element."),
            OptionSpec("multipage-sections", value: "BOOL", help: "by_title: let sections span pages, true or false (default true)."),
        ]
    }

    /// Returns the validated chunking options, or `nil` for strategy `none`.
    static func parse(_ arguments: ParsedArguments, defaultStrategy: String) throws -> ChunkingOptions? {
        let name = arguments.value("chunking-strategy") ?? defaultStrategy
        if name == "none" { return nil }
        guard let strategy = ChunkingStrategy(rawValue: name) else {
            throw UsageError("invalid value '\(name)' for --chunking-strategy: expected none, basic or by_title")
        }
        var multipage = true
        if let text = arguments.value("multipage-sections") {
            guard let flag = Bool(text.lowercased()) else {
                throw UsageError("invalid value '\(text)' for --multipage-sections: expected true or false")
            }
            multipage = flag
        }
        do {
            return try ChunkingOptions(
                strategy: strategy,
                maxCharacters: try arguments.integer("max-characters", in: 1...1_000_000),
                newAfterNChars: try arguments.integer("new-after-n-chars", in: 0...1_000_000),
                combineTextUnderNChars: try arguments.integer("combine-text-under-n-chars", in: 0...1_000_000),
                overlap: try arguments.integer("overlap", in: 0...1_000_000) ?? 0,
                overlapAll: arguments.flag("overlap-all"),
                multipageSections: multipage
            )
        } catch let error as ChunkingOptionsError {
            throw UsageError("invalid chunking options: \(error.description)")
        }
    }
}
