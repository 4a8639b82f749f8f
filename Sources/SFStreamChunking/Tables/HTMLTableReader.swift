extension HTMLTable {
    /// Tokenizes table HTML in one pass over its scalars.
    struct Reader {
        private let input: [Unicode.Scalar]
        private var position = 0

        private var rows: [Row] = []
        /// Compact `<caption>…</caption>`, when the table has one.
        private(set) var caption = ""
        private var openCaption: OpenCell?
        private var openRow: OpenRow?
        private var openCell: OpenCell?
        private var inHeadSection = false
        /// Depth of `<table>` elements; 1 inside the table being read.
        private var tableDepth = 0

        private struct OpenRow {
            var cells: [Cell] = []
            var isHeadSection: Bool
            var cellIsTH: [Bool] = []
        }

        private struct OpenCell {
            var isTH: Bool
            var colspan: Int
            var rowspan: Int
            /// The `colspan` and `rowspan` attributes as written, which lxml keeps verbatim.
            var spanAttributes: String
            var colspanValue: String?
            var rowspanValue: String?
            /// Escaped content and bare tags, whitespace compacted as lxml leaves it in `unstructured`.
            var html = String.UnicodeScalarView()
            /// The text of the compacted content, a space for each `<br>`. `unstructured` reads a
            /// cell's text after compacting, so `a <b>b</b>` reads as "ab".
            var text = String.UnicodeScalarView()
            /// Text (even whitespace) came before any tag in the cell. lxml then writes an empty
            /// cell as `<td></td>` instead of `<td/>`.
            var hasOwnText = false
            private var sawTag = false
            /// True until a tag closes inside the cell: text there is an element's own text, which
            /// `unstructured` strips, and text after a closing tag is a tail, which keeps one space
            /// at each edge.
            var isAfterStartTag = true
            /// A nested table's tags are dropped, so its words are separated by spaces instead.
            var hasNestedTable = false

            init(isTH: Bool, attributes: [String: String]) {
                self.isTH = isTH
                colspan = Self.span(attributes["colspan"])
                rowspan = Self.span(attributes["rowspan"])
                colspanValue = attributes["colspan"].map(HTMLTable.escapeContent)
                rowspanValue = attributes["rowspan"].map(HTMLTable.escapeContent)
                spanAttributes = (colspanValue.map { " colspan=\"\($0)\"" } ?? "")
                    + (rowspanValue.map { " rowspan=\"\($0)\"" } ?? "")
            }

            /// Appends a decoded text run, compacted as lxml leaves it after `unstructured`
            /// normalizes each text and tail.
            mutating func appendText(_ run: String) {
                if !sawTag { hasOwnText = true }
                let (words, count) = PythonWhitespace.collapse(run)
                var compacted = words
                if !isAfterStartTag, count > 0 {
                    let scalars = run.unicodeScalars
                    if PythonWhitespace.contains(scalars.first!) { compacted = " " + compacted }
                    if PythonWhitespace.contains(scalars.last!) { compacted += " " }
                }
                text.append(contentsOf: compacted.unicodeScalars)
                html.append(contentsOf: HTMLTable.escapeContent(compacted).unicodeScalars)
            }

            mutating func appendTag(_ markup: String, opensElement: Bool) {
                html.append(contentsOf: markup.unicodeScalars)
                isAfterStartTag = opensElement
                sawTag = true
            }

            /// Returns the `colspan` or `rowspan` value, 1 when missing or invalid, as `unstructured`
            /// reads it for splitting.
            private static func span(_ value: String?) -> Int {
                guard let value, let number = Int(PythonWhitespace.strip(value).text) else { return 1 }
                return max(1, number)
            }
        }

        init(_ input: [Unicode.Scalar]) {
            self.input = input
        }

        /// Reads up to the end of the first table; nil when the input has no `<table>` tag.
        mutating func readTable() -> [Row]? {
            var sawTable = false
            while position < input.count {
                if input[position] == "<", let tag = readTag() {
                    if tag.name.isEmpty {
                        continue  // a comment or declaration
                    } else if tag.name == "table" {
                        if !tag.isEnd {
                            tableDepth += 1
                            sawTable = true
                        } else if tableDepth > 0 {
                            tableDepth -= 1
                            if tableDepth == 0 { break }
                        }
                    } else if tableDepth == 1 {
                        handle(tag)
                    } else if tableDepth > 1 {
                        handleNested(tag)
                    }
                } else {
                    let text = readText()
                    if tableDepth >= 1, openCell != nil {
                        openCell!.appendText(text)
                    } else if tableDepth >= 1, openCaption != nil {
                        openCaption!.appendText(text)
                    }
                }
            }
            guard sawTable else { return nil }
            closeCaption()
            closeRow()
            return rows
        }

        private struct Tag {
            var name: String
            var isEnd: Bool
            var attributes: [String: String]
        }

        private mutating func handle(_ tag: Tag) {
            switch tag.name {
            case "caption":
                closeCaption()
                if !tag.isEnd, openRow == nil, rows.isEmpty, caption.isEmpty {
                    openCaption = OpenCell(isTH: false, attributes: [:])
                }
            case "thead":
                inHeadSection = !tag.isEnd
            case "tbody", "tfoot":
                inHeadSection = false
            case "tr":
                closeRow()
                if !tag.isEnd { openRow = OpenRow(isHeadSection: inHeadSection) }
            case "td", "th":
                closeCell()
                if !tag.isEnd {
                    if openRow == nil { openRow = OpenRow(isHeadSection: inHeadSection) }
                    openCell = OpenCell(isTH: tag.name == "th", attributes: tag.attributes)
                }
            default:
                handleInline(tag)
            }
        }

        /// Tags of a table nested in a cell: only line breaks matter, as word boundaries.
        private mutating func handleNested(_ tag: Tag) {
            guard openCell != nil else { return }
            openCell!.hasNestedTable = true
            if tag.name == "br" || tag.name == "td" || tag.name == "th" || tag.name == "tr" {
                openCell!.text.append(" ")
                openCell!.html.append(" ")
            }
        }

        private mutating func handleInline(_ tag: Tag) {
            if openCell == nil, openCaption != nil {
                if !Self.voidElements.contains(tag.name), tag.name != "br" {
                    let markup = tag.isEnd ? "</\(tag.name)>" : "<\(tag.name)>"
                    openCaption!.appendTag(markup, opensElement: !tag.isEnd)
                }
                return
            }
            guard openCell != nil else { return }
            if tag.name == "br" {
                openCell!.appendTag("<br/>", opensElement: false)
                openCell!.text.append(" ")
                return
            }
            if Self.voidElements.contains(tag.name) {
                if !tag.isEnd { openCell!.appendTag("<\(tag.name)/>", opensElement: false) }
                return
            }
            let markup = tag.isEnd ? "</\(tag.name)>" : "<\(tag.name)>"
            openCell!.appendTag(markup, opensElement: !tag.isEnd)
        }

        private static let voidElements: Set<String> = [
            "area", "base", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        ]

        /// Ends the caption, which `unstructured` keeps in the HTML of a table that is not split.
        private mutating func closeCaption() {
            guard let open = openCaption else { return }
            openCaption = nil
            let inner = String(open.html)
            caption = inner.isEmpty && !open.hasOwnText ? "<caption/>" : "<caption>" + inner + "</caption>"
        }

        private mutating func closeCell() {
            guard let cell = openCell else { return }
            openCell = nil
            let (text, textCount) = PythonWhitespace.collapse(String(cell.text))
            var inner = String(cell.html)
            if cell.hasNestedTable { inner = PythonWhitespace.collapse(inner).text }
            let html: String
            if inner.isEmpty, !cell.hasOwnText {
                html = "<td" + cell.spanAttributes + "/>"
            } else {
                html = "<td" + cell.spanAttributes + ">" + inner + "</td>"
            }
            // A piece of a split row contains one row, so a `rowspan` above 1 is dropped; the rest
            // is written as `unstructured`'s `HtmlCell.html` writes it.
            let packedHTML: String
            if textCount == 0 {
                packedHTML = HTMLTable.openingCellTag(colspan: cell.colspan, selfClosing: true)
            } else if cell.rowspan > 1 {
                let colspan = cell.colspanValue.map { " colspan=\"\($0)\"" } ?? ""
                packedHTML = "<td" + colspan + ">" + inner + "</td>"
            } else {
                packedHTML = html
            }

            if openRow == nil { openRow = OpenRow(isHeadSection: inHeadSection) }
            openRow!.cells.append(
                Cell(html: html, packedHTML: packedHTML, packedHTMLCount: packedHTML.unicodeScalars.count,
                     text: text, textCount: textCount, colspan: cell.colspan, rowspan: cell.rowspan,
                     innerHTML: inner, colspanValue: cell.colspanValue, rowspanValue: cell.rowspanValue,
                     hasOwnText: cell.hasOwnText))
            openRow!.cellIsTH.append(cell.isTH)
        }

        private mutating func closeRow() {
            closeCell()
            guard let row = openRow else { return }
            openRow = nil
            guard !row.cells.isEmpty else { return }

            let html = "<tr>" + row.cells.map(\.html).joined() + "</tr>"
            let text = row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            rows.append(
                Row(cells: row.cells, isHeader: row.isHeadSection || Self.isHeaderRow(row),
                    html: html, htmlCount: html.unicodeScalars.count,
                    text: text, textCount: text.unicodeScalars.count))
        }

        /// Returns true for a row of `th` cells, optionally after blank `td` corner cells.
        private static func isHeaderRow(_ row: OpenRow) -> Bool {
            guard row.cellIsTH.contains(true) else { return false }
            return row.cells.indices.allSatisfy { row.cellIsTH[$0] || row.cells[$0].text.isEmpty }
        }

        /// Reads text up to the next `<`, decoding character references.
        private mutating func readText() -> String {
            var raw = String.UnicodeScalarView()
            if position < input.count, input[position] == "<" {
                raw.append("<")
                position += 1
            }
            while position < input.count, input[position] != "<" {
                raw.append(input[position])
                position += 1
            }
            return CharacterReferences.decode(String(raw))
        }

        /// Reads a start tag, end tag, comment or declaration at `position`. Returns nil, leaving
        /// `position` unchanged, when the `<` starts no tag (it is then text).
        private mutating func readTag() -> Tag? {
            var index = position + 1
            guard index < input.count else { return nil }

            if input[index] == "!" || input[index] == "?" {
                let isComment = index + 2 < input.count && input[index + 1] == "-" && input[index + 2] == "-"
                index += isComment ? 3 : 1
                while index < input.count {
                    if isComment {
                        if input[index] == ">", input[index - 1] == "-", input[index - 2] == "-" { break }
                    } else if input[index] == ">" {
                        break
                    }
                    index += 1
                }
                position = min(index + 1, input.count)
                return Tag(name: "", isEnd: false, attributes: [:])
            }

            var isEnd = false
            if input[index] == "/" {
                isEnd = true
                index += 1
            }
            guard index < input.count, input[index].isASCIILetter else {
                return nil
            }
            var name = ""
            while index < input.count, input[index].isASCIILetter || ("0"..."9").contains(input[index]) {
                name.unicodeScalars.append(input[index])
                index += 1
            }
            guard !name.isEmpty else { return nil }

            var attributes: [String: String] = [:]
            while index < input.count, input[index] != ">" {
                let scalar = input[index]
                if scalar.isASCIILetter {
                    var key = ""
                    while index < input.count, !PythonWhitespace.contains(input[index]),
                          input[index] != "=", input[index] != ">", input[index] != "/" {
                        key.unicodeScalars.append(input[index])
                        index += 1
                    }
                    while index < input.count, PythonWhitespace.contains(input[index]) { index += 1 }
                    var value = ""
                    if index < input.count, input[index] == "=" {
                        index += 1
                        while index < input.count, PythonWhitespace.contains(input[index]) { index += 1 }
                        if index < input.count, input[index] == "\"" || input[index] == "'" {
                            let quote = input[index]
                            index += 1
                            while index < input.count, input[index] != quote {
                                value.unicodeScalars.append(input[index])
                                index += 1
                            }
                            index += 1
                        } else {
                            while index < input.count, input[index] != ">",
                                  !PythonWhitespace.contains(input[index]) {
                                value.unicodeScalars.append(input[index])
                                index += 1
                            }
                        }
                    }
                    attributes[key.lowercased()] = value
                } else {
                    index += 1
                }
            }
            position = min(index + 1, input.count)
            return Tag(name: name.lowercased(), isEnd: isEnd, attributes: attributes)
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }
}

