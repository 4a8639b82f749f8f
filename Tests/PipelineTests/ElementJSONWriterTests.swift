import Foundation
import Testing

@testable import SFStream

@Suite struct ElementJSONWriterTests {
    @Test func writesKeysInUnstructuredOrderAndOmitsEmptyFields() {
        var metadata = ElementMetadata()
        metadata.filename = "a.html"
        metadata.linkTexts = []
        metadata.subject = ""
        let line = ElementJSONWriter.line(for: Element(type: .title, text: "Hi", metadata: metadata, elementID: "abc"))
        #expect(line == #"{"type":"Title","element_id":"abc","text":"Hi","metadata":{"filename":"a.html"}}"#)
    }

    @Test func escapesControlCharactersAndQuotes() throws {
        let text = "quote \" backslash \\ tab \t newline \n bell \u{07} nul \u{00}"
        let line = ElementJSONWriter.line(for: Element(type: .narrativeText, text: text, elementID: "x"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        #expect(!line.contains("\n"))
    }

    /// Found by the fuzz target: an `href` starting with a byte order mark lost it on reading.
    @Test func byteOrderMarkSurvivesRoundTrip() throws {
        var metadata = ElementMetadata()
        metadata.linkURLs = ["\u{FEFF}<59/-p", "x\u{FEFF}y"]
        let element = Element(type: .uncategorizedText, text: "\u{FEFF}a", metadata: metadata, elementID: "abc")
        let line = ElementJSONWriter.line(for: element)
        #expect(line.contains("\"\\ufeff<59/-p\""))
        #expect(!line.unicodeScalars.contains("\u{FEFF}"))
        #expect(try ElementJSONReader.element(fromJSONLine: line) == element)
    }

    @Test func escapesUnicodeLineSeparators() throws {
        let text = "next\u{85}line\u{2028}separator\u{2029}paragraph"
        let line = ElementJSONWriter.line(for: Element(type: .narrativeText, text: text, elementID: "x"))
        #expect(line.contains(#"\u0085"#))
        #expect(line.contains(#"\u2028"#))
        #expect(line.contains(#"\u2029"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        // Python's str.splitlines() also breaks at these characters.
        #expect(!line.unicodeScalars.contains { [0x85, 0x2028, 0x2029].contains($0.value) })
    }

    @Test func readerRoundTripsWriterOutput() throws {
        var metadata = ElementMetadata()
        metadata.filename = "r.html"
        metadata.categoryDepth = 1
        metadata.sentTo = ["a@example.com", "b@example.com"]
        metadata.dataSource = DataSource(url: "https://x", version: "v", recordLocator: ["category": "Case", "id": "500"])
        metadata.extra = [("parent_record_id", "500xx")]
        let element = Element(type: .listItem, text: "Item é ✓", metadata: metadata, elementID: "id1")
        let decoded = try ElementJSONReader.element(fromJSONLine: ElementJSONWriter.line(for: element))
        #expect(decoded == element)
    }

    @Test func tombstoneLineNamesTheRecord() throws {
        var writer = ElementJSONWriter()
        writer.writeTombstone(category: "Account", id: "001xx", url: "https://x/001xx")
        let line = String(decoding: writer.buffer, as: UTF8.self)
        #expect(line == #"{"deleted":true,"record_locator":{"category":"Account","id":"001xx"},"url":"https://x/001xx"}"# + "\n")
    }
}
