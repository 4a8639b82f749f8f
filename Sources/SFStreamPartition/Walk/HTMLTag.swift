/// The role an HTML element plays in partitioning, looked up from its (lowercase) tag name.
///
/// `noscript` is phrasing content here: its text counts as shown, as in a browser with scripts off.
enum HTMLTag: Sendable, Equatable {
    /// Phrasing content: text flows through it (span, a, font, unknown tags).
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
    ///
    /// This runs for every element node, so it switches on the packed name (``TagKey``: the name's
    /// bytes, little-endian) instead of hashing it into a dictionary. Each constant is commented
    /// with the names it packs, and `HTMLTagTests` checks every name against its role.
    static func identify(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        guard let key = TagKey(name) else { return .inline }
        guard key.high == 0 else { return identifyLong(key) }
        switch key.low {
        case 0x61: return .anchor  // a
        case 0x62: return .bold  // b
        case 0x676e6f727473: return .bold  // strong
        case 0x69: return .italic  // i
        case 0x6d65: return .italic  // em
        case 0x7262: return .lineBreak  // br
        case 0x676d69: return .image  // img
        case 0x73736572646461: return .block  // address
        case 0x656c6369747261: return .block  // article
        case 0x6564697361: return .block  // aside
        case 0x79646f62: return .block  // body
        case 0x7265746e6563: return .block  // center
        case 0x6464: return .block  // dd
        case 0x736c6961746564: return .block  // details
        case 0x676f6c616964: return .block  // dialog
        case 0x766964: return .block  // div
        case 0x6c64: return .block  // dl
        case 0x7464: return .block  // dt
        case 0x746573646c656966: return .block  // fieldset
        case 0x657275676966: return .block  // figure
        case 0x7265746f6f66: return .block  // footer
        case 0x6d726f66: return .block  // form
        case 0x726564616568: return .block  // header
        case 0x70756f726768: return .block  // hgroup
        case 0x7268: return .block  // hr
        case 0x6c6d7468: return .block  // html
        case 0x646e6567656c: return .block  // legend
        case 0x6e69616d: return .block  // main
        case 0x76616e: return .block  // nav
        case 0x70: return .block  // p
        case 0x6e6f6974636573: return .block  // section
        case 0x7972616d6d7573: return .block  // summary
        case 0x6e6f6974706f: return .block  // option
        case 0x70756f726774706f: return .block  // optgroup
        case 0x746573656d617266: return .block  // frameset
        case 0x73656d6172666f6e: return .block  // noframes
        case 0x676e697473696c: return .block  // listing
        case 0x706d78: return .block  // xmp
        case 0x6165726174786574: return .block  // textarea
        case 0x686372616573: return .block  // search
        case 0x7463656c6573: return .block  // select
        case 0x3168: return .heading(1)  // h1
        case 0x3268: return .heading(2)  // h2
        case 0x3368: return .heading(3)  // h3
        case 0x3468: return .heading(4)  // h4
        case 0x3568: return .heading(5)  // h5
        case 0x3668: return .heading(6)  // h6
        case 0x6c75: return .list  // ul
        case 0x6c6f: return .list  // ol
        case 0x756e656d: return .list  // menu
        case 0x726964: return .list  // dir
        case 0x696c: return .listItem  // li
        case 0x657270: return .preformatted  // pre
        case 0x656c626174: return .table  // table
        case 0x6461656874: return .tableSection  // thead
        case 0x79646f6274: return .tableSection  // tbody
        case 0x746f6f6674: return .tableSection  // tfoot
        case 0x7274: return .tableRow  // tr
        case 0x6474: return .tableCell(isHeader: false)  // td
        case 0x6874: return .tableCell(isHeader: true)  // th
        case 0x6e6f6974706163: return .caption  // caption
        case 0x747069726373: return .skipped  // script
        case 0x656c797473: return .skipped  // style
        case 0x64616568: return .skipped  // head
        case 0x656c746974: return .skipped  // title
        case 0x6574616c706d6574: return .skipped  // template
        case 0x656d61726669: return .skipped  // iframe
        case 0x7463656a626f: return .skipped  // object
        case 0x6465626d65: return .skipped  // embed
        case 0x677673: return .skipped  // svg
        case 0x6874616d: return .skipped  // math
        case 0x6f69647561: return .skipped  // audio
        case 0x6f65646976: return .skipped  // video
        case 0x7361766e6163: return .skipped  // canvas
        case 0x7473696c61746164: return .skipped  // datalist
        case 0x6465626d656f6e: return .skipped  // noembed
        case 0x6d61726170: return .skipped  // param
        case 0x656372756f73: return .skipped  // source
        case 0x6b63617274: return .skipped  // track
        case 0x70616d: return .skipped  // map
        case 0x6174656d: return .skipped  // meta
        case 0x6b6e696c: return .skipped  // link
        case 0x65736162: return .skipped  // base
        default: return .inline
        }
    }

    /// Identifies a tag of 9 to 16 bytes.
    private static func identifyLong(_ key: TagKey) -> HTMLTag {
        switch (key.low, key.high) {
        case (0x6f75716b636f6c62, 0x6574): return .block  // blockquote
        case (0x6974706163676966, 0x6e6f): return .block  // figcaption
        case (0x7865746e69616c70, 0x74): return .block  // plaintext
        default: return .inline
        }
    }
}

/// A tag name of at most 16 bytes packed into two integers, so that looking a tag up costs no
/// String allocation.
struct TagKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(low: UInt64, high: UInt64 = 0) {
        self.low = low
        self.high = high
    }

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

extension TagKey {
    // Names compared on hot paths, packed as `init(_:)` packs them, so that using one costs no
    // lazy global initialization. `HTMLTagTests` checks each against `TagKey(name)`.
    static var style: TagKey { TagKey(low: 0x656c797473) }
    static var details: TagKey { TagKey(low: 0x736c6961746564) }
    static var summary: TagKey { TagKey(low: 0x7972616d6d7573) }
    static var paragraph: TagKey { TagKey(low: 0x70) }
    static var blockquote: TagKey { TagKey(low: 0x6f75716b636f6c62, high: 0x6574) }
}
