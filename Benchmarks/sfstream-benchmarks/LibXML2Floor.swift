import CLibXML2

#if canImport(Glibc)
    import Glibc
#endif

/// The floor every parse figure is compared with: libxml2 `htmlReadMemory` with the options
/// `HTMLPartitioner` passes, a walk over every node that only sums text lengths, and
/// `xmlFreeDoc`. No element, string or array is built.
///
/// `HTMLPartitioner` builds no libxml2 tree: it takes the parser's SAX events. `parseEvents`
/// is that parse with callbacks that only sum text lengths, the least any partitioner on
/// libxml2's events can cost.
enum LibXML2Floor {
    /// The partitioner's options: RECOVER, NONET, NOERROR, NOWARNING, NODEFDTD, COMPACT,
    /// IGNORE_ENC and HUGE, with the input declared as UTF-8.
    static let parseOptions: Int32 = {
        let html =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue
        return Int32(bitPattern: UInt32(html) | UInt32(XML_PARSE_HUGE.rawValue))
    }()

    /// Parses `html` and returns the number of text bytes the walk saw.
    static func parseAndWalk(_ html: String) -> Int {
        var html = html
        return html.withUTF8 { parseAndWalk($0) }
    }

    static func parseAndWalk(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            htmlReadMemory($0, Int32(clamping: bytes.count), nil, "UTF-8", parseOptions)
        }
        guard let document else { return 0 }
        defer { xmlFreeDoc(document) }

        let documentNode = UnsafeMutableRawPointer(document)
        var textBytes = 0
        var node = document.pointee.children
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                textBytes += strlen(content)
            }
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                node = child
                continue
            }
            // Climb until a node has a next sibling, stopping at the document.
            node = nil
            var climbing: UnsafeMutablePointer<xmlNode>? = current
            while let step = climbing {
                if let next = step.pointee.next {
                    node = next
                    break
                }
                guard let parent = step.pointee.parent, UnsafeMutableRawPointer(parent) != documentNode else { break }
                climbing = parent
            }
        }
        return textBytes
    }

    /// Parses `html` with SAX callbacks that only sum text lengths, and returns that sum.
    static func parseEvents(_ html: String) -> Int {
        var html = html
        return html.withUTF8 { parseEvents($0) }
    }

    static func parseEvents(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let length = Int32(clamping: bytes.count)
        let context = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            htmlCreateMemoryParserCtxt($0, length)
        }
        guard let context else { return 0 }
        defer { htmlFreeParserCtxt(context) }
        var handler = htmlSAXHandler()
        handler.characters = { context, _, count in
            context?.assumingMemoryBound(to: Int.self).pointee += Int(count)
        }
        handler.cdataBlock = handler.characters
        context.pointee.sax.pointee = handler
        htmlCtxtUseOptions(context, parseOptions)
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
        var textBytes = 0
        withUnsafeMutablePointer(to: &textBytes) { pointer in
            context.pointee.userData = UnsafeMutableRawPointer(pointer)
            _ = htmlParseDocument(context)
            context.pointee.userData = nil
        }
        return textBytes
    }
}
