/// The role an HTML element plays in partitioning, looked up from its (lowercase) tag name.
///
/// `noscript` is phrasing content here: its text counts as shown, as in a browser with scripts off.
enum HTMLTag: Sendable, Equatable {
    /// Phrasing content: text flows through it (span, a, font, unknown tags such as Outlook's `o:p`).
    case inline
    /// A link; its `href` becomes `link_urls`.
    case anchor
    /// `b` and `strong`: `emphasized_text_tags` "b".
    case bold
    /// `i` and `em`: `emphasized_text_tags` "i".
    case italic
    case lineBreak
    case image
    /// Ends the current text element (p, div, section, blockquote, hr, …).
    case block
    /// h1–h6 with their level (1 to 6).
    case heading(Int)
    /// ul, ol, menu, dir.
    case list
    case listItem
    case preformatted
    case table
    /// thead, tbody, tfoot.
    case tableSection
    case tableRow
    case tableCell(isHeader: Bool)
    case caption
    /// Content a browser does not render as text: script, style, head, title, template, iframe,
    /// object, svg, audio, video and similar. The subtree is skipped.
    case skipped

    /// Identifies a tag from libxml2's NUL-terminated lowercase name.
    static func identify(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        guard let key = TagKey(name) else { return .inline }
        return lookup[key] ?? .inline
    }

    private static let lookup: [TagKey: HTMLTag] = {
        var table: [TagKey: HTMLTag] = [:]
        func add(_ names: [String], _ tag: HTMLTag) {
            for name in names { table[TagKey(name)] = tag }
        }
        add(["a"], .anchor)
        add(["b", "strong"], .bold)
        add(["i", "em"], .italic)
        add(["br"], .lineBreak)
        add(["img"], .image)
        add(
            [
                "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
                "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
                "hr", "html", "legend", "main", "nav", "p", "section", "summary", "option", "optgroup",
                "frameset", "noframes", "listing", "xmp", "plaintext", "textarea", "search", "select",
            ],
            .block
        )
        for level in 1...6 { add(["h\(level)"], .heading(level)) }
        add(["ul", "ol", "menu", "dir"], .list)
        add(["li"], .listItem)
        add(["pre"], .preformatted)
        add(["table"], .table)
        add(["thead", "tbody", "tfoot"], .tableSection)
        add(["tr"], .tableRow)
        add(["td"], .tableCell(isHeader: false))
        add(["th"], .tableCell(isHeader: true))
        add(["caption"], .caption)
        add(
            [
                "script", "style", "head", "title", "template", "iframe", "object", "embed", "svg", "math",
                "audio", "video", "canvas", "datalist", "noembed", "param", "source", "track",
                "map", "meta", "link", "base",
            ],
            .skipped
        )
        return table
    }()
}

/// A tag name of at most 16 bytes packed into two integers, so that looking a tag up costs no
/// String allocation.
struct TagKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init?(_ name: UnsafePointer<UInt8>) {
        var index = 0
        while name[index] != 0 {
            if index == 16 { return nil }
            let byte = UInt64(name[index])
            if index < 8 {
                low |= byte << (8 * UInt64(index))
            } else {
                high |= byte << (8 * UInt64(index - 8))
            }
            index += 1
        }
    }

    init(_ name: String) {
        for (index, byte) in name.utf8.enumerated() where index < 16 {
            if index < 8 {
                low |= UInt64(byte) << (8 * UInt64(index))
            } else {
                high |= UInt64(byte) << (8 * UInt64(index - 8))
            }
        }
    }
}
