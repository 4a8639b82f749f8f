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

    @Test func unknownCommandExitsTwo() async throws {
        let result = try await ToolProcess.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["sfstream: error: unknown command 'frobnicate'; run 'sfstream --help' for the list"])
    }
}
