import Testing
import SFStreamElements
@testable import SFStreamChunking

@Suite struct TableChunkingTests {
    /// Builds a two-column table of `rows` rows, with its text as `unstructured` writes it.
    private func rowsTable(_ rows: Int) -> Element {
        let cells = (0..<rows).map { ("Account \($0)", "\($0 * 100)") }
        let html = "<table>" + cells.map { "<tr><td>\($0.0)</td><td>\($0.1)</td></tr>" }.joined() + "</table>"
        let text = cells.map { "\($0.0) \($0.1)" }.joined(separator: " ")
        return table(text, html: html)
    }

    @Test func smallTableStaysTableWithCompactHTML() throws {
        let html = """
            <table border="1"><thead><tr><th class="x">Name</th><th>Amount</th></tr></thead>
              <tbody><tr><td>Acme  &amp; Co</td><td>100</td></tr></tbody></table>
            """
        let chunks = try chunk([table("  Name Amount Acme & Co 100 ", html: html)])
        #expect(chunks.count == 1)
        #expect(chunks[0].type == .table)
        #expect(chunks[0].text == "Name Amount Acme & Co 100")
        #expect(chunks[0].metadata.textAsHTML
            == "<table><tr><td>Name</td><td>Amount</td></tr><tr><td>Acme &amp; Co</td><td>100</td></tr></table>")
        #expect(chunks[0].metadata.chunkIndex == nil)
        #expect(chunks[0].metadata.isContinuation == nil)
    }

    @Test func tableAtLimitIsNotSplit() throws {
        let html = "<table><tr><td>\(letters(67))</td></tr></table>"  // 33 + 67 = 100
        let chunks = try chunk([table(letters(67), html: html)], maxCharacters: 100)
        #expect(chunks.map(\.type) == [.table])
    }

    @Test func tableOneAboveLimitIsSplit() throws {
        let html = "<table><tr><td>\(letters(34))</td><td>\(letters(34, "b"))</td></tr></table>"  // 101
        let chunks = try chunk([table(letters(34) + " " + letters(34, "b"), html: html)], maxCharacters: 100)
        #expect(chunks.map(\.type) == [.tableChunk, .tableChunk])
        #expect(chunks.map(\.text) == [letters(34), letters(34, "b")])
    }

    @Test func largeTableSplitsIntoRowPieces() throws {
        let source = rowsTable(12)
        let chunks = try chunk([source], maxCharacters: 100)

        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.type == .tableChunk })
        for piece in chunks {
            let html = try #require(piece.metadata.textAsHTML)
            #expect(html.unicodeScalars.count <= 100)
            #expect(piece.text.unicodeScalars.count <= 100)
            #expect(html.hasPrefix("<table><tr>"))
            #expect(html.hasSuffix("</tr></table>"))
        }
        #expect(chunks.map(\.metadata.chunkIndex) == Array(0..<chunks.count).map(Optional.some))
        #expect(chunks.map(\.metadata.isContinuation) == [nil] + Array(repeating: true, count: chunks.count - 1))

        // The pieces hold every row once, in order.
        let rows = chunks.compactMap(\.metadata.textAsHTML).map {
            $0.replacingOccurrences(of: "<table>", with: "").replacingOccurrences(of: "</table>", with: "")
        }.joined()
        #expect("<table>" + rows + "</table>" == source.metadata.textAsHTML)
        #expect(chunks.map(\.text).joined(separator: " ") == source.text)
    }

    @Test func headerRowsRepeatOnContinuations() throws {
        let header = "<tr><th>Name</th><th>Amount</th></tr>"
        let body = (0..<12).map { "<tr><td>Account \($0)</td><td>\($0 * 100)</td></tr>" }
        let html = "<table>" + header + body.joined() + "</table>"
        let text = "Name Amount " + (0..<12).map { "Account \($0) \($0 * 100)" }.joined(separator: " ")
        let chunks = try chunk([table(text, html: html)], maxCharacters: 120)

        #expect(chunks.count > 2)
        #expect(chunks[0].metadata.textAsHTML?.hasPrefix("<table><tr><td>Name</td><td>Amount</td></tr>") == true)
        #expect(chunks.map(\.metadata.numCarriedOverHeaderRows) == [0] + Array(repeating: 1, count: chunks.count - 1))
        for piece in chunks.dropFirst() {
            let pieceHTML = try #require(piece.metadata.textAsHTML)
            #expect(pieceHTML.hasPrefix("<table><thead><tr><th>Name</th><th>Amount</th></tr></thead><tr><td>Account"))
            #expect(piece.text.hasPrefix("Name Amount Account"))
        }
        for piece in chunks {
            #expect(piece.text.unicodeScalars.count <= 120)
            #expect((piece.metadata.textAsHTML?.unicodeScalars.count ?? 121) <= 120)
        }

        // Without the repeated header, the pieces hold every body row once, in order.
        let bodyRows = chunks.compactMap(\.metadata.textAsHTML).map {
            $0.replacingOccurrences(of: "<thead>" + header + "</thead>", with: "")
                .replacingOccurrences(of: "<table>", with: "").replacingOccurrences(of: "</table>", with: "")
        }.joined()
        #expect(bodyRows == "<tr><td>Name</td><td>Amount</td></tr>" + body.joined())
    }

    @Test func longHeaderIsNotRepeated() throws {
        // A header row longer than half of max_characters would crowd out the body.
        let header = "<tr><th>\(letters(61))</th></tr>"
        let body = (0..<12).map { "<tr><td>Account \($0)</td></tr>" }
        let html = "<table>" + header + body.joined() + "</table>"
        let text = letters(61) + " " + (0..<12).map { "Account \($0)" }.joined(separator: " ")
        let chunks = try chunk([table(text, html: html)], maxCharacters: 120)

        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.metadata.numCarriedOverHeaderRows == 0 })
        #expect(chunks.allSatisfy { $0.metadata.textAsHTML?.contains("<thead>") == false })
    }

    @Test func rowspanRowsStayTogether() throws {
        // Every third row starts a span over itself and the next row.
        let rows = (0..<20).map { index in
            index % 3 == 0
                ? "<tr><td rowspan=\"2\">Group \(index)</td><td>Row \(index)</td></tr>"
                : "<tr><td>Row \(index)</td></tr>"
        }
        let text = (0..<20).map { $0 % 3 == 0 ? "Group \($0) Row \($0)" : "Row \($0)" }.joined(separator: " ")
        let chunks = try chunk([table(text, html: "<table>" + rows.joined() + "</table>")], maxCharacters: 100)

        #expect(chunks.count > 2)
        for piece in chunks {
            let pieceHTML = try #require(piece.metadata.textAsHTML)
            #expect(pieceHTML.unicodeScalars.count <= 100)
            let pieceTable = try #require(HTMLTable(html: pieceHTML))
            for (index, row) in pieceTable.rows.enumerated() {
                #expect(row.maxRowspan <= pieceTable.rows.count - index, "span leaves its piece: \(pieceHTML)")
            }
            // A span over two rows is never cut: its second row starts no piece.
            #expect(!pieceHTML.hasPrefix("<table><tr><td>Row 1</td>"))
            #expect(!pieceHTML.hasPrefix("<table><tr><td>Row 4</td>"))
        }
    }

    @Test func rowspanIsClippedToItsPiece() throws {
        // The two rows together (192 scalars of HTML) exceed the limit, so each is a piece, and the
        // span over five rows is clipped to the one row of its piece.
        let html = "<table><tr><td rowspan=\"5\">\(letters(40))</td><td>\(letters(40, "b"))</td></tr>"
            + "<tr><td>\(letters(40, "c"))</td></tr></table>"
        let text = letters(40) + " " + letters(40, "b") + " " + letters(40, "c")
        let chunks = try chunk([table(text, html: html)], maxCharacters: 150)
        #expect(chunks.map(\.metadata.textAsHTML) == [
            "<table><tr><td>\(letters(40))</td><td>\(letters(40, "b"))</td></tr></table>",
            "<table><tr><td>\(letters(40, "c"))</td></tr></table>",
        ])
    }

    @Test func piecesOfOneTableShareTableID() throws {
        let chunks = try chunk([rowsTable(12)], maxCharacters: 100)
        let tableIDs = chunks.map { $0.metadata.extra.first { $0.key == "table_id" }?.value }
        #expect(Set(tableIDs).count == 1)
        #expect(tableIDs.first == chunks.first?.elementID)
    }

    @Test func oversizedRowSplitsBetweenCells() throws {
        let cells = (0..<4).map { index in Array(repeating: "c\(index)", count: 6).joined(separator: " ") }
        let html = "<table><tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr></table>"
        let chunks = try chunk([table(cells.joined(separator: " "), html: html)], maxCharacters: 80)

        #expect(chunks.map(\.text) == [cells[0] + " " + cells[1], cells[2] + " " + cells[3]])
        #expect(chunks.map(\.metadata.textAsHTML) == [
            "<table><tr><td>\(cells[0])</td><td>\(cells[1])</td></tr></table>",
            "<table><tr><td>\(cells[2])</td><td>\(cells[3])</td></tr></table>",
        ])
    }

    @Test func oversizedCellSplitsAtWords() throws {
        // Same pieces as unstructured 0.27.35 gives for this table.
        let cell = (0..<40).map { "word\($0)" }.joined(separator: " ")
        let chunks = try chunk([table(cell, html: "<table><tr><td>\(cell)</td></tr></table>")], maxCharacters: 60)

        #expect(chunks.count == 10)
        #expect(chunks[0].text == "word0 word1 word2 word3")
        #expect(chunks[0].metadata.textAsHTML == "<table><tr><td>word0 word1 word2 word3</td></tr></table>")
        #expect(chunks[9].text == "word36 word37 word38 word39")
        #expect(chunks.allSatisfy { ($0.metadata.textAsHTML?.count ?? 61) <= 60 })
        #expect(chunks.map(\.text).joined(separator: " ") == cell)
    }

    @Test func escapedCellTextCountsTowardLimit() throws {
        let cell = Array(repeating: "R&D", count: 12).joined(separator: " ")
        let html = "<table><tr><td>\(cell.replacingOccurrences(of: "&", with: "&amp;"))</td></tr></table>"
        let chunks = try chunk([table(cell, html: html)], maxCharacters: 60)

        #expect(chunks.count > 1)
        for piece in chunks {
            let pieceHTML = try #require(piece.metadata.textAsHTML)
            #expect(pieceHTML.count <= 60)
            #expect(pieceHTML.contains("R&amp;D"))
        }
        #expect(chunks.map(\.text).joined(separator: " ") == cell)
    }

    @Test func tableWithoutHTMLSplitsAsText() throws {
        let text = (0..<30).map { "value\($0)" }.joined(separator: " ")
        let chunks = try chunk([table(text, html: nil)], maxCharacters: 50)
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.type == .tableChunk })
        #expect(chunks.allSatisfy { $0.metadata.textAsHTML == nil })
        #expect(chunks.allSatisfy { $0.text.count <= 50 })
        #expect(chunks.map(\.text).joined(separator: " ") == text)
    }

    @Test func limitBelowFiftySplitsAsText() throws {
        let chunks = try chunk([rowsTable(5)], maxCharacters: 49)
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.metadata.textAsHTML == nil })
    }

    @Test func tableStandsAloneBetweenText() throws {
        let small = table("cell", html: "<table><tr><td>cell</td></tr></table>")
        for strategy in ChunkingStrategy.allCases {
            let chunks = try chunk([narrative("before"), small, narrative("after")], strategy: strategy)
            #expect(chunks.map(\.text) == ["before", "cell", "after"])
            #expect(chunks.map(\.type) == [.compositeElement, .table, .compositeElement])
        }
    }

    @Test func tableChunkInputIsChunkedAsTable() throws {
        var piece = element(.tableChunk, "cell")
        piece.metadata.textAsHTML = "<table><tr><td>cell</td></tr></table>"
        let chunks = try chunk([narrative("before"), piece])
        #expect(chunks.map(\.type) == [.compositeElement, .table])
    }

    @Test func tableWithoutTextGivesNoChunk() throws {
        let chunks = try chunk([table("  \n ", html: "<table><tr><td></td></tr></table>")])
        #expect(chunks.isEmpty)
    }

    @Test func tableMetadataDropsParentAndDepth() throws {
        var source = rowsTable(2)
        source.metadata.parentID = "parent"
        source.metadata.categoryDepth = 1
        source.metadata.filename = "500xx.html"
        let chunks = try chunk([source])
        #expect(chunks[0].metadata.parentID == nil)
        #expect(chunks[0].metadata.categoryDepth == nil)
        #expect(chunks[0].metadata.filename == "500xx.html")
    }
}

