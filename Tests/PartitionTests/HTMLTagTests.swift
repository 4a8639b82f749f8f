import Testing
@testable import SFStreamPartition

/// The packed constants of ``HTMLTag/identify(_:)`` and ``TagKey`` against the names they stand for.
@Suite struct HTMLTagTests {
    static let roles: [(names: [String], role: HTMLTag)] = [
        (["a"], .anchor),
        (["b", "strong"], .bold),
        (["i", "em"], .italic),
        (["br"], .lineBreak),
        (["img"], .image),
        (
            [
                "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
                "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
                "hr", "html", "legend", "main", "nav", "p", "section", "summary", "option", "optgroup",
                "frameset", "noframes", "listing", "xmp", "plaintext", "textarea", "search", "select",
            ], .block
        ),
        (["h1"], .heading(1)), (["h2"], .heading(2)), (["h3"], .heading(3)),
        (["h4"], .heading(4)), (["h5"], .heading(5)), (["h6"], .heading(6)),
        (["ul", "ol", "menu", "dir"], .list),
        (["li"], .listItem),
        (["pre"], .preformatted),
        (["table"], .table),
        (["thead", "tbody", "tfoot"], .tableSection),
        (["tr"], .tableRow),
        (["td"], .tableCell(isHeader: false)),
        (["th"], .tableCell(isHeader: true)),
        (["caption"], .caption),
        (
            [
                "script", "style", "head", "title", "template", "iframe", "object", "embed", "svg", "math",
                "audio", "video", "canvas", "datalist", "noembed", "param", "source", "track",
                "map", "meta", "link", "base",
            ], .skipped
        ),
    ]

    private func identify(_ name: String) -> HTMLTag {
        name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { HTMLTag.identify($0) } }
    }

    @Test func everyNameHasItsRole() {
        for (names, role) in Self.roles {
            for name in names {
                #expect(identify(name) == role, "\(name)")
            }
        }
    }

    @Test func otherNamesAreInline() {
        for name in ["span", "font", "o:p", "blockquotes", "h7", "tabl", "abbreviation", "x-custom-element-name-long"] {
            #expect(identify(name) == .inline, "\(name)")
        }
    }

    @Test func packedConstantsMatchTheirNames() {
        #expect(TagKey.style == TagKey("style"))
        #expect(TagKey.details == TagKey("details"))
        #expect(TagKey.summary == TagKey("summary"))
        #expect(TagKey.paragraph == TagKey("p"))
        #expect(TagKey.blockquote == TagKey("blockquote"))
        let attributes: [(TagKey, String)] = [
            (NodeAttributes.Names.style, "style"), (NodeAttributes.Names.hidden, "hidden"),
            (NodeAttributes.Names.open, "open"), (NodeAttributes.Names.href, "href"),
            (NodeAttributes.Names.alt, "alt"), (NodeAttributes.Names.src, "src"),
            (NodeAttributes.Names.width, "width"), (NodeAttributes.Names.height, "height"),
            (NodeAttributes.Names.role, "role"), (NodeAttributes.Names.colspan, "colspan"),
            (NodeAttributes.Names.rowspan, "rowspan"), (NodeAttributes.Names.class, "class"),
            (NodeAttributes.Names.id, "id"),
        ]
        for (key, name) in attributes {
            #expect(key == TagKey(name), "\(name)")
        }
    }
}
