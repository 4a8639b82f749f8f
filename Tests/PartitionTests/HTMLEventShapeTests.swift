import SFStreamElements
import SFStreamPartition
import Testing

/// The partitioner reads libxml2's SAX events, not a tree. These documents pin the places where
/// the events differ from the tree libxml2 would build, and the tables whose shape is known only
/// after their content has been read.
@Suite struct HTMLEventShapeTests {
    @Test func entityInsideEmphasisStaysOneRun() {
        // libxml2 reports "AT", "&" and "T" in three callbacks, and the tree has one text node.
        let elements = partition("<p>Call <b>AT&amp;T</b> today.</p>")
        #expect(texts(elements) == ["Call AT&T today."])
        #expect(elements.first?.metadata.emphasizedTextContents == ["AT&T"])
    }

    @Test func commentSplitsEmphasisAsTheTreeDoes() {
        let elements = partition("<p>See <b>first<!-- note -->second</b> here.</p>")
        #expect(texts(elements) == ["See firstsecond here."])
        #expect(elements.first?.metadata.emphasizedTextContents == ["first", "second"])
    }

    @Test func longTextAcrossParserBuffersStaysWhole() {
        // libxml2 reports this text in eight callbacks.
        let sentence = String(repeating: "Renewal terms were agreed on the call. ", count: 200)
        let elements = partition("<p><i>\(sentence)</i></p>")
        #expect(elements.count == 1)
        #expect(elements.first?.metadata.emphasizedTextContents?.count == 1)
        #expect(collapsed(elements.first?.text ?? "") == collapsed(sentence))
    }

    @Test func prefixedElementTakesItsLocalName() {
        // Outlook's `<o:p>` is a `p` in libxml2's tree, so it ends the text before it.
        let elements = partition("<div>Before<o:p></o:p>After</div>")
        #expect(texts(elements) == ["Before", "After"])
    }

    @Test func dataTableDecidedAtItsEndTag() {
        let html = """
            <p>Quote follows.</p>
            <table><tr><td>Seats</td><td>40</td></tr><tr><td>Term</td><td>24 months</td></tr></table>
            <p>Thanks for the quick reply on this.</p>
            """
        let elements = partition(html)
        #expect(elements.map(\.type) == [.narrativeText, .table, .narrativeText])
        #expect(elements[1].metadata.textAsHTML == "<table><tr><td>Seats</td><td>40</td></tr><tr><td>Term</td><td>24 months</td></tr></table>")
    }

    @Test func layoutTableDecidedEarlyKeepsNestedDataTable() {
        let html = """
            <table><tr><td>
              <p>Here is the quote you asked for.</p>
              <table><tr><th>Item</th><th>Price</th></tr><tr><td>Licence</td><td>$10</td></tr></table>
              <p>Regards</p>
            </td></tr></table>
            """
        let elements = partition(html)
        #expect(elements.map(\.type) == [.narrativeText, .table, .uncategorizedText])
        #expect(elements[1].text == "Item Price Licence $10")
    }

    @Test func layoutTablesNestedDeepDecideOneByOne() {
        var html = ""
        for level in 0..<200 { html += "<table><tr><td><p>Level \(level) text.</p>" }
        html += "<table><tr><td>A</td><td>B</td></tr></table>"
        for _ in 0..<200 { html += "</td></tr></table>" }
        let elements = partition(html)
        #expect(elements.count == 201)
        #expect(elements.last?.type == .table)
        #expect(elements.first?.text == "Level 0 text.")
    }

    @Test func styleSheetInHeadHidesLaterClass() {
        let html = """
            <html><head><style>.preheader { display: none }</style></head>
            <body><span class="preheader">Hidden preview</span><p>Shown text.</p></body></html>
            """
        #expect(texts(partition(html)) == ["Shown text."])
    }

    @Test func styleSheetInsideUndecidedTableApplies() {
        let html = """
            <table><tr><td><style>.fine { display: none }</style>Left</td><td>Right</td></tr>
            <tr><td class="fine">small print</td><td>More</td></tr></table>
            """
        let elements = partition(html)
        #expect(elements.map(\.type) == [.table])
        #expect(elements.first?.text == "Left Right More")
    }

    @Test func textAfterDocumentEndIsKept() {
        let elements = partition("<html><body><p>Body.</p></body></html>\nTrailing words")
        #expect(texts(elements) == ["Body.", "Trailing words"])
    }

    @Test func hiddenRootHidesContentAfterIt() {
        // The tree builder puts an element that starts after `</html>` inside the first root.
        #expect(partition("<html hidden></html>Trailing words").isEmpty)
        #expect(partition("<html style=\"display:none\"></html><!--x--><p>Trailing words</p>").isEmpty)
    }

    @Test func nodeBeforeRootKeepsContentAfterIt() {
        // A comment or doctype first makes later top-level elements siblings of the root.
        #expect(texts(partition("<!--c--><html hidden></html>Trailing words")) == ["Trailing words"])
        #expect(texts(partition("<!DOCTYPE html><html hidden></html>Trailing words")) == ["Trailing words"])
        #expect(texts(partition("<html hidden></html><!DOCTYPE html><p>Trailing words</p>")) == ["Trailing words"])
    }

    @Test func doctypeInsideTextKeepsOneNode() {
        let elements = partition("<p><i>first<!DOCTYPE html>second</i></p>")
        #expect(texts(elements) == ["firstsecond"])
        #expect(elements.first?.metadata.emphasizedTextContents == ["firstsecond"])
    }

    @Test func commentInPrefixedStyleApplies() {
        // `<o:style>` is not raw text, so its comment is a node whose rules the tree keeps.
        let html = """
            <o:style><!--.k{display:none}--></o:style><?x .j{display:none}?>
            <p class=k>Hidden by the comment.</p><p class=j>Shown paragraph text.</p>
            """
        #expect(texts(partition(html)) == ["Shown paragraph text."])
    }

    @Test func commentInStyleInsideUndecidedTable() {
        let html = "<table><tr><td><o:style><!--.k{display:none}--></o:style>A</td><td class=k>B</td></tr></table>"
        #expect(texts(partition(html)) == ["A"])
    }
}
