/// The validated size limits and switches of one chunking run.
///
/// Sizes are counted in Unicode scalars, which is what Python's `len()` counts for `unstructured`.
///
/// - `maxCharacters` is the hard limit: no chunk text is longer. A single element longer than it
///   is split mid-text into several chunks (and a table into several `TableChunk`s).
/// - `newAfterNChars` is the soft limit: once a chunk contains more than this many characters it
///   takes no further element, even when the next one would still fit under the hard limit.
///   0 puts every element into a chunk of its own.
/// - `combineTextUnderNChars` (`by_title` only) merges a section into the following one while the
///   merged text stays within `maxCharacters` and the first part is shorter than this threshold.
///   0 switches combining off.
public struct ChunkingOptions: Sendable, Equatable {
    /// `unstructured`'s default hard limit (`CHUNK_MAX_CHARS_DEFAULT`).
    public static let defaultMaxCharacters = 500

    public let strategy: ChunkingStrategy
    /// Hard limit on a chunk's text, in Unicode scalars.
    public let maxCharacters: Int
    /// Soft limit, in Unicode scalars; `maxCharacters` unless given.
    public let newAfterNChars: Int
    /// The combining threshold in effect: the requested value capped at `newAfterNChars`, so a
    /// chunk that already reached the soft limit takes no further section. A merge may still make
    /// a chunk longer than `newAfterNChars`, up to `maxCharacters`. Always 0 for `basic`.
    public let combineTextUnderNChars: Int
    /// Scalars of a piece's end repeated at the start of the next piece of a split element; 0
    /// repeats nothing. Must be less than `maxCharacters`.
    public let overlap: Int
    /// Also repeat `overlap` scalars between chunks made of whole elements.
    public let overlapAll: Bool
    /// Whether a section may continue across a page change. Only page numbers make a page
    /// change, and sfstream writes none, so this switch has no effect on its elements.
    public let multipageSections: Bool

    /// Validates the options once, with the checks of `unstructured` 0.27.35.
    ///
    /// A `nil` size means `unstructured`'s default: `maxCharacters` 500, `newAfterNChars` equal to
    /// `maxCharacters`, and `combineTextUnderNChars` equal to `maxCharacters` for `by_title`.
    /// `basic` ignores `combineTextUnderNChars` as `unstructured` does.
    ///
    /// Unlike `unstructured`, which silently lowers a `newAfterNChars` above `maxCharacters` to
    /// `maxCharacters`, this rejects it, so a mistyped limit is reported instead of ignored.
    public init(
        strategy: ChunkingStrategy,
        maxCharacters: Int? = nil,
        newAfterNChars: Int? = nil,
        combineTextUnderNChars: Int? = nil,
        overlap: Int = 0,
        overlapAll: Bool = false,
        multipageSections: Bool = true
    ) throws(ChunkingOptionsError) {
        let hardMax = maxCharacters ?? Self.defaultMaxCharacters
        guard hardMax > 0 else {
            throw ChunkingOptionsError(
                option: "max_characters", "max_characters must be greater than 0, got \(hardMax)")
        }

        let softMax = newAfterNChars ?? hardMax
        guard softMax >= 0 else {
            throw ChunkingOptionsError(
                option: "new_after_n_chars", "new_after_n_chars must be 0 or greater, got \(softMax)")
        }
        guard softMax <= hardMax else {
            throw ChunkingOptionsError(
                option: "new_after_n_chars",
                "new_after_n_chars (\(softMax)) must not exceed max_characters (\(hardMax))")
        }

        guard overlap >= 0 else {
            throw ChunkingOptionsError(option: "overlap", "overlap must be 0 or greater, got \(overlap)")
        }
        guard overlap < hardMax else {
            throw ChunkingOptionsError(
                option: "overlap", "overlap (\(overlap)) must be less than max_characters (\(hardMax))")
        }

        var combineThreshold = 0
        if strategy == .byTitle {
            let requested = combineTextUnderNChars ?? hardMax
            guard requested >= 0 else {
                throw ChunkingOptionsError(
                    option: "combine_text_under_n_chars",
                    "combine_text_under_n_chars must be 0 or greater, got \(requested)")
            }
            guard requested <= hardMax else {
                throw ChunkingOptionsError(
                    option: "combine_text_under_n_chars",
                    "combine_text_under_n_chars (\(requested)) must not exceed max_characters (\(hardMax))")
            }
            combineThreshold = min(requested, softMax)
        }

        self.strategy = strategy
        self.maxCharacters = hardMax
        self.newAfterNChars = softMax
        self.combineTextUnderNChars = combineThreshold
        self.overlap = overlap
        self.overlapAll = overlapAll
        self.multipageSections = multipageSections
    }

    /// Scalars repeated between chunks of whole elements: `overlap` with `overlapAll`, else 0.
    var interChunkOverlap: Int { overlapAll ? overlap : 0 }
}
