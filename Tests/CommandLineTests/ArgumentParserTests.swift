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
        #expect(throws: UsageError("unknown option '--bogus' for 'sfstream test'; run 'sfstream test --help'")) {
            try ArgumentParser.parse(["--bogus"], for: spec)
        }
    }

    @Test func rejectsMissingValue() {
        #expect(throws: UsageError("missing value for --workers (N)")) {
            try ArgumentParser.parse(["--workers"], for: spec)
        }
    }

    @Test func rejectsValueOnFlag() {
        #expect(throws: UsageError("--include-deleted takes no value")) {
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
