import Foundation
import Testing

/// docs/cli.md must list every option that the built binary's help lists, under its command.
@Suite struct CLIReferenceTests {
    static var referenceURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/cli.md")
    }

    /// Returns the command names listed by `sfstream --help`.
    static func commandNames() async throws -> [String] {
        let help = try await ToolProcess.run(["--help"]).stdoutText
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Commands:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Returns the `--option` names listed by `sfstream COMMAND --help`.
    static func optionNames(of command: String) async throws -> [String] {
        let help = try await ToolProcess.run([command, "--help"]).stdoutText
        return help.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  --") else { return nil }
            return line.dropFirst(2).split(separator: " ").first.map(String.init)
        }
    }

    /// Returns the text of each `## sfstream COMMAND` section of the reference, by command.
    static func sections(of text: String) -> [String: String] {
        var sections: [String: String] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                let words = line.dropFirst(3).replacingOccurrences(of: "`", with: "").split(separator: " ")
                current = words.count == 2 && words[0] == "sfstream" ? String(words[1]) : nil
                continue
            }
            if let current { sections[current, default: ""] += line + "\n" }
        }
        return sections
    }

    @Test func referenceListsEveryOption() async throws {
        let text = try String(contentsOf: Self.referenceURL, encoding: .utf8)
        let sections = Self.sections(of: text)
        let commands = try await Self.commandNames()
        #expect(commands.count >= 5, "could not read the command list of sfstream --help")
        for command in commands {
            let section = sections[command]
            #expect(section != nil, "docs/cli.md has no '## sfstream \(command)' section")
            for option in try await Self.optionNames(of: command) {
                // `--overlap` must not match `--overlap-all`: the name ends at a backtick or a space.
                let listed = section.map { $0.contains("`\(option)`") || $0.contains("`\(option) ") } ?? false
                #expect(listed, "docs/cli.md does not list \(option) under 'sfstream \(command)'")
            }
        }
    }

    @Test func referenceListsEveryExitStatus() throws {
        let text = try String(contentsOf: Self.referenceURL, encoding: .utf8)
        for status in [0, 1, 2, 3, 64, 66, 130, 143] {
            let listed = text.split(separator: "\n").contains { line in
                line.hasPrefix("| ") && line.split(separator: "|").first?.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == String(status) } == true
            }
            #expect(listed, "docs/cli.md does not list exit status \(status)")
        }
    }
}
