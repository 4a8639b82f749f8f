import Foundation

/// The options shared by `salesforce` and `demo`: what to read and how to process it.
enum PipelineArguments {
    static let options: [OptionSpec] = [
        OptionSpec("categories", value: "LIST", environment: "SALESFORCE_CATEGORIES", help: "Comma-separated sObjects to read (default Account,Campaign,Case,EmailMessage,Lead)."),
        OptionSpec("fields", value: "SPEC", help: "Exact fields to read per category, e.g. 'Account:Name,Description;Case:Subject' (default: the text fields describe reports)."),
        OptionSpec("api-version", value: "VERSION", help: "Salesforce REST API version, 20.0 or later (default \(ClientConfiguration().apiVersion))."),
        OptionSpec("workers", value: "N", help: "Parallel partition workers, 1 to 256 (default: the number of cores)."),
        OptionSpec("fetch-concurrency", value: "N", help: "sObject Collections requests in flight at once, 1 to 64 (default 4)."),
        OptionSpec("fetch-batch-size", value: "N", help: "Records per sObject Collections request, 1 to 200 (default 50): larger batches spend fewer API requests and more memory."),
        OptionSpec("query-batch-size", value: "N", help: "Records per query page requested with Sforce-Query-Options, 200 to 2000 (default 500); Salesforce may return fewer."),
        OptionSpec("request-timeout", value: "SECONDS", help: "Timeout of one HTTP request in seconds, 1 to 3600 (default 60)."),
        OptionSpec("output", value: "FILE", help: "Write the NDJSON to FILE instead of stdout; FILE is replaced when the run ends or is stopped by SIGINT or SIGTERM, and kept as it was if a write fails (default: stdout)."),
        OptionSpec("output-dir", value: "DIR", help: "Write one JSON file per record instead of NDJSON: DIR/<sObject>/<Id>.xml.json (.eml.json for EmailMessage), as unstructured-ingest's local destination names them (default: stdout)."),
        OptionSpec("errors", value: "FILE", help: "Also write one JSON line per failed record to FILE (default: stderr only)."),
        CommandLog.levelOption,
        CommandLog.verboseOption,
        CommandLog.quietOption,
        OptionSpec("state-file", value: "FILE", help: "Incremental sync: read only records changed since the run that wrote FILE, and update FILE after the records are out (default: none, read every record)."),
        OptionSpec("lookback", value: "SECONDS", help: "With --state-file: how far before the saved watermark to read again, in seconds, 0 to 31536000 (default 300)."),
        OptionSpec("since", value: "DATETIME", help: "Read only records with SystemModstamp at or after this ISO 8601 instant, e.g. 2026-01-31T00:00:00Z; with --state-file, the later of this instant and the saved watermark applies (default: no lower bound)."),
        OptionSpec("include-deleted", help: "Also read deleted records (queryAll) and write one tombstone line each: {\"deleted\":true,\"record_locator\":…} (default: off)."),
        OptionSpec("shard", value: "K/N", help: "Read only slice K of N of each category's CreatedDate range, so that N workers together read every record once (default: every record)."),
        OptionSpec("shard-window", value: "FROM/TO", help: "With --shard: the CreatedDate range to cut, as two ISO 8601 dates (default: the category's first and last CreatedDate, widened to whole days)."),
        OptionSpec("max-api-usage", value: "PERCENT", help: "Stop cleanly once the org's daily API usage reaches this percentage of its limit, 1 to 100 (default 80)."),
    ] + ChunkingArguments.options(defaultStrategy: "by_title")

