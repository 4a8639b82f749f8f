extension TableSplitter {
    /// Packs a table's rows, cells and cell texts into pieces within the text and HTML limits.
    struct PieceBuilder {
        let maxCharacters: Int
        let header: RepeatedHeader?
        private(set) var pieces: [Piece] = []

        init(maxCharacters: Int, header: RepeatedHeader?) {
            self.maxCharacters = maxCharacters
            self.header = header
        }

        /// Returns the room for a piece's own text and `<table>` HTML. A continuation piece leaves
        /// room for the repeated header: its text, one space, and its `<thead>`.
        private func limits(forFirstPiece isFirst: Bool) -> (text: Int, html: Int) {
            guard let header, !isFirst else { return (maxCharacters, maxCharacters) }
            return (max(1, maxCharacters - header.textCount - 1), maxCharacters - header.htmlCount)
        }

        /// Appends a piece, unless it has no text: a piece of only empty cells (split off a row
        /// whose markup is too long for one piece) would become a chunk with nothing to embed.
        private mutating func emit(_ piece: Piece) {
            guard !piece.text.isEmpty else { return }
            if let header, !pieces.isEmpty {
                pieces.append(header.prepended(to: piece))
            } else {
                pieces.append(piece)
            }
        }

        /// Scalars of `<table></table>` and of `<table><tr></tr></table>`.
        private static let tableTagsCount = HTMLTable.tableTagsCount
        private static let rowTagsCount = 24

        /// Packs whole row groups while the joined text and the `<table>` markup both fit. Rows
        /// joined by a `rowspan` form one group, as in `unstructured`, so a span stays whole.
        mutating func addRows(_ rows: [HTMLTable.Row]) {
            var packed: [HTMLTable.Row] = []
            var packedTextCount = 0
            var packedHTMLCount = Self.tableTagsCount
            var limit = limits(forFirstPiece: true)

            func fits(_ group: ArraySlice<HTMLTable.Row>) -> Bool {
                // As `unstructured`: one separator space per packed row, counted before the group.
                let textFits = limit.text - packed.count - packedTextCount >= Self.textCount(of: group)
                return textFits && packedHTMLCount + group.reduce(0) { $0 + $1.htmlCount } <= limit.html
            }

            func add(_ group: ArraySlice<HTMLTable.Row>) {
                packed.append(contentsOf: group)
                packedTextCount += Self.textCount(of: group)
                packedHTMLCount += group.reduce(0) { $0 + $1.htmlCount }
            }

            func flush() {
                if !packed.isEmpty {
                    let text = packed.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
                    let rowsHTML = packed.indices.map { index in
                        packed[index].html(clippingRowspanTo: packed.count - index)
                    }
                    emit(Piece(text: text, html: "<table>" + rowsHTML.joined() + "</table>"))
                }
                packed = []
                packedTextCount = 0
                packedHTMLCount = Self.tableTagsCount
                limit = limits(forFirstPiece: pieces.isEmpty)
            }

            for group in Self.rowspanGroups(rows) {
                if !fits(group) { flush() }
                if fits(group) {
                    add(group)
                    continue
                }
                // TODO: `unstructured` splits a row group too long for a piece while re-creating
                // the cells its spans cover. sfstream packs its rows one by one instead, and each
                // piece clips the spans to its own rows.
                for index in group.indices {
                    let single = group[index...index]
                    if !fits(single) { flush() }
                    if fits(single) {
                        add(single)
                    } else {
                        // As `unstructured`, a split row uses the continuation limits for all its
                        // pieces, because all but its first carry the header.
                        addCells(group[index].cells, limit: limits(forFirstPiece: false))
                        limit = limits(forFirstPiece: pieces.isEmpty)
                    }
                }
            }
            flush()
        }

        /// Scalars of `" ".join` of all non-empty cell texts of `rows`.
        private static func textCount(of rows: ArraySlice<HTMLTable.Row>) -> Int {
            let nonEmpty = rows.filter { $0.textCount > 0 }
            return nonEmpty.reduce(0) { $0 + $1.textCount } + max(0, nonEmpty.count - 1)
        }

        /// Splits `rows` into runs that no `rowspan` crosses: a group ends at the first row that
        /// every span opened in the group has reached. Spans are clamped to the table's last row.
        static func rowspanGroups(_ rows: [HTMLTable.Row]) -> [ArraySlice<HTMLTable.Row>] {
            var groups: [ArraySlice<HTMLTable.Row>] = []
            var start = 0
            var end = -1
            for index in rows.indices {
                end = max(end, min(index + rows[index].maxRowspan - 1, rows.count - 1))
                if index == end {
                    groups.append(rows[start...index])
                    start = index + 1
                }
            }
            return groups
        }

        /// Packs whole cells of one oversized row while the joined text and markup both fit.
        private mutating func addCells(_ cells: [HTMLTable.Cell], limit: (text: Int, html: Int)) {
            var packed: [HTMLTable.Cell] = []
            var packedText = ""
            var packedTextCount = 0
            var emptyCells = 0
            var packedHTMLCount = Self.rowTagsCount

            func fits(_ cell: HTMLTable.Cell) -> Bool {
                guard packedHTMLCount + cell.packedHTMLCount <= limit.html else { return false }
                if cell.textCount == 0 {
                    return packedTextCount + emptyCells + 1 <= limit.text
                }
                let joinedCount = packedTextCount == 0 ? cell.textCount : packedTextCount + 1 + cell.textCount
                return joinedCount + emptyCells <= limit.text
            }

            func flush() {
                guard !packed.isEmpty else { return }
                let html = "<table><tr>" + packed.map(\.packedHTML).joined() + "</tr></table>"
                emit(Piece(text: packedText, html: html))
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
                    addCellText(cell, htmlLimit: limit.html)
                }
            }
            flush()
        }

        /// Splits one oversized cell's text so that each `<table><tr><td>…</td></tr></table>` fits,
        /// counting the text as Python's `html.escape` writes it.
        ///
        /// When the cell's `colspan` leaves too little room for the next scalar's escaped form
        /// (up to 6 scalars, as `&quot;`), that scalar is written in a bare `<td>`. The bare
        /// markup takes 33 scalars and `htmlLimit` is at least
        /// ``TableSplitter/minimumLimitForHTML`` (50), so every piece fits and the split advances.
        private mutating func addCellText(_ cell: HTMLTable.Cell, htmlLimit: Int) {
            let openingTag = HTMLTable.openingCellTag(colspan: cell.colspan)
            let markupCount = "<table><tr></td></tr></table>".count + openingTag.unicodeScalars.count
            let budget = max(0, htmlLimit - markupCount)

            var splitter = TextSplitter(cell.text)
            while !splitter.isFinished {
                let limit = splitter.longestPrefix(costing: HTMLTable.escapedCount, within: budget)
                let text = splitter.nextPiece(maxCharacters: max(1, limit), overlap: 0)
                let tag = limit > 0 ? openingTag : HTMLTable.openingCellTag(colspan: 1)
                let html = "<table><tr>" + tag + HTMLTable.escapeWithQuotes(text) + "</td></tr></table>"
                emit(Piece(text: text, html: html))
            }
        }
    }
}
