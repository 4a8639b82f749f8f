import CLibXML2
import SFStreamElements

/// Partitions HTML into `unstructured` elements with libxml2.
///
/// Each call runs its own libxml2 parser context and frees it before returning, so calls may run
/// on several threads at once.
public enum HTMLPartitioner {
    /// Partitions Unicode input (a Salesforce field, already decoded), parsed as UTF-8 whatever
    /// charset the document's `<meta>` declares.
    public static func partition(html: String, options: PartitionOptions) -> [Element] {
        var html = html
        return html.withUTF8 { partitionUTF8($0, options: options) }
    }

    /// Partitions the bytes of a local file. The charset comes from, in this order: a byte-order
    /// mark, valid UTF-8 with non-ASCII text, `declaredEncoding` (the user's `--encoding`),
    /// `<meta charset>` or `http-equiv`, then windows-1252.
    ///
    /// - Throws: ``PartitionError`` for an encoding name iconv does not know, or a document over
    ///   2 GiB after decoding.
    public static func partition(
        htmlBytes: [UInt8], declaredEncoding: String?, options: PartitionOptions
    ) throws
        -> [Element]
    {
        let utf8 = try HTMLDecoding.utf8Bytes(htmlBytes, declaredEncoding: declaredEncoding)
        guard utf8.count <= Int(Int32.max) else { throw PartitionError.documentTooLarge(bytes: utf8.count) }
        return utf8.withUnsafeBufferPointer { partitionUTF8($0, options: options) }
    }

    /// Decodes the bytes of a local file to Unicode by the rules
    /// `partition(htmlBytes:declaredEncoding:options:)` applies, for callers that hold documents
    /// as strings (the pipeline does, and so does the benchmark that compares the two paths).
    ///
    /// - Throws: ``PartitionError`` for an encoding name iconv does not know.
    public static func decode(htmlBytes: [UInt8], declaredEncoding: String?) throws -> String {
        String(decoding: try HTMLDecoding.utf8Bytes(htmlBytes, declaredEncoding: declaredEncoding), as: UTF8.self)
    }

    /// libxml2's global state, set up once before the first parse (safe to reach from any thread).
    private static let parserInitialized: Void = xmlInitParser()

    /// RECOVER accepts real-world markup, and NONET keeps libxml2 from fetching any entity or DTD.
    /// HUGE lifts the limits of 256 nesting levels and 10 MB text nodes, beyond which libxml2 2.9.14
    /// drops content without an error. IGNORE_ENC together with the explicit "UTF-8" keeps a
    /// `<meta charset>` from re-decoding the buffer.
    private static let parseOptions: Int32 = {
        let html =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue
        return Int32(bitPattern: UInt32(html) | UInt32(XML_PARSE_HUGE.rawValue))
    }()

    static func partitionUTF8(_ bytes: UnsafeBufferPointer<UInt8>, options: PartitionOptions) -> [Element] {
        if let cleaned = MarkupCleaner.cleaned(bytes) {
            return cleaned.withUnsafeBufferPointer { parse($0, options: options) }
        }
        return parse(bytes, options: options)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: PartitionOptions) -> [Element] {
        guard bytes.count > 0 else { return [] }
        _ = parserInitialized
        // NOTE: a String over 2 GiB is cut at that length; `partition(htmlBytes:)` throws instead.
        var metadata = options.metadata
        metadata.parentID = nil
        metadata.categoryDepth = nil
        var source = HTMLEventSource(walker: DocumentWalker(base: metadata))
        HTMLEventSource.parse(bytes, options: parseOptions, into: &source)
        var elements = source.walker.finish()
        ElementHierarchy.finish(&elements, idAssignment: options.idAssignment)
        return elements
    }
}
