import SFStreamElements

/// The chunk stage: turns one document's elements into chunks with the `basic` or `by_title`
/// strategy of `unstructured` 0.27.35.
///
/// Text elements become `CompositeElement`s whose texts are joined by a blank line. A `Table` or
/// `TableChunk` is always chunked alone: it stays a `Table` when it fits, and otherwise becomes
/// `TableChunk`s (see ``TableSplitter``). An element longer than `maxCharacters` is split into
/// several chunks, and every chunk after the first has `is_continuation` set.
///
/// For fixed options, work and memory are linear in the total text length of the elements
/// (see ``TextSplitter`` for the split of an oversized element).
public struct Chunker: Sendable {
    /// The text between two elements' texts in a chunk.
    static let separator = "\n\n"

    public let options: ChunkingOptions

    public init(options: ChunkingOptions) {
        self.options = options
    }

    /// Chunks one document's elements (one Salesforce record, or one local file), in document
    /// order, and returns the chunks with deterministic ids (SHA-256 over the document's filename,
    /// the chunk's index and its text, as ``ChunkIDs`` computes them). Elements are never merged
    /// across calls.
    public func chunk(_ elements: [Element]) -> [Element] {
        let sizes = elements.map(ElementSizes.init)
        let preChunks = combine(preChunks(sizes: sizes, elements: elements))

        var chunks: [Element] = []
        let hasher = SHA256Hasher()
        for preChunk in preChunks {
            let first = chunks.count
            if preChunk.elements.count == 1, sizes[preChunk.elements.lowerBound].isTable {
                appendTableChunks(of: elements[preChunk.elements.lowerBound], to: &chunks)
            } else {
                appendTextChunks(of: preChunk, elements: elements, sizes: sizes, to: &chunks)
            }
            let filename = elements[preChunk.elements.lowerBound].metadata.filename
            for index in first..<chunks.count {
                chunks[index].elementID = ChunkIDs.id(
                    filename: filename, chunkIndex: index, text: chunks[index].text, hasher: hasher)
            }
            if chunks.count > first, chunks[first].type == .tableChunk {
                // Every piece of one table carries the first piece's id, as `unstructured`'s
                // `table_id` groups the pieces of a table.
                let tableID = chunks[first].elementID
                for index in first..<chunks.count {
                    chunks[index].metadata.extra.append((key: "table_id", value: tableID))
                }
            }
        }
        return chunks
    }

    /// Splits the elements into pre-chunks at section starts and at the size limits.
    private func preChunks(sizes: [ElementSizes], elements: [Element]) -> [PreChunk] {
        var builder = PreChunkBuilder(options: options, sizes: sizes)
        var preChunks: [PreChunk] = []
        var pages = PageBoundary()
        let pageStartsSection = options.strategy == .byTitle && !options.multipageSections
        for index in sizes.indices {
            let isOnNextPage = pages.isOnNextPage(elements[index].metadata.pageNumber)
            let startsSection = options.strategy == .byTitle && (sizes[index].isTitle || (pageStartsSection && isOnNextPage))
            if startsSection || !builder.willFit(index) {
                if let preChunk = builder.flush() { preChunks.append(preChunk) }
            }
            builder.add(index)
        }
        if let preChunk = builder.flush() { preChunks.append(preChunk) }
        return preChunks
    }

    /// Merges each pre-chunk shorter than `combineTextUnderNChars` with the following ones while
    /// the merged text fits the hard limit. A threshold of 0 (always for `basic`) merges nothing.
    private func combine(_ preChunks: [PreChunk]) -> [PreChunk] {
        var combined: [PreChunk] = []
        var open: PreChunk?
        for preChunk in preChunks {
            if let current = open, current.canCombine(with: preChunk, options: options) {
                open = current.combined(with: preChunk)
            } else {
                if let current = open { combined.append(current) }
                open = preChunk
            }
        }
        if let current = open { combined.append(current) }
        return combined
    }

    private func appendTextChunks(
        of preChunk: PreChunk, elements: [Element], sizes: [ElementSizes], to chunks: inout [Element]
    ) {
        let text = preChunk.text(sizes: sizes)
        guard !text.isEmpty else { return }
        let metadata = MetadataConsolidation.consolidate(elements[preChunk.elements])

        if preChunk.textCount <= options.maxCharacters {
            chunks.append(Element(type: .compositeElement, text: text, metadata: metadata))
            return
        }
        let pieces = TextSplitter.split(text, maxCharacters: options.maxCharacters, overlap: options.overlap)
        for (index, piece) in pieces.enumerated() {
            var pieceMetadata = metadata
            if index > 0 { pieceMetadata.isContinuation = true }
            chunks.append(Element(type: .compositeElement, text: piece, metadata: pieceMetadata))
        }
    }

    private func appendTableChunks(of table: Element, to chunks: inout [Element]) {
        let splitter = TableSplitter(maxCharacters: options.maxCharacters, overlap: options.overlap)
        let base = MetadataConsolidation.tableChunkBase(table)

        switch splitter.split(text: table.text, textAsHTML: table.metadata.textAsHTML) {
        case .empty:
            return
        case .whole(let piece):
            var metadata = base
            metadata.textAsHTML = piece.html
            chunks.append(Element(type: .table, text: piece.text, metadata: metadata))
        case .split(let pieces, let carriedHeaderRows):
            for (index, piece) in pieces.enumerated() {
                var metadata = base
                metadata.textAsHTML = piece.html
                metadata.isContinuation = index > 0 ? true : nil
                metadata.chunkIndex = index
                metadata.numCarriedOverHeaderRows = index > 0 ? carriedHeaderRows : 0
                chunks.append(Element(type: .tableChunk, text: piece.text, metadata: metadata))
            }
        }
    }
}
