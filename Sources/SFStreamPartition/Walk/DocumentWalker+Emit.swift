import SFStreamElements

/// Link and emphasis metadata of the element being built, in the form `unstructured` writes.
struct Annotations {
    var linkTexts: [String] = []
    var linkURLs: [String] = []
    var emphasizedContents: [String] = []
    var emphasizedTags: [String] = []

    mutating func addLink(text: String, url: String) {
        guard !text.isEmpty, !url.isEmpty else { return }
        linkTexts.append(text)
        linkURLs.append(url)
    }

    /// Records one emphasized text run; `tag` is "b", "i" or "bi" (both), as `unstructured` writes it.
    mutating func addEmphasis(text: String, tag: String) {
        guard !text.isEmpty else { return }
        emphasizedContents.append(text)
        emphasizedTags.append(tag)
    }

    func apply(to metadata: inout ElementMetadata) {
        if !linkTexts.isEmpty {
            metadata.linkTexts = linkTexts
            metadata.linkURLs = linkURLs
        }
        if !emphasizedContents.isEmpty {
            metadata.emphasizedTextContents = emphasizedContents
            metadata.emphasizedTextTags = emphasizedTags
        }
    }
}

extension DocumentWalker {
    /// Ends the current element: emits the gathered text as an element of the current context's
    /// type (nothing when it is empty), then any images met inside it.
    mutating func flush() {
        let isCode = context == .code
        var string = takeText()
        if isCode { string = DocumentWalker.trimmingOneNewline(string) }
        if !string.isEmpty && !(isCode && string.utf8.allSatisfy(AttributeValue.isSpace)) {
            var metadata = base
            let type: ElementType
            switch context {
            case .paragraph:
                if let item = DocumentWalker.bulletedItem(string) {
                    type = .listItem
                    string = item
                    metadata.categoryDepth = listDepth + 1
                } else {
                    type = TextClassifier.classify(string)
                }
            case .listItem(let depth):
                type = .listItem
                metadata.categoryDepth = depth
            case .title(let depth):
                type = .title
                metadata.categoryDepth = depth
            case .code:
                type = .codeSnippet
            }
            annotations.apply(to: &metadata)
            elements.append(Element(type: type, text: string, metadata: metadata))
        }
        annotations = Annotations()
        if !pendingImages.isEmpty {
            elements.append(contentsOf: pendingImages)
            pendingImages.removeAll()
        }
    }

    /// Emits the finished data table: its caption as a text element, then the `Table`.
    mutating func finishTable() {
        guard var collector = table else { return }
        table = nil
        let caption = collector.caption
        if !caption.isEmpty {
            elements.append(Element(type: TextClassifier.classify(caption), text: caption, metadata: base))
        }
        if let (tableText, html) = collector.finish() {
            var metadata = base
            metadata.textAsHTML = html
            annotations.apply(to: &metadata)
            elements.append(Element(type: .table, text: tableText, metadata: metadata))
        }
        annotations = Annotations()
    }

    /// Handles an `<img>`: an image in the flow of the text (such as a screenshot pasted into a
    /// mail) becomes an `Image` element whose text is the alt text.
    ///
    /// A browser shows no alt text for an image that loads, so alt text that is not content would
    /// add words the reader never gets to read. Images without alt text, tracking pixels (width or
    /// height of 1 or 0), and images inside links or tables (buttons, social icons, logos of e-mail
    /// templates) yield nothing. The source URL is kept only for http(s). A `data:` URI yields its
    /// MIME type and never any text.
    mutating func image(_ attributes: NodeAttributes) {
        guard table == nil, layoutTableDepth == 0, openLinks.isEmpty, let alt = attributes.alt else { return }
        if let width = AttributeValue.leadingInteger(attributes.width), width <= 1 { return }
        if let height = AttributeValue.leadingInteger(attributes.height), height <= 1 { return }

        var altText = TextAccumulator()
        altText.append(UnsafeBufferPointer(start: alt, count: cStringLength(alt)))
        let description = altText.take()
        guard !description.isEmpty else { return }

        var metadata = base
        let source = AttributeValue.trimmed(attributes.src)
        let lowercasedPrefix = source.prefix(8).lowercased()
        if lowercasedPrefix.hasPrefix("http://") || lowercasedPrefix.hasPrefix("https://") {
            metadata.imageURL = source
        } else if lowercasedPrefix.hasPrefix("data:") {
            let mediaType = source.dropFirst(5).prefix { $0 != ";" && $0 != "," }
            if !mediaType.isEmpty { metadata.imageMimeType = String(mediaType).lowercased() }
        }
        let element = Element(type: .image, text: description, metadata: metadata)
        if text.isEmpty {
            elements.append(element)
        } else {
            pendingImages.append(element)
        }
    }

    /// Returns the text after a leading bullet and its space, or `nil` when `text` does not start
    /// with one.
    ///
    /// Word and Outlook write list items as paragraphs that start with a bullet character (inside a
    /// `<![if !supportLists]>` block), so such a paragraph becomes a `ListItem`, as in
    /// `unstructured`. Dashes are not bullets here: mail uses them for signatures and quotes.
    static func bulletedItem(_ text: String) -> String? {
        var scalars = text.unicodeScalars[...]
        guard let first = scalars.first, bulletScalars.contains(first.value) else { return nil }
        scalars = scalars.dropFirst()
        guard scalars.first == " " else { return nil }
        let item = String(scalars.dropFirst())
        return item.isEmpty ? nil : item
    }

    private static let bulletScalars: Set<UInt32> = [
        0x2022, 0x00B7, 0x25AA, 0x25E6, 0x2023, 0x2043, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25BA, 0x27A2, 0x27A4,
        0x2713, 0x2714, 0xF0B7,
    ]

    /// Removes one leading and one trailing newline, as a browser does for `<pre>` content.
    static func trimmingOneNewline(_ string: String) -> String {
        var utf8 = Substring(string).utf8[...]
        if utf8.first == UInt8(ascii: "\n") { utf8 = utf8.dropFirst() }
        if utf8.last == UInt8(ascii: "\n") { utf8 = utf8.dropLast() }
        return String(Substring(utf8))
    }
}
