import SFStreamElements

/// Deterministic chunk ids. `unstructured` gives chunks random UUIDs; sfstream derives them so a
/// rerun over the same records writes the same ids.
///
/// A chunk's id is the first 32 hex digits of a SHA-256 digest. The digest covers, in UTF-8: the
/// document's `filename` (`None` when it has none, as `unstructured` writes a missing filename in
/// element ids), a NUL byte, the chunk's index in the document's chunk output (in decimal), a NUL
/// byte, and the chunk text. The index makes ids unique within a document, and the filename
/// (`<record Id>.html` for a Salesforce record) makes them unique across documents. The ids of
/// the input elements play no part, so a chunker need not hash every element first.
enum ChunkIDs {
    static func id(filename: String?, chunkIndex: Int, text: String) -> String {
        id(filename: filename, chunkIndex: chunkIndex, text: text, hasher: SHA256Hasher())
    }

    /// Returns the same id, computed with a hasher reused for every chunk of a document.
    static func id(filename: String?, chunkIndex: Int, text: String, hasher: borrowing SHA256Hasher) -> String {
        let separator: [UInt8] = [0]
        hasher.update(filename ?? "None")
        separator.withUnsafeBytes { hasher.update($0) }
        hasher.update(String(chunkIndex))
        separator.withUnsafeBytes { hasher.update($0) }
        hasher.update(text)
        return hasher.finishHex(digits: 32)
    }
}
