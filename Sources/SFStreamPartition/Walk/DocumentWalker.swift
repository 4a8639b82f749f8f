import SFStreamElements

/// Turns libxml2's parse events into elements, in document order.
///
/// ``HTMLEventSource`` calls `start`, `end` and `text` as libxml2 parses. The walker keeps its own
/// state per open element in `frames`, so a document nested 100,000 levels deep costs heap memory,
/// not C stack. Text is gathered into ``TextAccumulator`` until a block boundary ends the element.
/// Inline elements never start a new element, so words are neither split nor glued across blocks.
///
/// Element types: `h1`–`h6` give `Title` (`category_depth` = level − 1, as `unstructured` writes
/// it), `li` gives `ListItem` (`category_depth` = the number of enclosing lists), `pre` gives
/// `CodeSnippet`, a data table (see ``TableShape``) gives one `Table`, an image with alt text gives
/// `Image`, and other text gives `NarrativeText` or `UncategorizedText` (``TextClassifier``).
/// Blocks inside a list item or heading do not split it, but a nested list, table or heading does.
struct DocumentWalker {
    /// The element type that the gathered text becomes when the current element ends.
    enum BlockContext: Equatable {
        case paragraph
        case listItem(depth: Int)
        case title(depth: Int)
        case code
    }

    /// The state change of an open element, undone when the walk leaves it.
    enum Frame: Equatable {
        case inline
        case block
        /// A `<details>` without `open`: a browser shows only its `<summary>`.
        case closedDetails
        case heading
        case list
        case listItem
        case preformatted
        case layoutTable
        case dataTable
        /// A table whose events are recorded until ``TableShape`` decides between the two above.
        case undecidedTable
        case tableRow
        case tableCell
        case caption
        case anchor
        case bold
        case italic
    }

    let base: ElementMetadata
    var elements: [Element] = []
    var text = TextAccumulator()
    var contexts: [BlockContext] = [.paragraph]
    var listDepth = 0
    var boldDepth = 0
    var italicDepth = 0
    var openLinks: [(start: Int, url: String)] = []
    var annotations = Annotations()
    /// Images met while text was being gathered, emitted after that text so a sentence is not cut.
    var pendingImages: [Element] = []
    /// The data table being collected; `nil` outside data tables.
    var table: TableCollector?
    /// Open layout tables; images inside them are page furniture (logos, icons, spacers).
    var layoutTableDepth = 0
    var frames: [Frame] = []
    /// Classes and ids hidden by the document's style sheets.
    var styleSheet = StyleSheet()
    /// Open elements of a subtree that is not shown; 0 outside one.
    private var skippedDepth = 0
    /// True when the skipped subtree is `head`, `style`, `svg` or the like, because `<style>` rules
    /// there still apply. A subtree hidden by an attribute or a style contributes no rules.
    private var skippedReadsStyleSheets = false
    /// The text of a `<style>` in a skipped subtree, gathered until its end tag.
    private var styleText: [UInt8]?
    private var styleDepth = 0
    /// The events of the open table while its shape is undecided.
    private var recording: TableRecording?

    init(base: ElementMetadata) {
        self.base = base
    }

    var context: BlockContext { contexts.last ?? .paragraph }

    // MARK: - Events

    mutating func start(_ name: UnsafePointer<UInt8>, attributes: AttributeList?) {
        if recording != nil {
            recording!.recordStart(name, attributes: attributes)
            if let verdict = recording!.shape.start(name) { decideTable(verdict) }
            return
        }
        if skippedDepth > 0 {
            skippedDepth += 1
            if skippedReadsStyleSheets && styleText == nil && TagKey(name) == .style {
                styleText = []
                styleDepth = skippedDepth
            }
            return
        }
        if let frame = enter(name, attributes: NodeAttributes(attributes)) {
            frames.append(frame)
            if frame == .undecidedTable { recording = TableRecording() }
        } else {
            skippedDepth = 1
        }
    }

    mutating func end() {
        if recording != nil {
            recording!.recordEnd()
            if let verdict = recording!.shape.end() { decideTable(verdict) }
            return
        }
        if skippedDepth > 0 {
            if let css = styleText, skippedDepth == styleDepth {
                styleSheet.add(css)
                styleText = nil
            }
            skippedDepth -= 1
            if skippedDepth == 0 { skippedReadsStyleSheets = false }
            return
        }
        if let frame = frames.popLast() { exit(frame) }
    }

