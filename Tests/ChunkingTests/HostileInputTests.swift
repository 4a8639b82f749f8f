import Testing
import SFStreamElements
@testable import SFStreamChunking

/// Inputs found by the libFuzzer target in `Fuzz/`, minimised, each kept as the partition output
/// that broke a chunking contract (fixtures under `Fixtures/hostile-input`).
@Suite struct HostileInputTests {
    /// Checks that every chunk has text within the hard limit, and a table piece's HTML too.
    private func expectWellFormed(_ chunks: [Element], maxCharacters: Int) {
        for chunk in chunks {
            #expect(!chunk.text.isEmpty, "\(chunk.type) with empty text")
            #expect(chunk.text.unicodeScalars.count <= maxCharacters)
            if let html = chunk.metadata.textAsHTML {
                #expect(html.unicodeScalars.count <= maxCharacters)
            }
        }
    }

    /// Partitioned from `<table>>><td><td`: a row whose empty cells push its markup past the limit
    /// once made a `TableChunk` of only `<td/>` with empty text.
    @Test func tableEmptyCellsMakeNoEmptyChunk() throws {
        let elements = try Fixtures.elements("hostile-input/table-trailing-empty-cells.ndjson")
        for strategy in ChunkingStrategy.allCases {
            let chunks = try chunk(elements, strategy: strategy, maxCharacters: 50)
            expectWellFormed(chunks, maxCharacters: 50)
            #expect(chunks.map(\.text) == [">>"])
            #expect(chunks.map(\.type) == [.tableChunk])
        }
    }

    /// Partitioned from `<table><td colspan=2>n"<<td`: the cell's `colspan="2"` left room for 5
    /// scalars of escaped text, and `"` escapes to the 6 of `&quot;`, so its piece had 51 scalars
    /// of HTML under a limit of 50. Only that piece drops the `colspan`.
    @Test func tableColspanCellEscapesWithinLimit() throws {
        let elements = try Fixtures.elements("hostile-input/table-colspan-escaped-quote.ndjson")
        let chunks = try chunk(elements, strategy: .byTitle, maxCharacters: 50)
        expectWellFormed(chunks, maxCharacters: 50)
        #expect(chunks.map(\.text) == ["n", "\"", "<"])
        #expect(chunks.map(\.metadata.textAsHTML) == [
            "<table><tr><td colspan=\"2\">n</td></tr></table>",
            "<table><tr><td>&quot;</td></tr></table>",
            "<table><tr><td colspan=\"2\">&lt;</td></tr></table>",
        ])
    }

    /// Partitioned from a `<pre>` whose first 25 scalars are spaces, tabs and newlines before a
    /// `t`: the split of the 26-scalar text at max_characters 20 began with an empty piece.
    @Test func preLeadingWhitespaceMakesNoEmptyChunk() throws {
        let elements = try Fixtures.elements("hostile-input/pre-leading-whitespace.ndjson")
        for strategy in ChunkingStrategy.allCases {
            let chunks = try chunk(elements, strategy: strategy, maxCharacters: 20, overlap: 5)
            expectWellFormed(chunks, maxCharacters: 20)
            #expect(chunks.map(\.text) == ["t"])
            #expect(chunks.first?.metadata.isContinuation == nil)
        }
    }
}
