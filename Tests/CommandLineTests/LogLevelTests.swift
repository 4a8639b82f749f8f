import Foundation
import Testing

/// `--log-level`, `SFSTREAM_LOG_LEVEL`, `--verbose` and `--quiet` on the built binary.
@Suite(.timeLimit(.minutes(10))) struct LogLevelTests {
    static let validLevels = "trace, debug, info, notice, warning, error, critical"

    @Test(arguments: ["demo", "salesforce", "partition", "chunk", "emulator"])
    func invalidLevelIsUsageError(command: String) async throws {
        let result = try await ToolProcess.run([command, "--log-level", "loud"])
        #expect(result.status == 64)
        // The error, then the usage line and a pointer to --help.
        #expect(result.stderrLines.count == 3, "\(result.stderr)")
        #expect(result.stderrLines.first?.contains("invalid value 'loud' for --log-level") == true)
        #expect(result.stderrLines.first?.contains(Self.validLevels) == true)
    }

    @Test func invalidEnvironmentLevelNamesVariable() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "1"], environment: ["SFSTREAM_LOG_LEVEL": "chatty"])
        #expect(result.status == 64)
        #expect(result.stderrLines.first == "sfstream demo: error: invalid value 'chatty' for SFSTREAM_LOG_LEVEL: expected one of \(Self.validLevels)")
    }

    @Test(arguments: [["--verbose", "--log-level", "debug"], ["--verbose", "--quiet"]])
    func contradictoryOptionsRejected(options: [String]) async throws {
        let result = try await ToolProcess.run(["demo", "--records", "1"] + options)
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 3, "\(result.stderr)")
        #expect(result.stderrLines.first?.contains("--verbose") == true)
    }

    @Test func defaultLevelShowsNoticesNotInfo() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "2", "--categories", "Case"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("sfstream demo: notice: emulated org started login_url=http://127.0.0.1:") == true)
        #expect(!result.stderr.contains(": info: "))
        #expect(result.stderrLines.last?.contains("records read") == true)
    }

    @Test func verboseIsInfo() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "2", "--categories", "Case", "--verbose"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("sfstream demo: info: obtained Salesforce access token attempts=1 instance_host=127.0.0.1"))
        #expect(!result.stderr.contains(": debug: "))
    }

    @Test func optionOverridesEnvironment() async throws {
        let quiet = try await ToolProcess.run(["demo", "--records", "2", "--categories", "Case"], environment: ["SFSTREAM_LOG_LEVEL": "error"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(!quiet.stderr.contains(": notice: "))

        let debug = try await ToolProcess.run(
            ["demo", "--records", "2", "--categories", "Case", "--log-level", "DEBUG"], environment: ["SFSTREAM_LOG_LEVEL": "error"]
        )
        #expect(debug.status == 0, "\(debug.stderr)")
        #expect(debug.stderr.contains("sfstream demo: debug: querying category category=Case"))
        #expect(debug.stderr.contains("sfstream demo: debug: category query ended category=Case records_read=2"))
    }

    @Test func quietStillPrintsErrors() async throws {
        let result = try await ToolProcess.run(["demo", "--quiet", "--state-file", "/nonexistent-folder/state.json"])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("sfstream demo: error: "))
        #expect(result.stderr.contains("does not exist"))
    }
}
