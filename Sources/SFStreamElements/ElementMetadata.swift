/// The `metadata` object of an element, limited to the fields an HTML and e-mail pipeline writes.
///
/// A field left `nil` (or an empty list) is omitted from the JSON, as `unstructured` omits it.
public struct ElementMetadata: Sendable, Hashable {
    public var filename: String?
    public var filetype: String?
    public var languages: [String]?
    /// The page an element came from, 1-based. HTML has no pages, so only elements read by
    /// `sfstream chunk` (from a PDF partitioned elsewhere, say) carry one.
    public var pageNumber: Int?
    public var categoryDepth: Int?
    public var parentID: String?
    public var textAsHTML: String?
    public var linkTexts: [String]?
    public var linkURLs: [String]?
    public var emphasizedTextContents: [String]?
    public var emphasizedTextTags: [String]?
    public var imageURL: String?
    public var imageMimeType: String?
    public var sentFrom: [String]?
    public var sentTo: [String]?
    public var ccRecipient: [String]?
    public var bccRecipient: [String]?
    public var subject: String?
    public var emailMessageID: String?
    public var isContinuation: Bool?
    public var chunkIndex: Int?
    /// Header rows a table chunk repeats from its table's start (`unstructured` 0.27.35 and later).
    public var numCarriedOverHeaderRows: Int?
    public var dataSource: DataSource?
    /// Fields outside the typed set, written as strings in key order (for example a record's
    /// `parent_record_id`). `unstructured` keeps unknown metadata keys as ad-hoc fields.
    public var extra: [(key: String, value: String)] = []

    public init() {}

    public static func == (lhs: ElementMetadata, rhs: ElementMetadata) -> Bool {
        lhs.filename == rhs.filename && lhs.filetype == rhs.filetype && lhs.languages == rhs.languages
            && lhs.categoryDepth == rhs.categoryDepth && lhs.parentID == rhs.parentID
            && lhs.textAsHTML == rhs.textAsHTML && lhs.linkTexts == rhs.linkTexts
            && lhs.linkURLs == rhs.linkURLs && lhs.emphasizedTextContents == rhs.emphasizedTextContents
            && lhs.emphasizedTextTags == rhs.emphasizedTextTags && lhs.imageURL == rhs.imageURL
            && lhs.imageMimeType == rhs.imageMimeType && lhs.sentFrom == rhs.sentFrom
            && lhs.sentTo == rhs.sentTo && lhs.ccRecipient == rhs.ccRecipient
            && lhs.bccRecipient == rhs.bccRecipient && lhs.subject == rhs.subject
            && lhs.emailMessageID == rhs.emailMessageID && lhs.isContinuation == rhs.isContinuation
            && lhs.chunkIndex == rhs.chunkIndex && lhs.dataSource == rhs.dataSource
            && lhs.pageNumber == rhs.pageNumber
            && lhs.numCarriedOverHeaderRows == rhs.numCarriedOverHeaderRows
            && lhs.extra.map(\.key) == rhs.extra.map(\.key) && lhs.extra.map(\.value) == rhs.extra.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(filename)
        hasher.combine(parentID)
        hasher.combine(textAsHTML)
        hasher.combine(dataSource)
    }
}
