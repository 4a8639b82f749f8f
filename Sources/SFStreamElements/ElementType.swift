/// The element types of the `unstructured` schema that sfstream writes.
///
/// The raw values are the `type` strings `unstructured`'s `elements_from_json` loads.
public enum ElementType: String, Sendable, Hashable, CaseIterable {
    case title = "Title"
    case narrativeText = "NarrativeText"
    case uncategorizedText = "UncategorizedText"
    case listItem = "ListItem"
    case table = "Table"
    case tableChunk = "TableChunk"
    case codeSnippet = "CodeSnippet"
    case image = "Image"
    case address = "Address"
    case emailAddress = "EmailAddress"
    case header = "Header"
    case footer = "Footer"
    case formula = "Formula"
    case pageBreak = "PageBreak"
    case compositeElement = "CompositeElement"
}
