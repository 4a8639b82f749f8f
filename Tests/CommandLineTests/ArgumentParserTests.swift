import Testing

@testable import SFStreamCommandLine

@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        name: "test", brief: "", summary: "", usage: "",
        options: [
            OptionSpec("username", value: "USER", environment: "SALESFORCE_USERNAME", help: "User."),
            OptionSpec("workers", value: "N", help: "Workers."),
            OptionSpec("include-deleted", help: "Flag."),
        ]
    )

    @Test func readsSeparateAndInlineValues() throws {
        let parsed = try ArgumentParser.parse(["--username", "a@example.com", "--workers=4", "--include-deleted"], for: spec)
        #expect(parsed.value("username") == "a@example.com")
        #expect(try parsed.integer("workers", in: 1...8) == 4)
        #expect(parsed.flag("include-deleted"))
    }

    @Test func fallsBackToEnvironment() throws {
        let parsed = try ArgumentParser.parse([], for: spec, environment: ["SALESFORCE_USERNAME": "env@example.com"])
        #expect(parsed.value("username") == "env@example.com")
        let overridden = try ArgumentParser.parse(["--username", "flag@example.com"], for: spec, environment: ["SALESFORCE_USERNAME": "env@example.com"])
        #expect(overridden.value("username") == "flag@example.com")
    }

    @Test func rejectsUnknownOption() {
        #expect(throws: UsageError("unknown option '--bogus'")) {
            try ArgumentParser.parse(["--bogus"], for: spec)
        }
    }

    @Test func rejectsMissingValue() {
        #expect(throws: UsageError("missing value for --workers: write --workers N")) {
            try ArgumentParser.parse(["--workers"], for: spec)
        }
    }

    @Test func rejectsValueOnFlag() {
        #expect(throws: UsageError("--include-deleted is a flag and takes no value: write --include-deleted alone")) {
            try ArgumentParser.parse(["--include-deleted=yes"], for: spec)
        }
    }

    @Test func rejectsOutOfRangeInteger() throws {
        let parsed = try ArgumentParser.parse(["--workers", "0"], for: spec)
        #expect(throws: UsageError("invalid value '0' for --workers: expected a whole number from 1 to 8")) {
            try parsed.integer("workers", in: 1...8)
        }
    }

    @Test func keepsPositionalsAndDoubleDash() throws {
        let parsed = try ArgumentParser.parse(["a.html", "--", "--not-an-option.html"], for: spec)
        #expect(parsed.positionals == ["a.html", "--not-an-option.html"])
    }

    @Test func helpListsEveryOption() {
        let help = spec.helpText
        #expect(help.contains("--username USER"))
        #expect(help.contains("Environment: SALESFORCE_USERNAME."))
        #expect(help.contains("--include-deleted"))
        #expect(help.contains("--help"))
    }
}

@Suite struct ArgumentParserEdgeTests {
    let spec = CommandSpec(
        name: "test", brief: "", summary: "", usage: "",
        options: [
            OptionSpec("username", value: "USER", environment: "SALESFORCE_USERNAME", help: "User."),
            OptionSpec("consumer-key", value: "KEY", help: "Key."),
            OptionSpec("passphrase", value: "TEXT", secret: true, help: "Secret."),
        ]
    )

    @Test func optionAfterOptionIsMissingValue() {
        #expect(throws: UsageError("missing value for --username: write --username USER")) {
            try ArgumentParser.parse(["--username", "--consumer-key", "k"], for: spec)
        }
    }

    @Test func inlineValueMayStartWithDashes() throws {
        let parsed = try ArgumentParser.parse(["--username=--odd"], for: spec)
        #expect(parsed.value("username") == "--odd")
    }

    @Test func typoGetsASuggestion() {
        #expect(throws: UsageError("unknown option '--usrname'; did you mean '--username'?")) {
            try ArgumentParser.parse(["--usrname", "u"], for: spec)
        }
    }

    @Test func singleDashOptionIsRejected() {
        #expect(throws: UsageError.self) {
            try ArgumentParser.parse(["-u"], for: spec)
        }
    }

    @Test func versionIsRecognized() throws {
        let parsed = try ArgumentParser.parse(["--version"], for: spec)
        #expect(parsed.versionRequested)
    }

    @Test func secretValueIsNotEchoed() throws {
        let parsed = try ArgumentParser.parse(["--passphrase", "hunter2"], for: spec)
        let error = parsed.invalidValue("passphrase", expected: "something else")
        #expect(!error.message.contains("hunter2"))
        #expect(error.message.contains("--passphrase"))
    }

    @Test func environmentValueIsLabelledByVariable() throws {
        let parsed = try ArgumentParser.parse([], for: spec, environment: ["SALESFORCE_USERNAME": "x"])
        #expect(parsed.label("username") == "SALESFORCE_USERNAME")
        #expect(parsed.origin(of: "username") == .environment(variable: "SALESFORCE_USERNAME"))
    }

    @Test func editDistanceCountsEdits() {
        #expect(ArgumentParser.editDistance("workers", "workers") == 0)
        #expect(ArgumentParser.editDistance("worker", "workers") == 1)
        #expect(ArgumentParser.editDistance("wrokers", "workers") == 2)
        #expect(ArgumentParser.editDistance("", "abc") == 3)
    }
}

@Suite struct ArgumentValueTests {
    let spec = CommandSpec(
        name: "test", brief: "", summary: "", usage: "",
        options: [OptionSpec("private-key", value: "PEM", help: "Key."), OptionSpec("overlap", value: "N", help: "N.")]
    )

    @Test func pemTextIsAValue() throws {
        let parsed = try ArgumentParser.parse(["--private-key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"], for: spec)
        #expect(parsed.value("private-key")?.hasPrefix("-----BEGIN") == true)
    }

    @Test func negativeNumberIsAValue() throws {
        let parsed = try ArgumentParser.parse(["--overlap", "-1"], for: spec)
        #expect(parsed.value("overlap") == "-1")
    }
}
