import Testing
@testable import SFStreamSalesforce

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func valuesAndEscapes() throws {
        let value = try parse(#"{"a":[1,-2.5e1,true,false,null],"s":"x\"\\\/\n\u00e9\ud83d\ude00","o":{}}"#)
        #expect(value["a"] == .array([.number(1), .number(-25), .bool(true), .bool(false), .null]))
        #expect(value["s"] == .string("x\"\\/\né😀"))
        #expect(value["o"] == .object([:]))
    }

    @Test func runsBetweenEscapes() throws {
        let value = try parse(#"["<p class=\"a\">first line</p>\n<p>second é line</p>\t end"]"#)
        #expect(value == .array([.string("<p class=\"a\">first line</p>\n<p>second é line</p>\t end")]))
    }

    @Test(arguments: [#"{"totalSize": 3, "done""#, #"[{"a":"b"#, #"{"a":1"#, "[1,", #"{"a":tr"#])
    func truncatedBodyIsTruncation(text: String) throws {
        let error = try #require(throws: JSONParseError.self) { try parse(text) }
        #expect(error.isTruncation)
    }

    @Test(arguments: ["<html>", #"{"a":1}x"#, #"{"a":01x}"#, #"{'a':1}"#])
    func malformedBodyIsNotTruncation(text: String) throws {
        let error = try #require(throws: JSONParseError.self) { try parse(text) }
        #expect(!error.isTruncation)
    }
}
