import Testing
import SFStreamElements
@testable import SFStreamChunking

@Suite struct MetadataConsolidationTests {
    private func annotated(_ text: String, _ edit: (inout ElementMetadata) -> Void) -> Element {
        var element = narrative(text)
        edit(&element.metadata)
        return element
    }

    @Test func chunkMetadataFollowsUnstructuredRules() throws {
        let source = DataSource(url: "https://example.my.salesforce.com/services/data/v62.0/sobjects/Case/500A",
                                recordLocator: ["category": "Case", "id": "500A"])
        let first = annotated("one") {
            $0.filename = "500A.html"
            $0.filetype = "text/html"
            $0.dataSource = source
            $0.languages = ["eng"]
            $0.linkTexts = ["docs"]
            $0.linkURLs = ["https://example.com/docs"]
            $0.parentID = "parent"
            $0.categoryDepth = 2
            $0.textAsHTML = "<p>one</p>"
            $0.subject = "Renewal"
            $0.sentFrom = ["a@example.com"]
            $0.extra = [("parent_record_id", "001A")]
        }
        let second = annotated("two") {
            $0.filename = "other.html"
            $0.languages = ["jpn", "eng"]
            $0.linkTexts = ["help"]
            $0.linkURLs = ["https://example.com/help"]
            $0.emphasizedTextContents = ["two"]
            $0.emphasizedTextTags = ["b"]
            $0.subject = "Other"
            $0.imageURL = "https://example.com/i.png"
            $0.extra = [("parent_record_id", "001B"), ("owner", "005A")]
        }

        let chunks = try chunk([first, second])
        #expect(chunks.count == 1)
        let metadata = chunks[0].metadata
        #expect(metadata.filename == "500A.html")
        #expect(metadata.filetype == "text/html")
        #expect(metadata.dataSource == source)
        #expect(metadata.languages == ["eng", "jpn"])
        #expect(metadata.linkTexts == ["docs", "help"])
        #expect(metadata.linkURLs == ["https://example.com/docs", "https://example.com/help"])
        #expect(metadata.emphasizedTextContents == ["two"])
        #expect(metadata.emphasizedTextTags == ["b"])
        #expect(metadata.subject == "Renewal")
        #expect(metadata.sentFrom == ["a@example.com"])
        #expect(metadata.parentID == nil)
        #expect(metadata.categoryDepth == nil)
        #expect(metadata.textAsHTML == nil)
        #expect(metadata.imageURL == nil)
        #expect(metadata.extra.map(\.key) == ["parent_record_id", "owner"])
        #expect(metadata.extra.map(\.value) == ["001A", "005A"])
    }

    @Test func splitPiecesShareMetadata() throws {
        let long = annotated("alpha beta gamma delta") { $0.filename = "500A.html" }
        let chunks = try chunk([long], maxCharacters: 12)
        #expect(chunks.count == 2)
        #expect(chunks.allSatisfy { $0.metadata.filename == "500A.html" })
    }

    @Test func jsonLineHasNoOrigElements() throws {
        let chunks = try chunk([narrative("one"), narrative("two")])
        let line = ElementJSONWriter.line(for: chunks[0])
        #expect(!line.contains("orig_elements"))
        #expect(line.hasPrefix("{\"type\":\"CompositeElement\""))
    }
}

@Suite struct ChunkIDTests {
    private let elements = [
        element(.title, "Renewal terms", id: "t1"), element(.narrativeText, "Same text", id: "n1"),
        element(.title, "Support", id: "t2"), element(.narrativeText, "Same text", id: "n2"),
    ]

    @Test func idsAreDeterministic() throws {
        let first = try chunk(elements, strategy: .byTitle, combineTextUnderNChars: 0)
        let second = try chunk(elements, strategy: .byTitle, combineTextUnderNChars: 0)
        #expect(first.map(\.elementID) == second.map(\.elementID))
    }

    @Test func idsFollowDocumentedScheme() throws {
        let named = elements.map { element -> Element in
            var element = element
            element.metadata.filename = "500xx0000000001AAA.html"
            return element
        }
        let chunks = try chunk(named, strategy: .byTitle, combineTextUnderNChars: 0)
        #expect(chunks.count == 2)
        #expect(chunks[0].elementID == ChunkIDs.id(filename: "500xx0000000001AAA.html", chunkIndex: 0, text: chunks[0].text))
        #expect(chunks[1].elementID == ChunkIDs.id(filename: "500xx0000000001AAA.html", chunkIndex: 1, text: chunks[1].text))

        var input = Array("500xx0000000001AAA.html".utf8) + [0] + Array("0".utf8) + [0]
        input += Array(chunks[0].text.utf8)
        #expect(chunks[0].elementID == SHA256Digest.hex(of: input, digits: 32))
    }

    @Test func idsWithoutFilenameHashNone() throws {
        let chunks = try chunk(elements, strategy: .byTitle, combineTextUnderNChars: 0)
        var input = Array("None".utf8) + [0] + Array("0".utf8) + [0]
        input += Array(chunks[0].text.utf8)
        #expect(chunks[0].elementID == SHA256Digest.hex(of: input, digits: 32))
    }

    @Test func idsAreUniqueForRepeatedText() throws {
        let repeated = (0..<5).map { element(.narrativeText, "same", id: "n\($0)") }
            + [element(.narrativeText, letters(30), id: "x")]
        let chunks = try chunk(repeated, maxCharacters: 10, newAfterNChars: 0)
        #expect(chunks.count == 8)
        #expect(Set(chunks.map(\.elementID)).count == chunks.count)
        for id in chunks.map(\.elementID) {
            #expect(id.count == 32)
            #expect(id.allSatisfy { $0.isHexDigit })
            #expect(id == id.lowercased())
        }
    }

    @Test func idsDependOnFilename() throws {
        var first = element(.narrativeText, "text", id: "n1")
        var second = first
        first.metadata.filename = "001xx0000000001AAA.html"
        second.metadata.filename = "001xx0000000002AAA.html"
        let a = try chunk([first])
        let b = try chunk([second])
        #expect(a[0].elementID != b[0].elementID)
    }

    @Test func idsIgnoreElementIDs() throws {
        var withID = element(.narrativeText, "text", id: "n1")
        withID.metadata.filename = "001xx0000000001AAA.html"
        var withoutID = withID
        withoutID.elementID = ""
        #expect(try chunk([withID])[0].elementID == chunk([withoutID])[0].elementID)
    }
}
