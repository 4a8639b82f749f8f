import Foundation
import Testing
import SFStreamSalesforce

@Suite("SOQL literals")
struct SOQLLiteralTests {
    @Test(arguments: [
        ("plain", "'plain'"),
        ("O'Brien", #"'O\'Brien'"#),
        (#"a\b"#, #"'a\\b'"#),
        ("line\nbreak\ttab", #"'line\nbreak\ttab'"#),
        (#"say "hi""#, #"'say \"hi\"'"#),
        ("x' OR Name != '", #"'x\' OR Name != \''"#),
    ])
    func stringEscaped(text: String, literal: String) {
        #expect(SOQLLiteral.string(text) == literal)
    }

    @Test func dateTimeInUTCWholeSeconds() {
        let date = Date(timeIntervalSince1970: 1_772_360_100.987)
        #expect(SOQLLiteral.dateTime(date) == "2026-03-01T10:15:00Z")
    }
}
