/// Splits a `Table` (or `TableChunk`) element that is longer than the hard limit, after
/// `unstructured`'s `_TableChunker`.
///
/// A table whose text and compact HTML both fit `maxCharacters` stays one `Table`. Otherwise its
/// rows are packed into pieces, a row too long for a piece is split between cells, and a cell too
/// long is split by the text splitter. Each piece's `text_as_html` is a `<table>` of whole rows
/// (or cells) of at most `maxCharacters` scalars, and so is its text. `unstructured` bounds only
/// the text of a piece of whole rows, so its HTML can exceed the limit; sfstream bounds both.
/// A table without `text_as_html`, or a hard limit under 50 (too small for the about 33 scalars of
/// markup a piece needs), is split as plain text.
///
/// TODO: `unstructured` 0.27.35 also keeps rows joined by a `rowspan` in one piece, and it repeats
/// header rows at the start of each continuation piece. sfstream does neither yet.
struct TableSplitter {
    struct Piece: Equatable {
        var text: String
        var html: String?
    }

    enum Result: Equatable {
        /// The table fits: one `Table` with this text and compact HTML.
        case whole(Piece)
        /// The table was split into `TableChunk` pieces, in order.
        case split([Piece])
        /// The table has no text and yields no chunk.
        case empty
    }

    /// Hard limits below this split tables as plain text (`unstructured`'s `min_html_threshold`).
    static let minimumLimitForHTML = 50

    let maxCharacters: Int
    let overlap: Int

    func split(text: String, textAsHTML: String?) -> Result {
        guard PythonWhitespace.collapse(text).count > 0 else { return .empty }
        let (strippedText, textCount) = PythonWhitespace.strip(text)

        var table: HTMLTable?
        if let textAsHTML, PythonWhitespace.strip(textAsHTML).count > 0 {
            table = HTMLTable(html: textAsHTML)
        }
        let html = table?.html
        let htmlCount = table?.htmlCount ?? 0

        if textCount <= maxCharacters, htmlCount <= maxCharacters {
            return .whole(Piece(text: strippedText, html: html))
        }
        guard let table, maxCharacters >= Self.minimumLimitForHTML else {
            let pieces = TextSplitter.split(strippedText, maxCharacters: maxCharacters, overlap: overlap)
            return .split(pieces.map { Piece(text: $0, html: nil) })
        }
        return .split(splitRows(table.rows))
    }

    /// Packs whole rows while the joined text and the `<table>` markup both fit.
    private func splitRows(_ rows: [HTMLTable.Row]) -> [Piece] {
        var pieces: [Piece] = []
        var packed: [HTMLTable.Row] = []
        var packedTextCount = 0
        var packedHTMLCount = HTMLTable.tableTagsCount

        func fits(_ row: HTMLTable.Row) -> Bool {
            // As `unstructured`: one separator space per packed row, counted before the new row.
            let textFits = maxCharacters - packed.count - packedTextCount >= row.textCount
            return textFits && packedHTMLCount + row.htmlCount <= maxCharacters
        }

        func flush() {
            guard !packed.isEmpty else { return }
            let text = packed.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            let html = "<table>" + packed.map(\.html).joined() + "</table>"
            pieces.append(Piece(text: text, html: html))
            packed = []
            packedTextCount = 0
            packedHTMLCount = HTMLTable.tableTagsCount
        }

        for row in rows {
            if !fits(row) { flush() }
            if fits(row) {
                packed.append(row)
                packedTextCount += row.textCount
                packedHTMLCount += row.htmlCount
            } else {
                pieces.append(contentsOf: splitCells(row.cells))
            }
        }
        flush()
        return pieces
    }

    /// Scalars of `<table><tr></tr></table>`.
    private static let rowTagsCount = 24

    /// Packs whole cells of one oversized row while the joined text and markup both fit.
    private func splitCells(_ cells: [HTMLTable.Cell]) -> [Piece] {
        var pieces: [Piece] = []
        var packed: [HTMLTable.Cell] = []
        var packedText = ""
        var packedTextCount = 0
        var emptyCells = 0
        var packedHTMLCount = Self.rowTagsCount

        func fits(_ cell: HTMLTable.Cell) -> Bool {
            guard packedHTMLCount + cell.packedHTMLCount <= maxCharacters else { return false }
            if cell.textCount == 0 {
                return packedTextCount + emptyCells + 1 <= maxCharacters
            }
            let joinedCount = packedTextCount == 0 ? cell.textCount : packedTextCount + 1 + cell.textCount
            return joinedCount + emptyCells <= maxCharacters
        }

        func flush() {
            guard !packed.isEmpty else { return }
            let html = "<table><tr>" + packed.map(\.packedHTML).joined() + "</tr></table>"
            pieces.append(Piece(text: packedText, html: html))
            packed = []
            packedText = ""
            packedTextCount = 0
            emptyCells = 0
            packedHTMLCount = Self.rowTagsCount
        }

        for cell in cells {
            if !fits(cell) { flush() }
            if fits(cell) {
                packed.append(cell)
                packedHTMLCount += cell.packedHTMLCount
                if cell.textCount == 0 {
                    emptyCells += 1
                } else {
                    packedText = packedTextCount == 0 ? cell.text : packedText + " " + cell.text
                    packedTextCount += (packedTextCount == 0 ? 0 : 1) + cell.textCount
                }
            } else {
                pieces.append(contentsOf: splitCellText(cell))
            }
        }
        flush()
        return pieces
    }

    /// Splits one oversized cell's text so that each `<table><tr><td>…</td></tr></table>` fits,
    /// counting the text as Python's `html.escape` writes it. A single scalar whose escaped form
    /// alone exceeds the room left is still written, so the split always advances.
    private func splitCellText(_ cell: HTMLTable.Cell) -> [Piece] {
        let openingTag = HTMLTable.openingCellTag(colspan: cell.colspan)
        let markupCount = "<table><tr>".count + openingTag.unicodeScalars.count + "</td></tr></table>".count
        let budget = max(1, maxCharacters - markupCount)

        var splitter = TextSplitter(cell.text)
        var pieces: [Piece] = []
        while !splitter.isFinished {
            let limit = max(1, splitter.longestPrefix(costing: HTMLTable.escapedCount, within: budget))
            let text = splitter.nextPiece(maxCharacters: limit, overlap: 0)
            let html = "<table><tr>" + openingTag + HTMLTable.escapeWithQuotes(text) + "</td></tr></table>"
            pieces.append(Piece(text: text, html: html))
        }
        return pieces
    }
}
