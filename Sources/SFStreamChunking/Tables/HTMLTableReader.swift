extension HTMLTable {
    /// Tokenizes table HTML one scalar at a time; every scalar is visited once.
    struct Reader {
        private let input: [Unicode.Scalar]
        private var position = 0

        private var rows: [Row] = []
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
            /// Escaped content and bare tags, whitespace not yet collapsed.
            var html = String.UnicodeScalarView()
            /// Decoded text, a space for each `<br>`.
            var text = String.UnicodeScalarView()
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
                        openCell!.text.append(contentsOf: text.unicodeScalars)
                        openCell!.html.append(contentsOf: HTMLTable.escapeContent(text).unicodeScalars)
                    }
                }
            }
            guard sawTable else { return nil }
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
                    openCell = OpenCell(
                        isTH: tag.name == "th",
                        colspan: span(tag.attributes["colspan"]),
                        rowspan: span(tag.attributes["rowspan"]))
                }
            default:
                handleInline(tag)
            }
        }

        /// Tags of a table nested in a cell: only line breaks matter, as word boundaries.
        private mutating func handleNested(_ tag: Tag) {
            if tag.name == "br" || tag.name == "td" || tag.name == "th" || tag.name == "tr" {
                openCell?.text.append(" ")
                openCell?.html.append(" ")
            }
        }

        private mutating func handleInline(_ tag: Tag) {
            guard openCell != nil else { return }
            if tag.name == "br" {
                openCell!.html.append(contentsOf: "<br/>".unicodeScalars)
                openCell!.text.append(" ")
                return
            }
            if Self.voidElements.contains(tag.name) {
                if !tag.isEnd { openCell!.html.append(contentsOf: "<\(tag.name)/>".unicodeScalars) }
                return
            }
            let markup = tag.isEnd ? "</\(tag.name)>" : "<\(tag.name)>"
            openCell!.html.append(contentsOf: markup.unicodeScalars)
        }

        private static let voidElements: Set<String> = [
            "area", "base", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        ]

        private func span(_ value: String?) -> Int {
            guard let value, let number = Int(value.trimmingSpaces()) else { return 1 }
            return max(1, number)
        }

        private mutating func closeCell() {
            guard let cell = openCell else { return }
            openCell = nil
            let (text, textCount) = PythonWhitespace.collapse(String(cell.text))
            let inner = PythonWhitespace.collapse(String(cell.html)).text
            let html: String
            if textCount == 0 {
                html = HTMLTable.openingCellTag(colspan: cell.colspan, rowspan: cell.rowspan, selfClosing: true)
            } else {
                html = HTMLTable.openingCellTag(colspan: cell.colspan, rowspan: cell.rowspan) + inner + "</td>"
            }
            if openRow == nil { openRow = OpenRow(isHeadSection: inHeadSection) }
            openRow!.cells.append(
                Cell(html: html, text: text, textCount: textCount, htmlCount: html.unicodeScalars.count,
                     colspan: cell.colspan))
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
                            while index < input.count, !PythonWhitespace.contains(input[index]), input[index] != ">" {
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

extension String {
    fileprivate func trimmingSpaces() -> String {
        PythonWhitespace.strip(self).text
    }
}
