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
        let hasher = SHA256Hasher()
        var renamed: [String: String] = [:]
        renamed.reserveCapacity(elements.count)
        for index in elements.indices {
            let filename = elements[index].metadata.filename ?? "None"
            let newID = id(filename: filename, text: elements[index].text, index: index, hasher: hasher)
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

    /// Assigns ids to a whole document's elements in order and sets each `parent_id` to the new id
    /// of the element at `parents[index]` (none for `nil`). `parents` has one entry per element.
    public static func assign(to elements: inout [Element], parents: [Int?]) {
        precondition(parents.count == elements.count, "one parent entry per element")
        let hasher = SHA256Hasher()
        for index in elements.indices {
            let filename = elements[index].metadata.filename ?? "None"
            elements[index].elementID = id(filename: filename, text: elements[index].text, index: index, hasher: hasher)
        }
        for index in elements.indices {
            elements[index].metadata.parentID = parents[index].map { elements[$0].elementID }
        }
    }

    /// Returns the id `unstructured` gives the element at `index` of a page-less document.
    public static func id(filename: String, text: String, index: Int) -> String {
        id(filename: filename, text: text, index: index, hasher: SHA256Hasher())
    }

    /// Returns the same id, computed with a hasher that the caller reuses for every element of a
    /// document.
    public static func id(filename: String, text: String, index: Int, hasher: borrowing SHA256Hasher) -> String {
        hasher.update(filename)
        hasher.update(text)
        hasher.update("None")
        hasher.update(String(index))
        return hasher.finishHex(digits: 32)
    }
}

/// SHA-256 through OpenSSL, returned as lowercase hex.
public enum SHA256Digest {
    /// Returns the first `digits` (at most 64) hex digits of the SHA-256 of `bytes`.
    public static func hex(of bytes: [UInt8], digits: Int = 64) -> String {
        let hasher = SHA256Hasher()
        bytes.withUnsafeBufferPointer { hasher.update(UnsafeRawBufferPointer($0)) }
        return hasher.finishHex(digits: digits)
    }
}

/// Incremental SHA-256 over one OpenSSL `SHA256_CTX`, reused from one digest to the next. The
/// low-level functions skip EVP's per-digest set-up and provider dispatch, which cost more than
/// hashing a typical element's text. Not for use on two threads at once.
public struct SHA256Hasher: ~Copyable {
    private let context: UnsafeMutablePointer<SHA256_CTX>

    public init() {
        context = .allocate(capacity: 1)
        SHA256_Init(context)
    }

    deinit {
        context.deallocate()
    }

    /// Adds bytes to the digest being computed.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        SHA256_Update(context, base, bytes.count)
    }

    /// Adds a string's UTF-8 to the digest being computed.
    public func update(_ text: String) {
        let added: Void? = text.utf8.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if added == nil {
            Array(text.utf8).withUnsafeBufferPointer { update(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Ends the digest, returns its first `digits` (at most 64) hex digits, and starts the next
    /// digest. The digest and the hex text are built on the stack: this runs once per element.
    public func finishHex(digits: Int = 64) -> String {
        let count = min(max(digits, 0), 64)
        defer { SHA256_Init(context) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32 + 64) { scratch in
            let digest = scratch.baseAddress!
            SHA256_Final(digest, context)
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
