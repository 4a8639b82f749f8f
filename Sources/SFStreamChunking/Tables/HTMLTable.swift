/// A table read from an element's `text_as_html`, compacted as `unstructured`'s `HtmlTable` does
/// before it splits a table: no attributes except `colspan` and `rowspan`, `th` written as `td`,
/// no `thead`, `tbody` or `tfoot`, and whitespace collapsed.
///
/// The reader is a small tolerant tokenizer, not a full HTML parser: it reads the first `<table>`
/// and keeps the rows and cells of that table. Markup inside a cell stays as bare tags, and a
/// nested table's tags are dropped while its text stays in the enclosing cell.
struct HTMLTable {
    struct Cell {
        /// Compact `<td>…</td>` as it appears in its row.
        var html: String
        /// The cell as a piece of a split row writes it: `html`, or `<td/>` (keeping spans above 1)
        /// when the cell has no text.
        var packedHTML: String
        var packedHTMLCount: Int
        /// The cell's text, words separated by one space; a `<br>` separates words.
        var text: String
        var textCount: Int
        var colspan: Int
        var rowspan: Int
        /// The compact content between the cell's tags.
        var innerHTML: String
        /// The `colspan` and `rowspan` attribute values as written, escaped.
        var colspanValue: String?
        var rowspanValue: String?
        /// Text (even whitespace) came before any tag in the cell, so an empty cell is written
        /// `<td></td>` rather than `<td/>`.
        var hasOwnText: Bool

        /// Returns the cell as a `name` element (`td` or `th`), its `rowspan` clipped to
        /// `maxRowspan` so that it reaches no row beyond the piece it is written in.
        func html(as name: String, maxRowspan: Int) -> String {
            var tag = "<" + name
            if let colspanValue { tag += " colspan=\"\(colspanValue)\"" }
            if let rowspanValue {
                if rowspan <= maxRowspan {
                    tag += " rowspan=\"\(rowspanValue)\""
                } else if maxRowspan > 1 {
                    tag += " rowspan=\"\(maxRowspan)\""
                }
            }
            if innerHTML.isEmpty, !hasOwnText { return tag + "/>" }
            return tag + ">" + innerHTML + "</\(name)>"
        }
    }

    struct Row {
        var cells: [Cell]
        /// A row in `<thead>`, or whose cells are all `th` after optional blank `td` corner cells.
        var isHeader: Bool
        /// Compact `<tr>…</tr>`.
        var html: String
        var htmlCount: Int
        /// The non-empty cell texts joined by one space.
        var text: String
        var textCount: Int

        /// The largest `rowspan` of the row's cells.
        var maxRowspan: Int { cells.map(\.rowspan).max() ?? 1 }

        /// Returns `html` with every `rowspan` clipped to `maxRowspan`, the rows from this one to
        /// the end of the piece it is written in.
        func html(clippingRowspanTo maxRowspan: Int) -> String {
            guard self.maxRowspan > maxRowspan else { return html }
            return "<tr>" + cells.map { $0.html(as: "td", maxRowspan: maxRowspan) }.joined() + "</tr>"
        }
    }

    var rows: [Row]
    /// Compact `<caption>…</caption>`, or empty. Only an unsplit table's HTML contains it, because
    /// `unstructured` builds the pieces of a split table from rows alone.
    var caption: String

    /// Compact `<table>…</table>`.
    var html: String { "<table>" + caption + rows.map(\.html).joined() + "</table>" }
    var htmlCount: Int {
        Self.tableTagsCount + caption.unicodeScalars.count + rows.reduce(0) { $0 + $1.htmlCount }
    }

    /// Scalars of `<table></table>`.
    static let tableTagsCount = 15

    /// Reads the first table in `html`, or returns nil when there is none.
    init?(html: String) {
        var reader = Reader(Array(html.utf8))
        guard let rows = reader.readTable() else { return nil }
        self.rows = rows
        self.caption = reader.caption
    }
}

extension HTMLTable {
    /// Escapes text for element content, as lxml serializes it: `&`, `<`, `>`.
    static func escapeContent(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        guard text.utf8.contains(where: special) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Returns the scalars `scalar` takes once escaped by Python's `html.escape` (quotes included),
    /// which `unstructured` applies to the text of a split cell.
    static func escapedCount(_ scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "&": return 5
        case "<", ">": return 4
        case "\"": return 6
        case "'": return 6
        default: return 1
        }
    }

    /// Escapes as Python's `html.escape(text)`: `&`, `<`, `>`, `"` and `'`.
    static func escapeWithQuotes(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append(contentsOf: "&amp;".unicodeScalars)
            case "<": output.append(contentsOf: "&lt;".unicodeScalars)
            case ">": output.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": output.append(contentsOf: "&quot;".unicodeScalars)
            case "'": output.append(contentsOf: "&#x27;".unicodeScalars)
            default: output.append(scalar)
            }
        }
        return String(output)
    }

    /// Returns an opening `<td>` tag, with `colspan` and `rowspan` attributes only when above 1.
    static func openingCellTag(colspan: Int, rowspan: Int = 1, selfClosing: Bool = false) -> String {
        var tag = "<td"
        if colspan > 1 { tag += " colspan=\"\(colspan)\"" }
        if rowspan > 1 { tag += " rowspan=\"\(rowspan)\"" }
        return tag + (selfClosing ? "/>" : ">")
    }
}
