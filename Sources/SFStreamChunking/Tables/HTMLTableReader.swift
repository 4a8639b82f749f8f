extension HTMLTable {
    /// Tokenizes table HTML in one pass over its UTF-8 bytes. Markup is ASCII, so tags are found
    /// byte by byte, and text runs are decoded as whole slices.
    struct Reader {
        private let input: [UInt8]
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
            var html = ""
            /// The text of the compacted content, a space for each `<br>`. `unstructured` reads a
            /// cell's text after compacting, so `a <b>b</b>` reads as "ab".
            var text = ""
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
                text.append(compacted)
                html.append(HTMLTable.escapeContent(compacted))
            }

            mutating func appendTag(_ markup: String, opensElement: Bool) {
                html.append(markup)
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

        init(_ input: [UInt8]) {
            self.input = input
        }

        /// Reads up to the end of the first table; nil when the input has no `<table>` tag.
        mutating func readTable() -> [Row]? {
            var sawTable = false
            while position < input.count {
                if input[position] == UInt8(ascii: "<"), let tag = readTag() {
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
            let inner = open.html
            caption = inner.isEmpty && !open.hasOwnText ? "<caption/>" : "<caption>" + inner + "</caption>"
        }

        private mutating func closeCell() {
            guard let cell = openCell else { return }
            openCell = nil
            let (text, textCount) = PythonWhitespace.collapse(cell.text)
            var inner = cell.html
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
            let start = position
            if position < input.count, input[position] == UInt8(ascii: "<") {
                position += 1
            }
            while position < input.count, input[position] != UInt8(ascii: "<") {
                position += 1
            }
            return CharacterReferences.decode(String(decoding: input[start..<position], as: UTF8.self))
        }

        /// Reads a start tag, end tag, comment or declaration at `position`. Returns nil, leaving
        /// `position` unchanged, when the `<` starts no tag (it is then text).
        private mutating func readTag() -> Tag? {
            var index = position + 1
            guard index < input.count else { return nil }

            if input[index] == UInt8(ascii: "!") || input[index] == UInt8(ascii: "?") {
                let isComment =
                    index + 2 < input.count && input[index + 1] == UInt8(ascii: "-") && input[index + 2] == UInt8(ascii: "-")
                index += isComment ? 3 : 1
                while index < input.count {
                    if isComment {
                        if input[index] == UInt8(ascii: ">"), input[index - 1] == UInt8(ascii: "-"),
                            input[index - 2] == UInt8(ascii: "-")
                        {
                            break
                        }
                    } else if input[index] == UInt8(ascii: ">") {
                        break
                    }
                    index += 1
                }
                position = min(index + 1, input.count)
                return Tag(name: "", isEnd: false, attributes: [:])
            }

            var isEnd = false
            if input[index] == UInt8(ascii: "/") {
                isEnd = true
                index += 1
            }
            guard index < input.count, Self.isASCIILetter(input[index]) else {
                return nil
            }
            let nameStart = index
            while index < input.count, Self.isASCIILetter(input[index]) || Self.isASCIIDigit(input[index]) {
                index += 1
            }
            // The name is ASCII letters and digits, so lowercasing its bytes is exact.
            var name = String(decoding: input[nameStart..<index], as: UTF8.self)
            if input[nameStart..<index].contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
                name = String(decoding: input[nameStart..<index].map(Self.lowercasedASCII), as: UTF8.self)
            }

            var attributes: [String: String] = [:]
            while index < input.count, input[index] != UInt8(ascii: ">") {
                guard Self.isASCIILetter(input[index]) else {
                    index += 1
                    continue
                }
                let keyStart = index
                while index < input.count, whitespaceLength(at: index) == 0, input[index] != UInt8(ascii: "="),
                    input[index] != UInt8(ascii: ">"), input[index] != UInt8(ascii: "/")
                {
                    index += 1
                }
                let key = String(decoding: input[keyStart..<index], as: UTF8.self)
                index = skippingWhitespace(from: index)
                var value = ""
                if index < input.count, input[index] == UInt8(ascii: "=") {
                    index = skippingWhitespace(from: index + 1)
                    if index < input.count, input[index] == UInt8(ascii: "\"") || input[index] == UInt8(ascii: "'") {
                        let quote = input[index]
                        index += 1
                        let valueStart = index
                        while index < input.count, input[index] != quote { index += 1 }
                        value = String(decoding: input[valueStart..<index], as: UTF8.self)
                        index += 1
                    } else {
                        let valueStart = index
                        while index < input.count, input[index] != UInt8(ascii: ">"), whitespaceLength(at: index) == 0 {
                            index += 1
                        }
                        value = String(decoding: input[valueStart..<index], as: UTF8.self)
                    }
                }
                attributes[key.lowercased()] = value
            }
            position = min(index + 1, input.count)
            return Tag(name: name, isEnd: isEnd, attributes: attributes)
        }

        /// Returns the length in bytes of the Python whitespace scalar at `index`, or 0.
        private func whitespaceLength(at index: Int) -> Int {
            let byte = input[index]
            if byte < 0x80 {
                return PythonWhitespace.contains(Unicode.Scalar(byte)) ? 1 : 0
            }
            // Every non-ASCII whitespace scalar is below U+10000, so its UTF-8 is two or three bytes.
            let length = byte >= 0xE0 ? 3 : 2
            guard byte >= 0xC2, byte < 0xF0, index + length <= input.count else { return 0 }
            var value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
            for offset in 1..<length {
                value = value << 6 | UInt32(input[index + offset] & 0x3F)
            }
            guard let scalar = Unicode.Scalar(value), PythonWhitespace.contains(scalar) else { return 0 }
            return length
        }

        private func skippingWhitespace(from start: Int) -> Int {
            var index = start
            while index < input.count {
                let length = whitespaceLength(at: index)
                if length == 0 { break }
                index += length
            }
            return index
        }

        private static func isASCIILetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }

        private static func isASCIIDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
        }
    }
}
