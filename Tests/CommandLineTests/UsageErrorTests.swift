import Foundation
import Testing

/// Usage errors exit 64 before any output, with one sentence naming the option, then the usage line.
@Suite(.timeLimit(.minutes(10))) struct UsageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        /// Text the error sentence must contain: the option or argument at fault.
        var names: String
        var environment: [String: String] = [:]

        var testDescription: String { arguments.joined(separator: " ") }
        var command: String { arguments[0] }
    }

    static let credentials = ["--username", "u@example.com", "--consumer-key", "k"]

    static let cases: [Case] = [
        // Unknown and malformed options.
        Case(arguments: ["salesforce", "--bogus"], names: "--bogus"),
        Case(arguments: ["demo", "-w", "2"], names: "-w"),
        Case(arguments: ["demo", "--recrds", "3"], names: "--records"),
        Case(arguments: ["demo", "--include-deleted=yes"], names: "--include-deleted"),
        Case(arguments: ["chunk", "stray"], names: "stray"),
        // Missing values.
        Case(arguments: ["demo", "--workers"], names: "--workers"),
        Case(arguments: ["demo", "--categories", "--workers", "2"], names: "--categories"),
        Case(arguments: ["demo", "--config", ""], names: "--config"),
        // Invalid values of each kind.
        Case(arguments: ["demo", "--workers", "many"], names: "--workers"),
        Case(arguments: ["demo", "--fetch-batch-size", "201"], names: "--fetch-batch-size"),
        Case(arguments: ["demo", "--request-timeout", "0"], names: "--request-timeout"),
        Case(arguments: ["demo", "--max-api-usage", "101"], names: "--max-api-usage"),
        Case(arguments: ["demo", "--chunking-strategy", "by_page"], names: "--chunking-strategy"),
        Case(arguments: ["demo", "--multipage-sections", "maybe"], names: "--multipage-sections"),
        Case(arguments: ["demo", "--since", "yesterday"], names: "--since"),
        Case(arguments: ["demo", "--shard", "4/3"], names: "--shard"),
        Case(arguments: ["demo", "--shard", "1/2", "--shard-window", "2026-01-01"], names: "--shard-window"),
        Case(arguments: ["demo", "--api-version", "abc"], names: "--api-version"),
        Case(arguments: ["demo", "--fields", "Account"], names: "--fields"),
        Case(arguments: ["demo", "--categories", ","], names: "--categories"),
        Case(arguments: ["demo"], names: "SALESFORCE_CATEGORIES", environment: ["SALESFORCE_CATEGORIES": " , "]),
        Case(arguments: ["demo", "--fault-rate", "2"], names: "--fault-rate"),
        Case(arguments: ["chunk", "--overlap", "-1"], names: "--overlap"),
        Case(arguments: ["partition", "--encoding", "klingon-8", "a.html"], names: "--encoding"),
        Case(arguments: ["emulator", "--certificate", "cert.pem", "--port", "70000"], names: "--port"),
        Case(arguments: ["salesforce"] + credentials + ["--private-key-file", "key.pem", "--login-url", "login.example.com"], names: "--login-url"),
        // Missing required options and arguments.
        Case(arguments: ["salesforce"], names: "--username"),
        Case(arguments: ["salesforce", "--username", "u@example.com"], names: "--consumer-key"),
        Case(arguments: ["salesforce"] + credentials, names: "--private-key-file"),
        Case(arguments: ["emulator"], names: "--certificate"),
        Case(arguments: ["partition"], names: "FILE"),
        // Conflicts, and options that have no effect without another.
        Case(arguments: ["salesforce"] + credentials + ["--private-key-file", "key.pem", "--private-key", "KEYTEXT"], names: "--private-key-file and --private-key"),
        Case(
            arguments: ["salesforce"] + credentials,
            names: "SALESFORCE_PRIVATE_KEY_FILE and SALESFORCE_PRIVATE_KEY",
            environment: ["SALESFORCE_PRIVATE_KEY_FILE": "key.pem", "SALESFORCE_PRIVATE_KEY": "KEYTEXT"]
        ),
        Case(arguments: ["demo", "--shard-window", "2025-01-01/2026-01-01"], names: "--shard-window needs --shard"),
        Case(arguments: ["demo", "--lookback", "60"], names: "--lookback needs --state-file"),
        Case(arguments: ["partition", "--max-characters", "200", "a.html"], names: "--max-characters"),
        Case(arguments: ["demo", "--chunking-strategy", "none", "--overlap", "10"], names: "--overlap"),
        Case(arguments: ["chunk", "--chunking-strategy", "basic", "--multipage-sections", "false"], names: "--multipage-sections"),
        Case(arguments: ["chunk", "--overlap-all"], names: "--overlap-all"),
        Case(arguments: ["demo", "--max-characters", "100", "--new-after-n-chars", "200"], names: "new_after_n_chars"),
    ]

    @Test(arguments: cases)
    func usageErrorExits64(_ testCase: Case) async throws {
        let result = try await ToolProcess.run(testCase.arguments, environment: testCase.environment)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderrLines
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("sfstream \(testCase.command): error: ") == true, "\(result.stderr)")
        #expect(lines.first?.contains(testCase.names) == true, "\(result.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: sfstream \(testCase.command) ") == true, "\(result.stderr)")
        #expect(lines.last == "Run 'sfstream \(testCase.command) --help' for more information.")
    }

    @Test func commandLineKeyWinsOverEnvironmentKey() async throws {
        // The command line's key file is used, so the error names it and not the environment's key.
        let result = try await ToolProcess.run(
            ["salesforce"] + Self.credentials + ["--private-key-file", "/nonexistent/key.pem"],
            environment: ["SALESFORCE_PRIVATE_KEY": "KEYTEXT"]
        )
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/key.pem"))
    }
}

/// An input file named in the arguments that does not exist exits 66 with one line naming it.
@Suite(.timeLimit(.minutes(10))) struct MissingInputFileTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String] = [:]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let path = "/nonexistent-sfstream-folder/missing-input.txt"

    static let cases: [Case] = [
        Case(arguments: ["partition", path]),
        Case(arguments: ["salesforce", "--username", "u@example.com", "--consumer-key", "k", "--private-key-file", path]),
        // --private-key takes PEM text or a path, and a path is an input file like any other.
        Case(arguments: ["salesforce", "--username", "u@example.com", "--consumer-key", "k", "--private-key", path]),
        Case(arguments: ["salesforce", "--username", "u@example.com", "--consumer-key", "k"], environment: ["SALESFORCE_PRIVATE_KEY": path]),
        Case(arguments: ["salesforce"], environment: ["SFSTREAM_CONFIG": path]),
        Case(arguments: ["demo", "--config", path]),
        Case(arguments: ["chunk", "--config", path]),
        Case(arguments: ["emulator", "--certificate", path]),
        Case(arguments: ["demo", "--corpus", path]),
    ]

    @Test(arguments: cases)
    func missingInputExits66(_ testCase: Case) async throws {
        let result = try await ToolProcess.run(testCase.arguments, environment: testCase.environment)
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(Self.path), "\(result.stderr)")
    }

    @Test(arguments: ["--private-key-file", "--private-key"])
    func keyPathToFolderExits66(setting: String) async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ToolProcess.run(["salesforce", "--username", "u@example.com", "--consumer-key", "k", setting, folder.path])
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(setting), "\(result.stderr)")
        #expect(result.stderr.contains(folder.path), "\(result.stderr)")
    }
}
