import CLibXML2

/// Runs libxml2's HTML parser in SAX mode and hands its events to a ``DocumentWalker``.
///
/// No libxml2 tree is built. Building and freeing one took about 45% of the parse time on the
/// emulator's corpus, and the walker reads the document in order anyway. The events are shaped
/// as libxml2's own tree builder would store them, so output is the same as from a tree:
/// - adjacent character callbacks join into one text node, and a comment or processing
///   instruction ends one (each is a node of its own in the tree);
/// - a prefixed name such as Outlook's `o:p` becomes its local name, as the tree builder splits it;
/// - text outside every element is dropped, as the tree builder has no node to add it to;
/// - an element that starts after the root element has ended (content after `</html>`) goes
///   inside the document's first node when that node is an element. The first root therefore
///   stays open for the walker until the end, and a `hidden` on it hides that content too.
struct HTMLEventSource {
    var walker: DocumentWalker
    private var pendingText: [UInt8] = []
    private var pendingIsCDATA = false
    private var openElements = 0
    /// True once any node has reached the document level.
    private var documentHasNode = false
    /// True while the document's first node is an element, so that the tree builder puts later
    /// top-level elements inside it. A comment, processing instruction or doctype that comes
    /// first, or a doctype anywhere (libxml2 puts it first), makes them siblings instead.
    private var nestsInFirstRoot = false
    /// True when the first root element has ended but its end is kept from the walker.
    private var rootEndDeferred = false

    init(walker: DocumentWalker) {
        self.walker = walker
        pendingText.reserveCapacity(1024)
    }

    /// Parses `bytes` as UTF-8 with `options`, feeding every event to the walker.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, options: Int32, into source: inout HTMLEventSource
    ) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let length = Int32(clamping: bytes.count)
        let context = base.withMemoryRebound(to: CChar.self, capacity: Int(length)) {
            htmlCreateMemoryParserCtxt($0, length)
        }
        guard let context else { return }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = handler
        htmlCtxtUseOptions(context, options)
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
        withUnsafeMutablePointer(to: &source) { pointer in
            context.pointee.userData = UnsafeMutableRawPointer(pointer)
            _ = htmlParseDocument(context)
            context.pointee.userData = nil
        }
        // The handler has no startDocument, so libxml2 makes no document. This frees one in case
        // a later libxml2 makes it anyway.
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        // Recorded tables hold element names from the context's dictionary, so they are
        // replayed before the context is freed.
        source.endDocument()
    }

    // MARK: - Events

    mutating func startElement(_ name: UnsafePointer<UInt8>, _ attributes: AttributeList?) {
        flushText()
        if openElements == 0 && !documentHasNode {
            documentHasNode = true
            nestsInFirstRoot = true
        }
        openElements += 1
        walker.start(HTMLEventSource.localName(name), attributes: attributes)
    }

    mutating func endElement() {
        flushText()
        guard openElements > 0 else { return }
        openElements -= 1
        if openElements == 0 && nestsInFirstRoot && !rootEndDeferred {
            rootEndDeferred = true
            return
        }
        walker.end()
        if openElements == 0 && rootEndDeferred && !nestsInFirstRoot { endDeferredRoot() }
    }

    mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int, isCDATA: Bool) {
        guard openElements > 0, count > 0 else { return }
        if isCDATA != pendingIsCDATA { flushText() }
        pendingIsCDATA = isCDATA
        pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Takes a comment or processing instruction: it ends the current text node, because it is
    /// a node of its own in the tree, and its content reaches the walker for style sheets.
    mutating func otherNode(content: UnsafePointer<UInt8>?) {
        flushText()
        if openElements == 0 && !documentHasNode { documentHasNode = true }
        if let content { walker.otherNodeContent(UnsafeBufferPointer(start: content, count: cStringLength(content))) }
    }

    /// Takes a doctype. libxml2 inserts it as the document's first node wherever it appears, so
    /// it does not end the current text node.
    mutating func doctype() {
        documentHasNode = true
        nestsInFirstRoot = false
        if openElements == 0 && rootEndDeferred { endDeferredRoot() }
    }

    mutating func endDocument() {
        flushText()
        if rootEndDeferred { endDeferredRoot() }
        walker.decideOpenTables()
    }

    private mutating func endDeferredRoot() {
        rootEndDeferred = false
        walker.end()
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        pendingText.withUnsafeBufferPointer { walker.text($0) }
        if pendingText.capacity > HTMLEventSource.retainedCapacity {
            // A text node of many megabytes would otherwise keep its buffer for the whole parse.
            pendingText = []
            pendingText.reserveCapacity(HTMLEventSource.retainedCapacity)
        } else {
            pendingText.removeAll(keepingCapacity: true)
        }
    }

    /// Capacity of the text buffer kept between text nodes, in bytes.
    private static let retainedCapacity = 1 << 16

    /// Returns the part of `name` after its first colon, as libxml2's tree builder splits it. A
    /// name that starts or ends with the colon stays whole.
    static func localName(_ name: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var index = 0
        while name[index] != 0 {
            if name[index] == UInt8(ascii: ":") {
                guard index > 0, name[index + 1] != 0 else { return name }
                return name + index + 1
            }
            index += 1
        }
        return name
    }

    // MARK: - libxml2 callbacks

    private static var handler: htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee.startElement(name, attributes)
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee.endElement()
        }
        handler.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee
                .characters(bytes, count: Int(count), isCDATA: false)
        }
        // libxml2 passes the content of `script` and `style` here.
        handler.cdataBlock = { context, bytes, count in
            guard let context, let bytes else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee
                .characters(bytes, count: Int(count), isCDATA: true)
        }
        handler.comment = { context, content in
            guard let context else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee.otherNode(content: content)
        }
        handler.processingInstruction = { context, _, data in
            guard let context else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee.otherNode(content: data)
        }
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: HTMLEventSource.self).pointee.doctype()
        }
        return handler
    }
}

/// libxml2's attribute list: name and value pointers in turn, ended by a null name. A value is
/// null for an attribute written without one (`hidden`).
typealias AttributeList = UnsafeMutablePointer<UnsafePointer<UInt8>?>
