/// Gathers consecutive elements into pre-chunks, as `unstructured`'s `PreChunkBuilder` does.
///
/// An element joins the open pre-chunk unless it is a table, the pre-chunk contains a table, the
/// pre-chunk is already longer than the soft limit, or the element would push the pre-chunk past
/// the hard limit. Lengths here are the elements' raw text lengths, as in `unstructured`, so a
/// pre-chunk can close a little before its collapsed text would reach the limit.
struct PreChunkBuilder {
    private let options: ChunkingOptions
    private let sizes: [ElementSizes]

    private var elements: Range<Int>?
    private var overlapPrefix = ""
    /// Non-empty texts in the open pre-chunk, the overlap prefix included.
    private var segmentCount = 0
    /// Scalars of those texts, without separators.
    private var rawLength = 0
    private var containsTable = false

    init(options: ChunkingOptions, sizes: [ElementSizes]) {
        self.options = options
        self.sizes = sizes
    }

    /// True when the element at `index` may join the open pre-chunk.
    func willFit(_ index: Int) -> Bool {
        let size = sizes[index]
        guard elements != nil else { return true }
        if size.isTable || containsTable { return false }
        if textLength > options.newAfterNChars { return false }
        let separatorLength = Chunker.separator.unicodeScalars.count
        return options.maxCharacters - rawLength - separatorLength * segmentCount >= size.rawCount
    }

    mutating func add(_ index: Int) {
        let size = sizes[index]
        if elements == nil, size.isTable {
            // A table never starts with overlap text from the narrative before it.
            overlapPrefix = ""
            segmentCount = 0
            rawLength = 0
        }
        elements = (elements?.lowerBound ?? index)..<(index + 1)
        if size.rawCount > 0 {
            segmentCount += 1
            rawLength += size.rawCount
        }
        containsTable = containsTable || size.isTable
    }

    /// Closes the open pre-chunk and returns it, or nil when it has no elements. With
    /// `overlap_all`, the closed pre-chunk's last `overlap` scalars start the next one.
    mutating func flush() -> PreChunk? {
        guard let elements else { return nil }
        let preChunk = PreChunk(elements: elements, overlapPrefix: overlapPrefix, sizes: sizes)

        var tail = ""
        let overlap = options.interChunkOverlap
        if overlap > 0, !(elements.count == 1 && sizes[elements.lowerBound].isTable) {
            let text = preChunk.text(sizes: sizes).unicodeScalars
            let start = text.index(text.endIndex, offsetBy: -min(overlap, text.count))
            tail = PythonWhitespace.strip(String(text[start...])).text
        }

        self.elements = nil
        overlapPrefix = tail
        segmentCount = tail.isEmpty ? 0 : 1
        rawLength = tail.unicodeScalars.count
        containsTable = false
        return preChunk
    }

    /// Scalars of the open pre-chunk's text, separators included.
    private var textLength: Int {
        let separatorLength = Chunker.separator.unicodeScalars.count
        return rawLength + max(0, segmentCount - 1) * separatorLength
    }
}
