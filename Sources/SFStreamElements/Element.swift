/// One document element in the `unstructured` schema: `{"type", "element_id", "text", "metadata"}`.
public struct Element: Sendable, Hashable {
    public var type: ElementType
    /// 32 lowercase hex digits; see ``ElementIDs`` for how partition output derives them.
    public var elementID: String
    public var text: String
    public var metadata: ElementMetadata

    public init(type: ElementType, text: String, metadata: ElementMetadata = ElementMetadata(), elementID: String = "") {
        self.type = type
        self.elementID = elementID
        self.text = text
        self.metadata = metadata
    }
}
