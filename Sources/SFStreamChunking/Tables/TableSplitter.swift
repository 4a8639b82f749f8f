/// Splits a `Table` (or `TableChunk`) element that is longer than the hard limit, after
/// `unstructured`'s `_TableChunker`.
///
/// A table whose text and compact HTML both fit `maxCharacters` stays one `Table`. Otherwise its
/// rows are packed into pieces, a row too long for a piece is split between cells, and a cell too
/// long is split by the text splitter. Each piece's `text_as_html` is a `<table>` of whole rows
/// (or cells) of at most `maxCharacters` scalars, and so is its text. `unstructured` bounds only
/// the text of a piece of whole rows, so its HTML can exceed the limit; sfstream bounds both.
/// Every piece after the first starts with the table's header rows (see ``RepeatedHeader``).
/// A table without `text_as_html`, or a hard limit under 50 (too small for the about 33 scalars of
/// markup a piece needs), is split as plain text.
///
/// Rows joined by a `rowspan` stay in one piece when they fit, and a span never reaches past the
/// rows of its piece.
struct TableSplitter {
    struct Piece: Equatable {
        var text: String
        var html: String?
    }

    enum Result: Equatable {
        /// The table fits: one `Table` with this text and compact HTML.
        case whole(Piece)
        /// The table was split into `TableChunk` pieces, in order. Every piece after the first
        /// starts with `carriedHeaderRows` repeated header rows.
        case split([Piece], carriedHeaderRows: Int)
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
        if let textAsHTML, textAsHTML.unicodeScalars.contains(where: { !PythonWhitespace.contains($0) }) {
            table = HTMLTable(html: textAsHTML)
        }
        let html = table?.html
        let htmlCount = table?.htmlCount ?? 0

        if textCount <= maxCharacters, htmlCount <= maxCharacters {
            return .whole(Piece(text: strippedText, html: html))
        }
        guard let table, maxCharacters >= Self.minimumLimitForHTML else {
            let pieces = TextSplitter.split(strippedText, maxCharacters: maxCharacters, overlap: overlap)
            return .split(pieces.map { Piece(text: $0, html: nil) }, carriedHeaderRows: 0)
        }

        let header = RepeatedHeader(rows: table.rows, maxCharacters: maxCharacters)
        var builder = PieceBuilder(maxCharacters: maxCharacters, header: header)
        builder.addRows(table.rows)
        return .split(builder.pieces, carriedHeaderRows: builder.header?.rowCount ?? 0)
    }
}
