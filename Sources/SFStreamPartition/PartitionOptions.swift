import SFStreamElements

/// Settings shared by the HTML and plain-text partitioners.
public struct PartitionOptions: Sendable {
    /// Copied into every element: filename, filetype, data_source, e-mail fields.
    public var metadata: ElementMetadata

    /// When true (the default), elements get their final ids from ``ElementIDs``. When false, they
    /// get provisional ids (their index in decimal) and parent ids that name them, for a caller
    /// that joins several partitioned parts and numbers the whole with `ElementIDs.assign(to:)`,
    /// so that the text is hashed once rather than twice.
    public var assignsIDs: Bool

    public init(metadata: ElementMetadata = ElementMetadata()) {
        self.init(metadata: metadata, assignsIDs: true)
    }

    public init(metadata: ElementMetadata, assignsIDs: Bool) {
        self.metadata = metadata
        self.assignsIDs = assignsIDs
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
