import SFStreamElements

/// Partitions plain text (an e-mail `TextBody` or a long text field) into elements.
///
/// Paragraphs are separated by blank lines (lines holding only whitespace or invisible filler).
/// The lines of one paragraph are joined with a space, because mail clients wrap lines at about 72
/// characters. A line that starts with a bullet (`•` `·` `▪` `◦` `‣` `⁃` `●` `○` `■` `□` `►` `➢`
/// `-` `*` `–` `—`) or an enumerator (`1.`, `12)`, `a)`) followed by a space starts a `ListItem`
/// without its marker; an indented line after it continues the item. `category_depth` of an item
/// is 1, plus one per deeper indentation of bullets in the same list. Whitespace collapses as in
/// HTML (``TextAccumulator``).
public enum TextPartitioner {
    public static func partition(text: String, options: PartitionOptions) -> [Element] {
        var metadata = options.metadata
        metadata.parentID = nil
        metadata.categoryDepth = nil
        var builder = TextBuilder(base: metadata)
        var text = text
        text.withUTF8 { buffer in
            var lineStart = 0
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    builder.line(UnsafeBufferPointer(rebasing: buffer[lineStart..<index]))
                    if byte == UInt8(ascii: "\r") && index + 1 < buffer.count && buffer[index + 1] == UInt8(ascii: "\n")
                    {
                        index += 1
                    }
                    lineStart = index + 1
                }
                index += 1
            }
            builder.line(UnsafeBufferPointer(rebasing: buffer[lineStart..<buffer.count]))
        }
        builder.flush()
        var elements = builder.elements
        ElementHierarchy.finish(&elements, idAssignment: options.idAssignment)
        return elements
    }
}

private struct TextBuilder {
    let base: ElementMetadata
    var elements: [Element] = []
    var text = TextAccumulator()
    /// Depth of the list item being gathered, or `nil` for a paragraph.
    var itemDepth: Int?
    /// Indentation (in columns) of the bullets of the current list, outermost first.
    var bulletIndents: [Int] = []

    init(base: ElementMetadata) {
        self.base = base
    }

    mutating func line(_ line: UnsafeBufferPointer<UInt8>) {
        guard TextAccumulator.containsVisibleText(line) else {
            flush()
            bulletIndents.removeAll()
            return
        }
        let indent = TextBuilder.indentation(line)
        if let markerEnd = TextBuilder.listMarkerEnd(line) {
            flush()
            while let last = bulletIndents.last, last > indent { bulletIndents.removeLast() }
            if bulletIndents.last != indent { bulletIndents.append(indent) }
            itemDepth = bulletIndents.count
            text.append(UnsafeBufferPointer(rebasing: line[markerEnd...]))
            return
        }
        if itemDepth != nil && indent == 0 {
            flush()
            bulletIndents.removeAll()
        }
        text.markSpace()
        text.append(line)
    }

    mutating func flush() {
        let string = text.take()
        defer { itemDepth = nil }
        guard !string.isEmpty else { return }
        var metadata = base
        let type: ElementType
        if let itemDepth {
            type = .listItem
            metadata.categoryDepth = itemDepth
        } else {
            type = TextClassifier.classify(string)
        }
        elements.append(Element(type: type, text: string, metadata: metadata))
    }

    /// Leading columns of spaces and tabs (a tab counts as four).
    static func indentation(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var columns = 0
        for byte in line {
            if byte == UInt8(ascii: " ") {
                columns += 1
            } else if byte == UInt8(ascii: "\t") {
                columns += 4
            } else {
                break
            }
        }
        return columns
    }

    /// The index just past a list marker and its following space, or `nil` when the line does not
    /// start with one.
    static func listMarkerEnd(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < line.count && (line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t")) {
            index += 1
        }
        guard index < line.count else { return nil }
        var markerEnd: Int?
        let byte = line[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") {
            markerEnd = index + 1
        } else if byte >= 0x80 {
            for bullet in bullets where matches(bullet, line, at: index) {
                markerEnd = index + bullet.count
                break
            }
        } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            var end = index
            while end < line.count && end - index < 3 && line[end] >= UInt8(ascii: "0")
                && line[end] <= UInt8(ascii: "9")
            {
                end += 1
            }
            if end < line.count && (line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")")) {
                markerEnd = end + 1
            }
        } else if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) && index + 1 < line.count
            && line[index + 1] == UInt8(ascii: ")")
        {
            markerEnd = index + 2
        }
        guard let end = markerEnd, end < line.count, line[end] == UInt8(ascii: " ") || line[end] == UInt8(ascii: "\t")
        else {
            return nil
        }
        return end + 1
    }

    private static let bullets: [[UInt8]] = [
        "•", "·", "▪", "◦", "‣", "⁃", "●", "○", "■", "□", "►", "➢", "–", "—",
    ].map { Array($0.utf8) }

    private static func matches(_ bullet: [UInt8], _ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + bullet.count <= line.count else { return false }
        for offset in 0..<bullet.count where line[index + offset] != bullet[offset] { return false }
        return true
    }
}
