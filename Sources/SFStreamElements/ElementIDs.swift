import COpenSSL

/// Deterministic element ids, computed as `unstructured` computes them for partition output.
///
/// An id is the first 32 hex digits of SHA-256 over `filename + text + page_number + n`, where a
/// missing filename or page number is written `None` (Python's `str(None)`) and `n` counts the
/// elements before this one on the same page. sfstream writes no page numbers, so `n` is the
/// element's index in its document. Because a record's filename contains its record Id, the same
/// text in two records gets two ids, and repeated text within one document differs by `n`.
public enum ElementIDs {
    /// Assigns ids to a whole document's elements in order and rewrites every `parent_id` to the
    /// new id of the element it pointed at. A `parent_id` that names no element here is dropped.
    public static func assign(to elements: inout [Element]) {
        var renamed: [String: String] = [:]
        renamed.reserveCapacity(elements.count)
        for index in elements.indices {
            let filename = elements[index].metadata.filename ?? "None"
            let newID = id(filename: filename, text: elements[index].text, index: index)
            if !elements[index].elementID.isEmpty {
                renamed[elements[index].elementID] = newID
            }
            elements[index].elementID = newID
        }
        for index in elements.indices {
            if let parent = elements[index].metadata.parentID {
                elements[index].metadata.parentID = renamed[parent]
            }
        }
    }

    /// Returns the id `unstructured` gives the element at `index` of a page-less document.
    public static func id(filename: String, text: String, index: Int) -> String {
        var input: [UInt8] = []
        input.reserveCapacity(filename.utf8.count + text.utf8.count + 24)
        input.append(contentsOf: filename.utf8)
        input.append(contentsOf: text.utf8)
        input.append(contentsOf: "None".utf8)
        input.append(contentsOf: String(index).utf8)
        return SHA256Digest.hex(of: input, digits: 32)
    }
}

/// SHA-256 through OpenSSL, returned as lowercase hex.
public enum SHA256Digest {
    /// Returns the first `digits` (at most 64) hex digits of the SHA-256 of `bytes`. Runs once per
    /// element, so the digest and the hex text are built on the stack rather than in arrays.
    public static func hex(of bytes: [UInt8], digits: Int = 64) -> String {
        let count = min(max(digits, 0), 64)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32 + 64) { scratch in
            let digest = scratch.baseAddress!
            bytes.withUnsafeBufferPointer { buffer in
                _ = SHA256(buffer.baseAddress, buffer.count, digest)
            }
            let hex = digest + 32
            let alphabet: StaticString = "0123456789abcdef"
            let letters = alphabet.utf8Start
            for position in 0..<32 {
                hex[2 * position] = letters[Int(digest[position] >> 4)]
                hex[2 * position + 1] = letters[Int(digest[position] & 0x0f)]
            }
            return String(decoding: UnsafeBufferPointer(start: hex, count: count), as: UTF8.self)
        }
    }
}
