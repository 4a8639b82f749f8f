import SFStreamElements

/// The sizes of one input element that pre-chunking needs, computed once per element.
struct ElementSizes {
    /// Scalars of the element's text as given. `unstructured` fills pre-chunks by this raw length.
    let rawCount: Int
    /// The text as it appears in a chunk: whitespace collapsed to single spaces (a `CodeSnippet`
    /// keeps its text unchanged). Empty when the element adds no text to a chunk.
    let chunkText: String
    /// Scalars of `chunkText`.
    let chunkTextCount: Int
    /// `Table` and `TableChunk` elements, which always form a chunk of their own.
    let isTable: Bool
    let isTitle: Bool

    init(_ element: Element) {
        if element.type == .codeSnippet {
            rawCount = Self.scalarCount(element.text)
            chunkText = element.text
            chunkTextCount = rawCount
        } else if let count = PythonWhitespace.countIfCollapsed(element.text) {
            // Most partitioned text is already collapsed, and then one scan gives both counts.
            rawCount = count
            chunkText = element.text
            chunkTextCount = count
        } else {
            rawCount = Self.scalarCount(element.text)
            (chunkText, chunkTextCount) = PythonWhitespace.collapse(element.text)
        }
        isTable = element.type == .table || element.type == .tableChunk
        isTitle = element.type == .title
    }

    /// Returns the number of Unicode scalars in `text`: its UTF-8 bytes that do not continue a
    /// scalar. Counting them costs a fifth of walking `unicodeScalars`, which took a tenth of all
    /// chunking time on the bundled corpus.
    static func scalarCount(_ text: String) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            var index = 0
            // Eight bytes at a time: a continuation byte is 0b10xxxxxx, so a lane counts unless
            // its bit 7 is set and its bit 6 is clear.
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuations.nonzeroBitCount
                index += 8
            }
            while index < bytes.count {
                if bytes[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }
        return counted ?? text.unicodeScalars.count
    }
}
