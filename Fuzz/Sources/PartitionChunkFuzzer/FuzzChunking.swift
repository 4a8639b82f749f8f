import SFStream

/// Chunking settings with small limits, so that the split paths run on short inputs.
struct FuzzChunking {
    let chunker: Chunker

    static let configurations: [FuzzChunking] = [
        // by_title at the smallest limit that still splits tables as HTML (50 scalars),
        // with overlap between split pieces and between whole-element chunks.
        make(.byTitle, maxCharacters: 50, newAfterNChars: 40, combineTextUnderNChars: 20, overlap: 10, overlapAll: true),
        // basic with a larger limit, no overlap: whole tables fit more often.
        make(.basic, maxCharacters: 120, newAfterNChars: 80, combineTextUnderNChars: nil, overlap: 0, overlapAll: false),
        // A limit under 50, where tables are split as plain text.
        make(.byTitle, maxCharacters: 20, newAfterNChars: nil, combineTextUnderNChars: nil, overlap: 5, overlapAll: false),
    ]

    private static func make(
        _ strategy: ChunkingStrategy, maxCharacters: Int, newAfterNChars: Int?, combineTextUnderNChars: Int?,
        overlap: Int, overlapAll: Bool
    ) -> FuzzChunking {
        do {
            let options = try ChunkingOptions(
                strategy: strategy, maxCharacters: maxCharacters, newAfterNChars: newAfterNChars,
                combineTextUnderNChars: combineTextUnderNChars, overlap: overlap, overlapAll: overlapAll)
            return FuzzChunking(chunker: Chunker(options: options))
        } catch {
            fatalError("invalid fuzz chunking options: \(error)")
        }
    }
}
