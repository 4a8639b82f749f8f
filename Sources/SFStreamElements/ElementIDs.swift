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
        var input = Array(filename.utf8)
        input.append(contentsOf: text.utf8)
        input.append(contentsOf: "None".utf8)
        input.append(contentsOf: String(index).utf8)
        return SHA256Digest.hex(of: input, digits: 32)
    }
}

/// SHA-256 through OpenSSL, returned as lowercase hex.
public enum SHA256Digest {
    public static func hex(of bytes: [UInt8], digits: Int = 64) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { buffer in
            _ = SHA256(buffer.baseAddress, buffer.count, &digest)
        }
        let alphabet = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(alphabet[Int(byte >> 4)])
            hex.append(alphabet[Int(byte & 0x0f)])
        }
        return String(decoding: hex.prefix(digits), as: UTF8.self)
    }
}
