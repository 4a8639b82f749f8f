import SFStreamElements
import SFStreamPartition
import Testing

@Suite struct HTMLListAndTableTests {
    @Test func nestedListItemsKeepOwnText() {
        let elements = partition("<ul><li>Parent<ol><li>Child A</li><li>Child B</li></ol></li><li>Next</li></ul>")
        #expect(texts(elements) == ["Parent", "Child A", "Child B", "Next"])
        #expect(elements.allSatisfy { $0.type == .listItem })
        #expect(elements.map(\.metadata.categoryDepth) == [1, 2, 2, 1])
        #expect(elements[1].metadata.parentID == elements[0].elementID)
        #expect(elements[3].metadata.parentID == nil)
    }

    @Test func paragraphsInsideListItemJoin() {
        let elements = partition("<ul><li><p>First part.</p><p>Second part.</p></li></ul>")
        #expect(texts(elements) == ["First part. Second part."])
        #expect(elements.map(\.type) == [.listItem])
    }

    @Test func listItemUnderHeadingHasHeadingParent() {
        let elements = partition("<h2>Agenda</h2><ul><li>One</li></ul>")
        #expect(elements[1].metadata.parentID == elements[0].elementID)
    }

    @Test func dataTableBecomesTable() {
        let elements = partition("<table><tr><th>A</th><th>B</th></tr><tr><td>1 &amp; 2</td><td>3</td></tr></table>")
        #expect(elements.map(\.type) == [.table])
        #expect(elements.first?.text == "A B 1 & 2 3")
        #expect(
            elements.first?.metadata.textAsHTML
                == "<table><tr><th>A</th><th>B</th></tr><tr><td>1 &amp; 2</td><td>3</td></tr></table>")
    }

    @Test func blankTableYieldsNothing() {
        #expect(partition("<table><tr><td> </td><td>&nbsp;</td></tr></table>").isEmpty)
    }

    @Test func layoutTableIsLookedThrough() {
        let html = """
            <table role="presentation"><tr><td><h1>News</h1></td></tr>
            <tr><td>Short update</td><td>Second column</td></tr></table>
            """
        let elements = partition(html)
        #expect(elements.map(\.type) == [.title, .uncategorizedText, .uncategorizedText])
        #expect(texts(elements) == ["News", "Short update", "Second column"])
    }

    @Test func singleColumnTableIsLayout() {
        let elements = partition("<table><tr><td>Row one text</td></tr><tr><td>Row two text</td></tr></table>")
        #expect(elements.map(\.type).contains(.table) == false)
        #expect(texts(elements) == ["Row one text", "Row two text"])
    }

    @Test func imageAltBecomesImage() {
        let elements = partition("<p><img src='https://example.com/a.png' alt='Chart of sales'></p>")
        #expect(elements.map(\.type) == [.image])
        #expect(elements.first?.text == "Chart of sales")
        #expect(elements.first?.metadata.imageURL == "https://example.com/a.png")
    }

    @Test func imageInsideSentenceDoesNotSplitIt() {
        let elements = partition("<p>Look at <img alt='the chart' src='cid:x'> closely.</p>")
        #expect(texts(elements) == ["Look at closely.", "the chart"])
        #expect(elements.map(\.type) == [.narrativeText, .image])
    }

    @Test func trackingPixelAndAltlessImageYieldNothing() {
        let html =
            "<img src='https://t.example.com/p.gif' width='1' height='1' alt='pixel'><img src='cid:logo'><img alt=''>"
        #expect(partition(html).isEmpty)
    }
}

@Suite struct HTMLBulletParagraphTests {
    @Test func outlookBulletParagraphBecomesListItem() {
        let html = """
            <p class=MsoListParagraph><![if !supportLists]><span>·<span>&nbsp;&nbsp;&nbsp;</span></span><![endif]>Renew the contract</p>
            <p>• Send the quote</p><p>- Sam</p>
            """
        let elements = partition(html)
        #expect(elements.map(\.text) == ["Renew the contract", "Send the quote", "- Sam"])
        #expect(elements.map(\.type) == [.listItem, .listItem, .uncategorizedText])
        #expect(elements.first?.metadata.categoryDepth == 1)
    }
}
