import Foundation

/// The options shared by `salesforce` and `demo`: what to read and how to process it.
enum PipelineArguments {
    static let options: [OptionSpec] = [
        OptionSpec("categories", value: "LIST", environment: "SALESFORCE_CATEGORIES", help: "Comma-separated sObjects to read (default Account,Campaign,Case,EmailMessage,Lead)."),
        OptionSpec("api-version", value: "VERSION", help: "Salesforce REST API version (default \(ClientConfiguration().apiVersion))."),
        OptionSpec("workers", value: "N", help: "Parallel partition workers (default: the number of cores)."),
        OptionSpec("fetch-concurrency", value: "N", help: "sObject Collections requests in flight at once (default 8)."),
        OptionSpec("request-timeout", value: "SECONDS", help: "Timeout of one HTTP request in seconds (default 60)."),
        OptionSpec("errors", value: "FILE", help: "Also write one JSON line per failed record to FILE."),
    ] + ChunkingArguments.options(defaultStrategy: "by_title")

    static func categoryNames(_ arguments: ParsedArguments) -> [String] {
        guard let list = arguments.value("categories") else { return SObjectCategory.defaultNames }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func clientConfiguration(_ arguments: ParsedArguments) throws -> ClientConfiguration {
        var configuration = ClientConfiguration()
        if let version = arguments.value("api-version") {
            let trimmed = version.hasPrefix("v") ? String(version.dropFirst()) : version
            guard let number = Double(trimmed), number >= 20 else {
                throw UsageError("invalid value '\(version)' for --api-version: expected a version such as 62.0")
            }
            configuration.apiVersion = trimmed.contains(".") ? trimmed : trimmed + ".0"
        }
        if let timeout = try arguments.decimal("request-timeout", in: 0.1...3600) {
            configuration.requestTimeout = timeout
        }
        return configuration
    }

    static func pipelineConfiguration(_ arguments: ParsedArguments, categories: [SObjectCategory]) throws -> PipelineConfiguration {
        var configuration = PipelineConfiguration(
            categories: categories,
            chunking: try ChunkingArguments.parse(arguments, defaultStrategy: "by_title")
        )
        if let workers = try arguments.integer("workers", in: 1...256) {
            configuration.partitionWorkers = workers
        }
        if let concurrency = try arguments.integer("fetch-concurrency", in: 1...64) {
            configuration.fetchConcurrency = concurrency
        }
        return configuration
    }
}
