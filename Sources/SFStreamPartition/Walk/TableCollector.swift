/// The cells of one data table, collected during the walk and rebuilt as clean HTML.
struct TableCollector {
    private struct Cell {
        var text: String
        var isHeader: Bool
        var columnSpan: Int
        var rowSpan: Int
    }

    private var rows: [[Cell]] = []
    private var currentRow: [Cell]?
    private var openCell: (isHeader: Bool, columnSpan: Int, rowSpan: Int)?
    /// Text of the `<caption>`, emitted as its own element before the table.
    var caption = ""

    var isInCell: Bool { openCell != nil }

    mutating func startRow() {
        endRow()
        currentRow = []
    }

    mutating func endRow() {
        if let row = currentRow { rows.append(row) }
        currentRow = nil
    }

    mutating func startCell(isHeader: Bool, columnSpan: Int, rowSpan: Int) {
        openCell = (isHeader, columnSpan, rowSpan)
        if currentRow == nil { currentRow = [] }
    }

    mutating func endCell(text: String) {
        let cell = openCell ?? (false, 1, 1)
        currentRow?.append(
            Cell(text: text, isHeader: cell.isHeader, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan))
        openCell = nil
    }

    /// Adds text found inside the table but outside any cell (malformed markup) as a cell of its own.
    mutating func addStrayText(_ text: String) {
        guard !text.isEmpty else { return }
        startCell(isHeader: false, columnSpan: 1, rowSpan: 1)
        endCell(text: text)
    }

    /// Returns the table's text (non-empty cells joined by spaces, in source order) and its
    /// `text_as_html`: `<table>` with `<tr>` rows of `<th>`/`<td>` cells, keeping rows in thead,
    /// tbody and tfoot in source order and dropping rows whose cells are all blank. Returns `nil`
    /// when every cell is blank.
    mutating func finish() -> (text: String, html: String)? {
        endRow()
        var text = ""
        var html = "<table>"
        var hasContent = false
        for row in rows where row.contains(where: { !$0.text.isEmpty }) {
            hasContent = true
            html += "<tr>"
            for cell in row {
                if !cell.text.isEmpty {
                    if !text.isEmpty { text += " " }
                    text += cell.text
                }
                let name = cell.isHeader ? "th" : "td"
                html += "<\(name)"
                if cell.columnSpan > 1 { html += " colspan=\"\(cell.columnSpan)\"" }
                if cell.rowSpan > 1 { html += " rowspan=\"\(cell.rowSpan)\"" }
                html += ">"
                html += TableCollector.escaped(cell.text)
                html += "</\(name)>"
            }
            html += "</tr>"
        }
        html += "</table>"
        return hasContent ? (text, html) : nil
    }

    private static func escaped(_ text: String) -> String {
        guard
            text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
