import SFStreamElements

/// Deterministic chunk ids. `unstructured` gives chunks random UUIDs; sfstream derives them so a
/// rerun over the same records writes the same ids.
///
/// A chunk's id is the first 32 hex digits of a SHA-256 digest. The digest covers, in UTF-8: the
/// `element_id` of the chunk's first original element, a NUL byte, the chunk's index in the
/// document's chunk output (in decimal), a NUL byte, and the chunk text. The index makes ids
/// unique within a document, and the first element's id (which hashes its record's filename)
/// makes them unique across records. Input elements without ids (an empty `element_id`) give
/// chunk ids that are unique only within their document.
enum ChunkIDs {
    static func id(firstElementID: String, chunkIndex: Int, text: String) -> String {
        id(firstElementID: firstElementID, chunkIndex: chunkIndex, text: text, hasher: SHA256Hasher())
    }

    /// Returns the same id, computed with a hasher reused for every chunk of a document.
    static func id(firstElementID: String, chunkIndex: Int, text: String, hasher: borrowing SHA256Hasher) -> String {
        let separator: [UInt8] = [0]
        hasher.update(firstElementID)
        separator.withUnsafeBytes { hasher.update($0) }
        hasher.update(String(chunkIndex))
        separator.withUnsafeBytes { hasher.update($0) }
        hasher.update(text)
        return hasher.finishHex(digits: 32)
    }
}