@Suite struct HTMLTableReaderTests {
    @Test func readerCompactsMarkup() throws {
        let table = try #require(HTMLTable(html: """
            <p>before</p><!-- note --><TABLE class="t">
            <caption>Totals</caption>
            <tr><th colspan="2" style="x">Head &nbsp;one</th></tr>
            <tr><td><b>Bold</b> &#39;q&#x27; &lt;tag&gt;</td><td>line<br>break</td></tr>
            <tr><td rowspan=3></td></tr>
            </table><table><tr><td>second</td></tr></table>
            """))
        #expect(table.rows.count == 3)
        #expect(table.rows[0].html == "<tr><td colspan=\"2\">Head one</td></tr>")
        #expect(table.rows[0].isHeader)
        #expect(table.rows[1].html == "<tr><td><b>Bold</b> 'q' &lt;tag&gt;</td><td>line<br/>break</td></tr>")
        #expect(table.rows[1].text == "Bold 'q' <tag> line break")
        #expect(!table.rows[1].isHeader)
        #expect(table.rows[2].html == "<tr><td rowspan=\"3\"/></tr>")
        #expect(table.rows[2].text == "")
    }

    @Test func readerKeepsCaptionInTableHTML() throws {
        let html = "<table><caption> Q3  <b>totals</b></caption>"
            + "<thead><tr><th>Name</th></tr></thead><tr><td>Acme</td></tr></table>"
        let table = try #require(HTMLTable(html: html))
        #expect(table.caption == "<caption>Q3<b>totals</b></caption>")
        #expect(table.html
            == "<table><caption>Q3<b>totals</b></caption><tr><td>Name</td></tr><tr><td>Acme</td></tr></table>")
        #expect(table.rows.count == 2)
        #expect(table.rows[0].isHeader)
    }

    @Test func readerTakesRowsWithoutTR() throws {
        let table = try #require(HTMLTable(html: "<table><td>a</td><td>b</td></table>"))
        #expect(table.html == "<table><tr><td>a</td><td>b</td></tr></table>")
    }

    @Test func readerRejectsHTMLWithoutTable() {
        #expect(HTMLTable(html: "<p>no table</p>") == nil)
    }

    @Test func readerKeepsNestedTableText() throws {
        let html = "<table><tr><td>outer<table><tr><td>inner</td></tr></table></td></tr></table>"
        let table = try #require(HTMLTable(html: html))
        #expect(table.rows.count == 1)
        #expect(table.rows[0].text == "outer inner")
    }
}
