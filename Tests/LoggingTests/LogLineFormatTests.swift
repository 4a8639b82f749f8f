import Testing
import SFStreamLogging

@Suite struct LogLineFormatTests {
    @Test func fieldsSortedByKey() {
        let line = LogLineFormat.line(
            prefix: "sfstream", level: .warning, message: "retrying request",
            metadata: ["path": "/services/data/v62.0/query", "attempt": "2", "method": "GET"]
        )
        #expect(line == "sfstream: warning: retrying request attempt=2 method=GET path=/services/data/v62.0/query")
    }

    @Test func noFieldsNoTrailingSpace() {
        let line = LogLineFormat.line(prefix: "sfstream demo", level: .error, message: "failed", metadata: [:])
        #expect(line == "sfstream demo: error: failed")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("two words", #""two words""#),
        ("a=b", #""a=b""#),
        ("", #""""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"C:\temp"#, #""C:\\temp""#),
        ("line\nbreak", #""line\nbreak""#),
        ("tab\there", #""tab\there""#),
    ])
    func valueQuotedWhenNeeded(value: String, expected: String) {
        #expect(LogLineFormat.quotedIfNeeded(value) == expected)
    }

    @Test func messageNewlineEscaped() {
        let line = LogLineFormat.line(prefix: "p", level: .info, message: "first\nsecond\u{1B}[2J", metadata: [:])
        #expect(line == #"p: info: first\nsecond\u{1B}[2J"#)
        #expect(!line.contains("\n"))
    }

    @Test func nestedValuesFlattenToOneField() {
        let line = LogLineFormat.line(
            prefix: "p", level: .debug, message: "m", metadata: ["list": ["a", "b"], "map": ["y": "2", "x": "1"]]
        )
        #expect(line == #"p: debug: m list="[a, b]" map="[x: 1, y: 2]""#)
    }
}