    /// Appends one text node of the tree libxml2 would have built.
    mutating func text(_ buffer: UnsafeBufferPointer<UInt8>) {
        if recording != nil {
            recording!.recordText(buffer)
            return
        }
        if skippedDepth > 0 {
            if styleText != nil && skippedDepth == styleDepth { styleText!.append(contentsOf: buffer) }
            return
        }
        appendText(buffer)
    }

    /// Takes the content of a comment or processing instruction. Only a style sheet reads it:
    /// the tree builder keeps a comment inside `<o:style>` (not raw text, unlike `<style>`) as
    /// a child node, and the rules in it apply.
    mutating func otherNodeContent(_ content: UnsafeBufferPointer<UInt8>) {
        if recording != nil {
            recording!.recordOtherNodeContent(content)
            return
        }
        if skippedDepth > 0 && styleText != nil && skippedDepth == styleDepth { styleText!.append(contentsOf: content) }
    }

    /// Decides the tables still undecided at the end of input, from what they contained.
    /// libxml2 closes every open element at the end of input, so this matters only for a parse
    /// that stopped early. A replay may start a nested table, hence the loop.
    mutating func decideOpenTables() {
        while let shape = recording?.shape { decideTable(shape.finalVerdict) }
    }

    /// Ends the walk after the last event and returns the elements.
    mutating func finish() -> [Element] {
        while let frame = frames.popLast() { exit(frame) }
        flush()
        return elements
    }

    /// Starts the undecided table as a data or layout table, then replays the events recorded
    /// inside it.
    private mutating func decideTable(_ verdict: TableShape.Verdict) {
        guard let events = recording else { return }
        recording = nil
        guard let index = frames.lastIndex(of: .undecidedTable) else { return }
        frames[index] = startTable(verdict)
        events.replay(into: &self)
    }

    private mutating func startTable(_ verdict: TableShape.Verdict) -> Frame {
        switch verdict {
        case .data:
            table = TableCollector()
            return .dataTable
        case .layout:
            contexts.append(.paragraph)
            layoutTableDepth += 1
            return .layoutTable
        }
    }

    // MARK: - Entering and leaving elements

    /// Applies an element's start; returns `nil` when its subtree is skipped.
    private mutating func enter(_ name: UnsafePointer<UInt8>, attributes: NodeAttributes) -> Frame? {
        var tag = HTMLTag.identify(name)
        if tag == .skipped {
            // The rules of a `<style>` here or below still hide elements of the body.
            skippedReadsStyleSheets = true
            if TagKey(name) == .style {
                styleText = []
                styleDepth = 1
            }
            return nil
        }

        if attributes.isHiddenAttribute { return nil }
        if frames.last == .closedDetails, TagKey(name) != .summary { return nil }
        if !styleSheet.isEmpty && styleSheet.hides(classValue: attributes.classValue, idValue: attributes.idValue) {
            return nil
        }
        if let styleValue = attributes.style {
            let style = InlineStyle(styleValue)
            if style.isHidden { return nil }
            switch (tag, style.display) {
            case (.inline, .block?):
                tag = .block
            case (.anchor, .block?), (.bold, .block?), (.italic, .block?):
                // The element still marks a link or emphasis, so only its start ends the text.
                blockBoundary()
            case (.block, .inline?):
                tag = .inline
            default:
                break
            }
        }

        switch tag {
        case .inline, .skipped:
            return .inline
        case .anchor:
            let url = AttributeValue.trimmed(attributes.href)
            // `data:` URLs can carry megabytes of base64 and `javascript:` URLs are code, so
            // neither becomes a link URL.
            guard !url.isEmpty, !AttributeValue.hasScheme(url, "data:"), !AttributeValue.hasScheme(url, "javascript:")
            else { return .inline }
            openLinks.append((text.count, url))
            return .anchor
        case .bold:
            boldDepth += 1
            return .bold
        case .italic:
            italicDepth += 1
            return .italic
        case .lineBreak:
            lineBreak()
            return nil
        case .image:
            image(attributes)
            return nil
        case .block:
            blockBoundary()
            if !attributes.isOpen, TagKey(name) == .details { return .closedDetails }
            return .block
        case .heading(let level):
            guard table == nil else { return softBlock() }
            flush()
            contexts.append(.title(depth: level - 1))
            return .heading
        case .list:
            guard table == nil else { return softBlock() }
            flush()
            listDepth += 1
            return .list
        case .listItem:
            guard table == nil else { return softBlock() }
            flush()
            contexts.append(.listItem(depth: listDepth))
            return .listItem
        case .preformatted:
            guard table == nil else { return softBlock() }
            flush()
            contexts.append(.code)
            return .preformatted
        case .table:
            guard table == nil else { return softBlock() }
            flush()
            if let verdict = TableShape.verdict(role: attributes.role) { return startTable(verdict) }
            return .undecidedTable
        case .tableSection:
            return table == nil ? enterBlock() : .inline
        case .tableRow:
            guard table != nil else { return enterBlock() }
            endStrayText()
            table?.startRow()
            return .tableRow
        case .tableCell(let isHeader):
            guard table != nil else { return enterBlock() }
            endStrayText()
            let columnSpan = AttributeValue.leadingInteger(attributes.colspan) ?? 1
            let rowSpan = AttributeValue.leadingInteger(attributes.rowspan) ?? 1
            table?.startCell(isHeader: isHeader, columnSpan: columnSpan, rowSpan: rowSpan)
            return .tableCell
        case .caption:
            guard table != nil else { return enterBlock() }
            endStrayText()
            return .caption
        }
    }

