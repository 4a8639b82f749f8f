import SFStreamElements

/// Settings shared by the HTML and plain-text partitioners.
public struct PartitionOptions: Sendable {
    /// Copied into every element: filename, filetype, data_source, e-mail fields.
    public var metadata: ElementMetadata

    /// The way elements get their `element_id` and `parent_id`.
    public var idAssignment: IDAssignment

    /// The ways the partitioner can set `element_id` and `parent_id`.
    public enum IDAssignment: Sendable, Equatable {
        /// Final ids from ``ElementIDs``, and parent ids that name them.
        case final
        /// Provisional ids (each element's index in decimal) and parent ids that name them, for a
        /// caller that joins several partitioned parts and numbers the whole with
        /// `ElementIDs.assign(to:)`, so that the text is hashed once rather than twice.
        case provisional
        /// Empty ids and no parent ids, for a caller that chunks the elements next: chunk ids
        /// do not depend on element ids, and chunks carry no parent ids.
        case omitted
    }

    /// True when elements get their final ids.
    public var assignsIDs: Bool { idAssignment == .final }

    public init(metadata: ElementMetadata = ElementMetadata()) {
        self.init(metadata: metadata, idAssignment: .final)
    }

    public init(metadata: ElementMetadata, assignsIDs: Bool) {
        self.init(metadata: metadata, idAssignment: assignsIDs ? .final : .provisional)
    }

    public init(metadata: ElementMetadata, idAssignment: IDAssignment) {
        self.metadata = metadata
        self.idAssignment = idAssignment
    }
}

/// A failure to partition a document: an encoding name that iconv does not know, or a document
/// too large for libxml2's `Int32` buffer length.
public struct PartitionError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case unknownEncoding
        case documentTooLarge
    }

    public var kind: Kind
    public var description: String

    static func unknownEncoding(_ name: String) -> PartitionError {
        PartitionError(
            kind: .unknownEncoding,
            description:
                "unknown character encoding '\(name)': use a name iconv knows, such as utf-8, windows-1252 or shift_jis"
        )
    }

    static func documentTooLarge(bytes: Int) -> PartitionError {
        PartitionError(
            kind: .documentTooLarge,
            description: "document of \(bytes) bytes exceeds libxml2's maximum of \(Int32.max) bytes"
        )
    }
}
