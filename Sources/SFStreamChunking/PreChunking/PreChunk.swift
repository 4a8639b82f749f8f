/// A run of consecutive elements that will become one chunk, or several when it is a single
/// element longer than the hard limit.
struct PreChunk {
    /// Indices of the elements in the document's element array.
    var elements: Range<Int>
    /// Overlap text from the previous pre-chunk (only with `overlap_all`), written first.
    var overlapPrefix: String
    var overlapPrefixCount: Int
    /// Scalars of the elements' chunk texts, without separators.
    var bodyCount: Int
    /// Elements that contribute a non-empty chunk text.
    var bodySegments: Int
    var containsTable: Bool

    /// Scalars of the chunk text: the overlap prefix and the element texts joined by blank lines.
    var textCount: Int {
        let segments = bodySegments + (overlapPrefixCount > 0 ? 1 : 0)
        let separators = segments > 0 ? (segments - 1) * Chunker.separator.unicodeScalars.count : 0
        return overlapPrefixCount + bodyCount + separators
    }

    init(elements: Range<Int>, overlapPrefix: String, sizes: [ElementSizes]) {
        self.elements = elements
        self.overlapPrefix = overlapPrefix
        self.overlapPrefixCount = overlapPrefix.unicodeScalars.count
        var count = 0
        var segments = 0
        var table = false
        for index in elements {
            let size = sizes[index]
            if size.chunkTextCount > 0 {
                count += size.chunkTextCount
                segments += 1
            }
            table = table || size.isTable
        }
        bodyCount = count
        bodySegments = segments
        containsTable = table
    }

    /// Returns the chunk text: the overlap prefix and the element texts, joined by a blank line.
    func text(sizes: [ElementSizes]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(elements.count + 1)
        if overlapPrefixCount > 0 { parts.append(overlapPrefix) }
        for index in elements where sizes[index].chunkTextCount > 0 {
            parts.append(sizes[index].chunkText)
        }
        return parts.joined(separator: Chunker.separator)
    }

    /// True when `next` may be merged into this pre-chunk by `combine_text_under_n_chars`: neither
    /// contains a table, this one is shorter than the threshold, and the merged text fits the hard limit.
    func canCombine(with next: PreChunk, options: ChunkingOptions) -> Bool {
        if containsTable || next.containsTable { return false }
        if textCount >= options.combineTextUnderNChars { return false }
        return combined(with: next).textCount <= options.maxCharacters
    }

    /// This pre-chunk followed by `next`. The merge keeps this overlap prefix only, because the
    /// overlap prefix of `next` repeats text that is already at this pre-chunk's end.
    func combined(with next: PreChunk) -> PreChunk {
        var merged = self
        merged.elements = elements.lowerBound..<next.elements.upperBound
        merged.bodyCount += next.bodyCount
        merged.bodySegments += next.bodySegments
        merged.containsTable = containsTable || next.containsTable
        return merged
    }
}
