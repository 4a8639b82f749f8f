/// An invalid chunking option, found when ``ChunkingOptions`` is created.
///
/// `option` is the `unstructured` parameter name (`max_characters`, `overlap`, …) and
/// `description` is the full message, quoting the values involved.
public struct ChunkingOptionsError: Error, CustomStringConvertible, Equatable {
    public let option: String
    public let description: String

    init(option: String, _ description: String) {
        self.option = option
        self.description = description
    }
}
