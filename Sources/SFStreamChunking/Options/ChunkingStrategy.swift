/// The rule by which the chunk stage groups a document's elements. Raw values are the names of
/// `unstructured`'s `chunking_strategy` parameter.
public enum ChunkingStrategy: String, Sendable, CaseIterable {
    /// Fills each chunk with whole consecutive elements up to the size limits; no semantic boundaries.
    case basic
    /// Like `basic`, but every `Title` element starts a new chunk and a new section, and small
    /// sections are combined while they stay under `combine_text_under_n_chars`.
    case byTitle = "by_title"
}
