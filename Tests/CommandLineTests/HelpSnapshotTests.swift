import Foundation
import Testing

@Suite struct HelpSnapshotTests {
    @Test(arguments: ["", "salesforce", "demo", "partition", "chunk", "emulator"])
    func helpMatchesSnapshot(command: String) async throws {
        let name = command.isEmpty ? "help" : "help-\(command)"
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Snapshots"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        let result = try await ToolProcess.run(command.isEmpty ? ["--help"] : [command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText == expected, "regenerate Tests/CommandLineTests/Snapshots/\(name).txt if the change is intended")
    }

    @Test func unknownCommandIsAUsageError() async throws {
        let result = try await ToolProcess.run(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderrLines.first == "sfstream: error: unknown command 'frobnicate': give a command such as salesforce or demo first")
        #expect(result.stderrLines.dropFirst().first == "Usage: sfstream COMMAND [options]")
    }

    @Test(arguments: [["--version"], ["salesforce", "--version"], ["demo", "--version"], ["partition", "--version"], ["chunk", "--version"], ["emulator", "--version"]])
    func versionIsPrintedOnStdout(arguments: [String]) async throws {
        let result = try await ToolProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutLines.count == 1)
        let words = result.stdoutText.split(separator: " ")
        #expect(words.first == "sfstream")
        #expect(words.count == 2)
        #expect(words.last?.first?.isNumber == true, "\(result.stdoutText)")
    }

    @Test func versionWinsOverOtherArguments() async throws {
        let result = try await ToolProcess.run(["salesforce", "--workers", "0", "--version"])
        #expect(result.status == 0)
        #expect(result.stdoutText.hasPrefix("sfstream "))
    }

    @Test func helpAndVersionWinOverUnknownOptions() async throws {
        let help = try await ToolProcess.run(["salesforce", "--bogus", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdoutText.hasPrefix("Usage: sfstream salesforce"))
        let version = try await ToolProcess.run(["demo", "--bogus", "--version"])
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdoutText.hasPrefix("sfstream "))
        let afterDashes = try await ToolProcess.run(["partition", "--bogus", "--", "--help"])
        #expect(afterDashes.status == 64)
    }

    @Test func helpCommandShowsCommandHelp() async throws {
        let result = try await ToolProcess.run(["help", "chunk"])
        let direct = try await ToolProcess.run(["chunk", "--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText == direct.stdoutText)
        let unknown = try await ToolProcess.run(["help", "frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'frobnicate'"))
    }

    @Test func topLevelHelpMentionsVersion() async throws {
        let result = try await ToolProcess.run(["--help"])
        #expect(result.stdoutText.contains("--version"))
    }
}
