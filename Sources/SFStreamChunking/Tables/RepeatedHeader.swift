/// The leading header rows that start every continuation piece of a split table, as
/// `unstructured` 0.27.35 repeats them by default (`repeat_table_headers`).
///
/// Header rows are the table's leading rows in `<thead>` or made of `th` cells. Each repeated
/// cell is written as `th`, and its `rowspan` is clipped so it stays inside the header.
struct RepeatedHeader {
    let rowCount: Int
    /// The header rows' non-empty cell texts, joined by one space.
    let text: String
    let textCount: Int
    /// `<thead>…</thead>`.
    let html: String
    let htmlCount: Int

    /// Returns the header to repeat, or nil when the table starts with no header row or when
    /// repeating it would crowd out the body.
    ///
    /// The limits of `unstructured` apply: no header row longer than half of `maxCharacters`, all
    /// header text within three quarters of it, and no body cell left a budget too small for two
    /// characters of HTML. sfstream adds one rule because it also bounds each piece's HTML: the
    /// header's HTML takes at most half of `maxCharacters` and leaves at least
    /// ``TableSplitter/minimumLimitForHTML`` scalars for the body.
    init?(rows: [HTMLTable.Row], maxCharacters: Int) {
        let headerRows = rows.prefix { $0.isHeader }
        guard !headerRows.isEmpty else { return nil }

        rowCount = headerRows.count
        text = headerRows.flatMap { $0.cells.map(\.text) }.filter { !$0.isEmpty }.joined(separator: " ")
        textCount = text.unicodeScalars.count
        let rowHTML = headerRows.enumerated().map { index, row in
            let cells = row.cells.map { $0.html(as: "th", maxRowspan: headerRows.count - index) }
            return "<tr>" + cells.joined() + "</tr>"
        }
        html = "<thead>" + rowHTML.joined() + "</thead>"
        htmlCount = html.unicodeScalars.count

        let longestRow = headerRows.map(\.textCount).max() ?? 0
        guard longestRow <= (maxCharacters + 1) / 2, textCount <= 3 * maxCharacters / 4 else { return nil }
        guard htmlCount <= maxCharacters / 2,
              maxCharacters - htmlCount >= TableSplitter.minimumLimitForHTML
        else { return nil }
        let continuationTextLimit = max(1, maxCharacters - textCount - 1)
        if Self.wouldStarveBodyCell(rows.dropFirst(rowCount), textLimit: continuationTextLimit) {
            return nil
        }
    }

    /// True when a body cell longer than the continuation text limit could not be split into
    /// pieces of even two characters, measured as `unstructured` does with two escaped quotes.
    private static func wouldStarveBodyCell(_ rows: ArraySlice<HTMLTable.Row>, textLimit: Int) -> Bool {
        for row in rows {
            for cell in row.cells where cell.textCount > textLimit {
                let probe = cell.text.contains(" ") ? "' '" : "''"
                let fragment = "<table><tr>" + HTMLTable.openingCellTag(colspan: cell.colspan)
                    + HTMLTable.escapeWithQuotes(probe) + "</td></tr></table>"
                if textLimit < fragment.unicodeScalars.count { return true }
            }
        }
        return false
    }

    /// Returns `piece` with the header in front of its text and inside its `<table>`.
    func prepended(to piece: TableSplitter.Piece) -> TableSplitter.Piece {
        let pieceText = piece.text
        let joinedText = text.isEmpty || pieceText.isEmpty ? text + pieceText : text + " " + pieceText
        var joinedHTML = piece.html
        if let pieceHTML = piece.html {
            var body = Substring(pieceHTML)
            if body.hasPrefix("<table>") { body = body.dropFirst("<table>".count) }
            if body.hasSuffix("</table>") { body = body.dropLast("</table>".count) }
            joinedHTML = "<table>" + html + body + "</table>"
        }
        return TableSplitter.Piece(text: joinedText, html: joinedHTML)
    }
}
