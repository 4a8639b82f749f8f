import Foundation
import Testing

@testable import SFStreamCommandLine

/// ``ConfigFile`` parsing details that the binary tests do not reach one by one.
@Suite struct ConfigFileParsingTests {
    let spec = CommandSpec(
        name: "test", brief: "", summary: "", usage: "",
        options: [
            OptionSpec("categories", value: "LIST", help: "Categories."),
            OptionSpec("fault-rate", value: "P", help: "Rate."),
            OptionSpec("multipage-sections", value: "BOOL", help: "Pages."),
            OptionSpec("include-deleted", help: "Flag."),
            OptionSpec.config,
        ]
    )

    func load(_ text: String, name: String = "settings.conf") throws -> ConfigFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sfstream-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try ConfigFile.load(path: file.path, for: spec, otherOptionNames: ["username"])
    }

    @Test func linesKeepHashInsideValues() throws {
        let file = try load("\u{FEFF}# comment\r\ncategories = 'Account#1'\r\n\r\ninclude-deleted = TRUE\r\n")
        #expect(file.entries["categories"]?.value == "Account#1")
        #expect(file.entries["categories"]?.line == 2)
        #expect(file.entries["include-deleted"]?.value == "true")
        #expect(file.entries["include-deleted"]?.isFlag == true)
    }

    @Test func otherCommandsKeysAreSkipped() throws {
        let file = try load("username = someone@example.com\n")
        #expect(file.entries.isEmpty)
    }

    @Test func jsonNumbersAndBooleansBecomeText() throws {
        let file = try load(#"  {"fault-rate": 0.25, "multipage-sections": false, "include-deleted": true, "categories": "Lead"}"#)
        #expect(file.entries["fault-rate"]?.value == "0.25")
        #expect(file.entries["fault-rate"]?.line == nil)
        #expect(file.entries["multipage-sections"]?.value == "false")
        #expect(file.entries["include-deleted"]?.value == "true")
        #expect(file.entries["categories"]?.value == "Lead")
    }

    @Test func jsonRepeatedKeyIsRejected() {
        #expect(throws: UsageError.self) {
            try load(#"{"categories": "Lead", "fault-rate": 0.1, "categories": "Case"}"#)
        }
    }

    @Test func repeatedKeyScanSkipsNestedAndQuoted() {
        #expect(ConfigFile.repeatedTopLevelKey(in: Array(#"{"a": {"b": 1, "b": 2}, "c": "x,"a": 1"}"#.utf8)) == nil)
        #expect(ConfigFile.repeatedTopLevelKey(in: Array(#"{"a": [1, {"a": 2}], "d": 1, "d": 2}"#.utf8)) == "d")
        #expect(ConfigFile.repeatedTopLevelKey(in: Array(#"{"a": 1, "a": 2}"#.utf8)) == "a")
    }

    @Test func jsonBooleanForValueOptionIsRejected() {
        #expect(throws: UsageError.self) {
            try load(#"{"categories": true}"#)
        }
    }

    @Test func falseFlagLeavesOptionUnset() throws {
        var parsed = try ArgumentParser.parse([], for: spec)
        parsed.configFile = try load("include-deleted = false\n")
        #expect(!parsed.flag("include-deleted"))
        #expect(parsed.origin(of: "include-deleted") == nil)
    }

    @Test func configValueIsLabelledByFileAndLine() throws {
        var parsed = try ArgumentParser.parse([], for: spec)
        parsed.configFile = try load("\ncategories = Lead\n")
        #expect(parsed.value("categories") == "Lead")
        #expect(parsed.label("categories").contains("line 2"))
        #expect(!parsed.invalidValue("categories", expected: "x").message.contains("Lead"))
    }
}