    private mutating func exit(_ frame: Frame) {
        switch frame {
        case .inline:
            break
        case .block, .closedDetails:
            blockBoundary()
        case .heading, .listItem, .preformatted:
            flush()
            contexts.removeLast()
        case .layoutTable:
            flush()
            contexts.removeLast()
            layoutTableDepth -= 1
        case .list:
            flush()
            listDepth -= 1
        case .anchor:
            if let link = openLinks.popLast() {
                annotations.addLink(text: text.substring(from: link.start, to: text.count), url: link.url)
            }
        case .bold:
            boldDepth -= 1
        case .italic:
            italicDepth -= 1
        case .dataTable:
            endStrayText()
            finishTable()
        case .undecidedTable:
            break
        case .tableRow:
            endStrayText()
            table?.endRow()
        case .tableCell:
            let cellText = takeText()
            table?.endCell(text: cellText)
        case .caption:
            let captionText = takeText()
            table?.caption = captionText
        }
    }

    private mutating func enterBlock() -> Frame {
        blockBoundary()
        return .block
    }

    private mutating func softBlock() -> Frame {
        text.markSpace()
        return .inline
    }

    /// Ends the current element at a block start or end: inside a list item, heading or table cell
    /// the text continues after a space, in `pre` after a newline.
    private mutating func blockBoundary() {
        if table != nil {
            text.markSpace()
            return
        }
        switch context {
        case .paragraph:
            flush()
        case .code:
            if let last = text.bytes.last, last != UInt8(ascii: "\n") { text.appendNewline() }
        case .listItem, .title:
            text.markSpace()
        }
    }

    private mutating func lineBreak() {
        if table == nil && context == .code {
            text.appendNewline()
            return
        }
        guard !text.isEmpty else { return }
        text.pendingLineBreaks += 1
        text.markSpace()
    }

    // MARK: - Text

    private mutating func appendText(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard buffer.count > 0, frames.last != .closedDetails else { return }
        if table == nil && context == .code {
            text.appendPreformatted(buffer)
            return
        }
        // Two `<br>` in a row separate paragraphs in mail written as one `<br>`-only block.
        if text.pendingLineBreaks >= 2 && table == nil && context == .paragraph
            && TextAccumulator.containsVisibleText(buffer)
        {
            flush()
        }
        if (boldDepth > 0 || italicDepth > 0) && table == nil {
            let start = text.count
            text.append(buffer)
            let tag: String
            if boldDepth > 0 && italicDepth > 0 {
                tag = "bi"
            } else if boldDepth > 0 {
                tag = "b"
            } else {
                tag = "i"
            }
            annotations.addEmphasis(text: text.substring(from: start, to: text.count), tag: tag)
        } else {
            text.append(buffer)
        }
    }

    /// Text that sits in a data table outside any cell becomes a cell of its own.
    private mutating func endStrayText() {
        guard table != nil, !text.isEmpty else { return }
        let stray = takeText()
        table?.addStrayText(stray)
    }

    /// Returns the gathered text after recording the part of each open link that falls in it.
    mutating func takeText() -> String {
        for index in openLinks.indices {
            annotations.addLink(
                text: text.substring(from: openLinks[index].start, to: text.count), url: openLinks[index].url)
            openLinks[index].start = 0
        }
        return text.take()
    }
}
