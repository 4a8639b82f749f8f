import Foundation
import SalesforceEmulator
import Testing

/// `--config FILE` and `SFSTREAM_CONFIG`, in both formats, run through the built binary.
@Suite(.timeLimit(.minutes(10))) struct ConfigFileTests {
    /// Writes `text` to a new file in a throwaway folder and returns the folder and the file.
    static func write(_ text: String, name: String = "sfstream.conf") throws -> (URL, URL) {
        let folder = try ToolProcess.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return (folder, file)
    }

    @Test func keyValueFileSetsOptions() async throws {
        let text = """
            # demo settings
            records = 2

            categories = "Account"\r
              chunking-strategy='none'
            include-deleted = false
            """
        let (folder, file) = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ToolProcess.run(["demo", "--config", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let ids = try result.recordIdsByCategory()
        #expect(Set(ids.keys) == ["Account"])
        #expect(ids["Account"]?.count == 2)
    }

    @Test func jsonFileSetsOptions() async throws {
        let text = #"{"records": 3, "categories": "Lead", "chunking-strategy": "none", "include-deleted": false, "fault-rate": 0.0}"#
        let (folder, file) = try Self.write(text, name: "sfstream.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ToolProcess.run(["demo", "--config", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let ids = try result.recordIdsByCategory()
        #expect(Set(ids.keys) == ["Lead"])
        #expect(ids["Lead"]?.count == 3)
    }

    @Test func commandLineBeatsEnvironmentBeatsFile() async throws {
        let (folder, file) = try Self.write("records = 1\nchunking-strategy = none\ncategories = Lead\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["SALESFORCE_CATEGORIES": "Case"]

        let fromCommandLine = try await ToolProcess.run(["demo", "--config", file.path, "--categories", "Account"], environment: environment)
        #expect(fromCommandLine.status == 0, "\(fromCommandLine.stderr)")
        #expect(Set(try fromCommandLine.recordIdsByCategory().keys) == ["Account"])

        let fromEnvironment = try await ToolProcess.run(["demo", "--config", file.path], environment: environment)
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(Set(try fromEnvironment.recordIdsByCategory().keys) == ["Case"])

        let fromFile = try await ToolProcess.run(["demo", "--config", file.path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(Set(try fromFile.recordIdsByCategory().keys) == ["Lead"])
    }

    @Test func environmentVariableNamesTheFile() async throws {
        let (folder, file) = try Self.write("records = 1\nchunking-strategy = none\ncategories = Lead\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.conf")
        try Data("records = 1\nchunking-strategy = none\ncategories = Case\n".utf8).write(to: other)

        let fromVariable = try await ToolProcess.run(["demo"], environment: ["SFSTREAM_CONFIG": file.path])
        #expect(fromVariable.status == 0, "\(fromVariable.stderr)")
        #expect(Set(try fromVariable.recordIdsByCategory().keys) == ["Lead"])

        let fromOption = try await ToolProcess.run(["demo", "--config", other.path], environment: ["SFSTREAM_CONFIG": file.path])
        #expect(fromOption.status == 0, "\(fromOption.stderr)")
        #expect(Set(try fromOption.recordIdsByCategory().keys) == ["Case"])
    }

    @Test func keyOfAnotherCommandIsSkipped() async throws {
        // One file can serve salesforce and demo: demo has no --username.
        let (folder, file) = try Self.write("username = someone@example.com\nrecords = 1\ncategories = Lead\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ToolProcess.run(["demo", "--config", file.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        var text: String
        /// Texts the one-sentence error must contain.
        var names: [String]
        var testDescription: String { names.joined(separator: ", ") }
    }

    static let badFiles: [BadFile] = [
        BadFile(text: "records = 2\nrecrods = 3\n", names: ["line 2", "unknown key 'recrods'"]),
        BadFile(text: "--records = 2\n", names: ["line 1", "'records' without the leading dashes"]),
        BadFile(text: "records 2\n", names: ["line 1", "key = value"]),
        BadFile(text: "include-deleted = 1\n", names: ["line 1", "'include-deleted' is a flag"]),
        BadFile(text: "records = 2\nrecords = 3\n", names: ["line 2", "'records' is set twice"]),
        BadFile(text: "records =\n", names: ["line 1", "'records' has no value"]),
        BadFile(text: "categories = \"Lead\n", names: ["line 1", "no closing double quote"]),
        BadFile(text: "config = other.conf\n", names: ["line 1", "'config'"]),
        BadFile(text: "records = many\n", names: ["'records'", "line 1", "whole number"]),
        BadFile(text: #"{"include-deleted": "yes"}"#, names: ["'include-deleted' is a flag"]),
        BadFile(text: #"{"records": [1, 2]}"#, names: ["'records' needs a string or a number"]),
        BadFile(text: #"{"recrods": 2}"#, names: ["unknown key 'recrods'"]),
        BadFile(text: #"{"records": 2"#, names: ["not a valid JSON object"]),
    ]

    @Test(arguments: badFiles)
    func badFileIsAUsageError(_ bad: BadFile) async throws {
        let (folder, file) = try Self.write(bad.text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ToolProcess.run(["demo", "--config", file.path])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let sentence = try #require(result.stderrLines.first)
        #expect(sentence.contains("config file '\(file.path)'"), "\(sentence)")
        for text in bad.names {
            #expect(sentence.contains(text), "\(sentence)")
        }
        #expect(result.stderrLines.dropFirst().first == "Usage: sfstream demo [options]")
    }

    @Test func salesforceReadsCredentialsFromFile() async throws {
        let keyPair = try TestKeyPair.generate()
        var configuration = EmulatorConfiguration(certificatePEM: keyPair.certificatePEM)
        configuration.recordCount = 2
        let emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
        defer { emulator.stop() }

        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("key.pem")
        try Data(keyPair.privateKeyPEM.utf8).write(to: key)
        let settings: [String: Any] = [
            "username": configuration.username, "consumer-key": configuration.consumerKey,
            "private-key-file": key.path, "login-url": emulator.loginURL.absoluteString,
            "categories": "Account", "chunking-strategy": "none",
        ]
        let file = folder.appendingPathComponent("salesforce.json")
        try JSONSerialization.data(withJSONObject: settings).write(to: file)

        let result = try await ToolProcess.run(["salesforce", "--config", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try result.recordIdsByCategory()["Account"]?.count == 2)
    }
}

/// A secret in a config file appears in no error message, whichever error the file causes.
@Suite(.timeLimit(.minutes(10))) struct ConfigFileSecretTests {
    static let marker = "Zq7SECRETpassphrase"

    static let files: [String] = [
        // The secret sits beside an unknown key, a syntax error, or where a flag or a number belongs.
        "private-key-passphrase = \(marker)\nbogus-key = 1\n",
        "private-key-passphrase = \(marker)\n\(marker)\n",
        "include-deleted = \(marker)\n",
        "workers = \(marker)\n",
        "login-url = \(marker)\n",
        "fetch-batch-size = '\(marker)\n",
        "\(marker) = 1\n",
        #"{"private-key-passphrase": "\#(marker)", "verbose": "\#(marker)"}"#,
        #"{"workers": "\#(marker)"}"#,
        #"{"private-key-passphrase": "\#(marker)", "#,
    ]

    @Test(arguments: files.indices)
    func secretNeverInErrors(index: Int) async throws {
        let (folder, file) = try ConfigFileTests.write(Self.files[index])
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("key.pem")
        try Data("not a key".utf8).write(to: key)
        let result = try await ToolProcess.run([
            "salesforce", "--config", file.path, "--username", "u@example.com", "--consumer-key", "k",
            "--private-key-file", key.path,
        ])
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains(Self.marker), "\(result.stderr)")
        #expect(!result.stdoutText.contains(Self.marker))
    }
}
