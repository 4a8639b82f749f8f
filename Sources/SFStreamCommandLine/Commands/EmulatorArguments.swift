import Foundation

/// The emulator options shared by `emulator` and `demo`.
enum EmulatorArguments {
    static let options: [OptionSpec] = [
        OptionSpec("port", value: "N", help: "TCP port on 127.0.0.1, 0 to 65535 (default 0: any free port). Record URLs contain it, so two runs write the same bytes only on the same port."),
        OptionSpec("corpus", value: "DIR", help: "Folder of HTML files used as EmailMessage bodies (default: the bundled corpus of 91 real e-mails and pages)."),
        OptionSpec("records", value: "N", help: "Records generated per category (default: 25, and one EmailMessage per corpus file)."),
        OptionSpec("seed", value: "N", help: "Seed of the generated records and injected faults (default 1)."),
        OptionSpec("page-size", value: "N", help: "Maximum records in one query page, 1 to 2000 (default 2000)."),
        OptionSpec("latency-ms", value: "N", help: "Delay added to every response, in milliseconds, 0 to 600000 (default 0)."),
        OptionSpec("fault-rate", value: "P", help: "Probability from 0 to 1 that a request gets an injected fault (default 0)."),
        OptionSpec("api-request-limit", value: "N", help: "The emulated org's daily API request allowance in requests, reported in Sforce-Limit-Info (default 100000)."),
    ]

    /// Applies the options to `configuration`.
    static func apply(_ arguments: ParsedArguments, to configuration: inout EmulatorConfiguration) throws {
        if let port = try arguments.integer("port", in: 0...65535) {
            configuration.port = UInt16(port)
        }
        if let corpus = arguments.value("corpus") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory) else {
                throw InputFileError("\(arguments.label("corpus")) '\(corpus)' not found: give a folder of .html files")
            }
            guard isDirectory.boolValue else {
                throw InputFileError("\(arguments.label("corpus")) '\(corpus)' is a file, not a folder: give a folder of .html files")
            }
            configuration.corpusDirectory = URL(fileURLWithPath: corpus)
        }
        if let records = try arguments.integer("records", in: 0...10_000_000) {
            configuration.recordCount = records
        }
        if let seed = try arguments.integer("seed", in: 0...Int.max) {
            configuration.seed = UInt64(seed)
        }
        if let pageSize = try arguments.integer("page-size", in: 1...2000) {
            configuration.pageSize = pageSize
        }
        if let latency = try arguments.integer("latency-ms", in: 0...600_000) {
            configuration.latencyMilliseconds = latency
        }
        if let rate = try arguments.decimal("fault-rate", in: 0...1) {
            configuration.faultRate = rate
        }
        if let limit = try arguments.integer("api-request-limit", in: 1...100_000_000) {
            configuration.apiRequestLimit = limit
        }
    }
}