    /// Returns the `--categories` names in order, each once (compared without regard to case, as Salesforce does).
    static func categoryNames(_ arguments: ParsedArguments) throws -> [String] {
        guard let list = arguments.value("categories") else { return SObjectCategory.defaultNames }
        var names: [String] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            if !names.contains(where: { $0.lowercased() == name.lowercased() }) { names.append(name) }
        }
        guard !names.isEmpty else {
            throw arguments.invalidValue("categories", expected: "a comma-separated list of sObjects such as Account,Case")
        }
        return names
    }

    /// Authenticates, then resolves `--categories` and `--fields` with the org's describe results.
    static func resolveCategories(_ arguments: ParsedArguments, client: SalesforceClient) async throws -> [SObjectCategory] {
        var overrides: [String: [String]] = [:]
        if let text = arguments.value("fields") {
            guard let parsed = CategoryResolver.parseFieldOverrides(text) else {
                throw arguments.invalidValue("fields", expected: "Category:Field1,Field2, groups separated by ';'")
            }
            overrides = parsed
        }
        try await client.authenticate()
        return try await CategoryResolver.resolve(try categoryNames(arguments), fieldOverrides: overrides, client: client)
    }

    /// Checks before the run that a file can be created at `path`, so a typo in a folder name
    /// fails at once rather than after every record was read. An empty path is a usage error;
    /// a missing or read-only folder is a ``StartError``.
    static func checkWritableFolder(of path: String, option: String) throws {
        guard !path.isEmpty else { throw UsageError("\(option) is empty: give a file path") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StartError("\(option) '\(path)' is a folder: give a file path inside it")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StartError("\(option) '\(path)': the folder '\(folder)' does not exist; create it or choose another path")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StartError("\(option) '\(path)': the folder '\(folder)' is not writable by this user")
        }
    }

    /// Rejects options given on the command line that have no effect without another one. The
    /// same settings from the environment or a config file are ignored instead, so that one file
    /// can serve runs with and without the option they depend on.
    static func checkDependencies(_ arguments: ParsedArguments) throws(UsageError) {
        let dependencies: [(option: String, needs: String, hint: String)] = [
            ("lookback", "state-file", "the lookback re-reads records before the watermark saved in FILE"),
            ("shard-window", "shard", "the window is the range the shards cut"),
        ]
        for dependency in dependencies
        where arguments.isOnCommandLine(dependency.option) && arguments.value(dependency.needs) == nil {
            throw UsageError("--\(dependency.option) needs --\(dependency.needs): \(dependency.hint)")
        }
    }

    static func clientConfiguration(_ arguments: ParsedArguments, log: CommandLog, logGate: ClientLogGate) throws -> ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.logger = logGate.gatedLogger(log.logger(label: "sfstream.salesforce"))
        if let version = arguments.value("api-version") {
            let trimmed = version.hasPrefix("v") ? String(version.dropFirst()) : version
            guard let number = Double(trimmed), number >= 20 else {
                throw arguments.invalidValue("api-version", expected: "a version such as 62.0")
            }
            configuration.apiVersion = trimmed.contains(".") ? trimmed : trimmed + ".0"
        }
        if let batchSize = try arguments.integer("query-batch-size", in: 200...2000) {
            configuration.queryBatchSize = batchSize
        }
        if let timeout = try arguments.decimal("request-timeout", in: 1...3600) {
            configuration.requestTimeout = timeout
        }
        return configuration
    }

    /// Checks every pipeline option without touching a file; ``prepareFiles(_:for:)`` does that.
    static func pipelineConfiguration(_ arguments: ParsedArguments, categories: [SObjectCategory], log: CommandLog) throws -> PipelineConfiguration {
        try checkDependencies(arguments)
        var configuration = PipelineConfiguration(
            categories: categories,
            chunking: try ChunkingArguments.parse(arguments, defaultStrategy: "by_title")
        )
        configuration.logger = log.logger(label: "sfstream.pipeline")
        if let workers = try arguments.integer("workers", in: 1...256) {
            configuration.partitionWorkers = workers
        }
        if let concurrency = try arguments.integer("fetch-concurrency", in: 1...64) {
            configuration.fetchConcurrency = concurrency
        }
        if let batchSize = try arguments.integer("fetch-batch-size", in: 1...200) {
            configuration.fetchBatchSize = batchSize
        }
        if let since = arguments.value("since") {
            guard let timestamp = SalesforceTimestamp(parsing: since) else {
                throw arguments.invalidValue("since", expected: "an ISO 8601 date or datetime such as 2026-01-31T00:00:00Z")
            }
            configuration.since = timestamp
        }
        if let lookback = try arguments.integer("lookback", in: 0...31_536_000) {
            configuration.lookbackSeconds = Int64(lookback)
        }
        configuration.includeDeleted = arguments.flag("include-deleted")
        configuration.shard = try shard(arguments)
        configuration.maxAPIUsagePercent = try arguments.decimal("max-api-usage", in: 1...100) ?? 80
        _ = try categoryNames(arguments)
        return configuration
    }

    /// Checks the files the options name: the `--errors` and `--state-file` folders, and the state
    /// file's content, which becomes the configuration's delivery tracker.
    static func prepareFiles(_ arguments: ParsedArguments, for configuration: inout PipelineConfiguration) throws {
        if let errorsPath = arguments.value("errors") {
            try checkWritableFolder(of: errorsPath, option: arguments.label("errors"))
        }
        if let statePath = arguments.value("state-file") {
            try checkWritableFolder(of: statePath, option: arguments.label("state-file"))
            let state = try SyncState.load(from: statePath)
            configuration.tracker = DeliveryTracker(initial: state, lookbackSeconds: configuration.lookbackSeconds)
        }
    }

    /// Returns `--shard` with its `--shard-window`, or `nil` without `--shard`.
    private static func shard(_ arguments: ParsedArguments) throws(UsageError) -> (spec: ShardSpec, window: (from: SalesforceTimestamp, to: SalesforceTimestamp)?)? {
        guard let shardText = arguments.value("shard") else { return nil }
        guard let shard = ShardSpec(parsing: shardText) else {
            throw arguments.invalidValue("shard", expected: "K/N with 1 <= K <= N, e.g. 2/3")
        }
        guard let windowText = arguments.value("shard-window") else { return (shard, nil) }
        let parts = windowText.split(separator: "/").map(String.init)
        guard parts.count == 2, let from = SalesforceTimestamp(parsing: parts[0]),
            let to = SalesforceTimestamp(parsing: parts[1]), from < to
        else {
            throw arguments.invalidValue("shard-window", expected: "FROM/TO, two ISO 8601 dates with FROM before TO")
        }
        return (shard, (from, to))
    }
}
