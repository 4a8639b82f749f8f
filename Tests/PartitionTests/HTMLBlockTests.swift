import SFStreamElements
import SFStreamPartition
import Testing

@Suite struct HTMLBlockTests {
    @Test func paragraphsBecomeElements() {
        let elements = partition("<p>First paragraph here.</p><p>Second one.</p>")
        #expect(texts(elements) == ["First paragraph here.", "Second one."])
    }

    @Test func inlineElementsDoNotSplitWords() {
        let elements = partition("<p>in<b>voi</b>ce <span>total</span><i>s</i></p>")
        #expect(texts(elements) == ["invoice totals"])
    }

    @Test func blocksDoNotGlueWords() {
        let elements = partition("<div>alpha</div><div>beta</div>")
        #expect(texts(elements) == ["alpha", "beta"])
    }

    @Test func lineBreakJoinsWithSpace() {
        let elements = partition("<p>one<br>two<br/>three</p>")
        #expect(texts(elements) == ["one two three"])
    }

    @Test func doubleLineBreakSplitsParagraphs() {
        let elements = partition("<body>Hi Sam,<br><br>The report is ready.<br>See you.<br><br><br>Alex</body>")
        #expect(texts(elements) == ["Hi Sam,", "The report is ready. See you.", "Alex"])
    }

    @Test func spacerDivYieldsNothing() {
        let elements = partition("<div><br></div><div>&nbsp;</div><p>Text.</p><div><br clear=all></div>")
        #expect(texts(elements) == ["Text."])
    }

    @Test func whitespaceCollapses() {
        let elements = partition("<p>\n  a\t\tb &nbsp; c\u{2007}\u{2007}d\u{200B}e\u{00AD}f\n</p>")
        #expect(elements.map(\.text) == ["a b c def"])
    }

    @Test func fillerOnlyBlockYieldsNothing() {
        let elements = partition("<p>&zwnj;&nbsp;&#8199;&#65279;&#847;</p><p>Visible</p>")
        #expect(elements.map(\.text) == ["Visible"])
    }

    @Test func joinerInsideWordIsKept() {
        let elements = partition("<p>می\u{200C}خواهم</p>")
        #expect(elements.map(\.text) == ["می\u{200C}خواهم"])
    }

    @Test func oneCharacterParagraphKept() {
        let elements = partition("<p>高</p><p>x</p>")
        #expect(elements.map(\.text) == ["高", "x"])
    }

    @Test func headingsBecomeTitlesWithDepth() {
        let elements = partition(
            "<h1>Top</h1><p>Intro text here.</p><h2>Sub</h2><h3>Leaf</h3><p>Body text follows.</p>")
        #expect(elements.map(\.type) == [.title, .narrativeText, .title, .title, .narrativeText])
        #expect(elements.map(\.metadata.categoryDepth) == [0, nil, 1, 2, nil])
        #expect(elements[1].metadata.parentID == elements[0].elementID)
        #expect(elements[2].metadata.parentID == elements[0].elementID)
        #expect(elements[3].metadata.parentID == elements[2].elementID)
        #expect(elements[4].metadata.parentID == elements[3].elementID)
        #expect(elements[0].metadata.parentID == nil)
    }

    @Test func blocksInsideHeadingDoNotSplitIt() {
        let elements = partition("<h2><div>Quarterly</div><div>results</div></h2>")
        #expect(elements.map(\.type) == [.title])
        #expect(elements.map(\.text) == ["Quarterly results"])
    }

    @Test func boldParagraphIsNotTitle() {
        let elements = partition("<p><b>Next meeting</b></p>")
        #expect(elements.map(\.type) == [.uncategorizedText])
        #expect(elements.first?.metadata.emphasizedTextTags == ["b"])
        #expect(elements.first?.metadata.emphasizedTextContents == ["Next meeting"])
    }

    @Test func emphasisTagsCombine() {
        let elements = partition("<p><strong>Bold <em>both</em></strong> <i>italic</i></p>")
        #expect(elements.first?.metadata.emphasizedTextContents == ["Bold", "both", "italic"])
        #expect(elements.first?.metadata.emphasizedTextTags == ["b", "bi", "i"])
    }

    @Test func linksAreTrimmedAndRecorded() {
        let elements = partition("<p>Open <a href=' https://example.com/a '>\n  the case\n</a> now.</p>")
        #expect(elements.first?.text == "Open the case now.")
        #expect(elements.first?.metadata.linkTexts == ["the case"])
        #expect(elements.first?.metadata.linkURLs == ["https://example.com/a"])
    }

    @Test func preformattedKeepsWhitespace() {
        let elements = partition("<pre>\nline 1\n   line 2\n</pre>")
        #expect(elements.map(\.type) == [.codeSnippet])
        #expect(elements.first?.text == "line 1\n   line 2")
    }

    @Test func unicodeInputIgnoresMetaCharset() {
        let html = "<meta charset=\"euc-jp\"><p>Here’s the café — 見積書</p>"
        #expect(partition(html).map(\.text) == ["Here’s the café — 見積書"])
    }

    @Test func emptyInputsYieldNothing() {
        #expect(partition("").isEmpty)
        #expect(partition("<html><body></body></html>").isEmpty)
        #expect(partition("   \n ").isEmpty)
        #expect(partition("<!-- only a comment -->").isEmpty)
    }

    @Test func metadataIsCopiedIntoEveryElement() {
        var metadata = ElementMetadata()
        metadata.filename = "02s000000000001AAA.html"
        metadata.filetype = "text/html"
        metadata.subject = "Renewal"
        let elements = HTMLPartitioner.partition(
            html: "<h1>A</h1><p>B</p>", options: PartitionOptions(metadata: metadata))
        #expect(elements.count == 2)
        for element in elements {
            #expect(element.metadata.filename == "02s000000000001AAA.html")
            #expect(element.metadata.filetype == "text/html")
            #expect(element.metadata.subject == "Renewal")
        }
    }
}

@Suite struct HTMLLinkTests {
    @Test func dataAndJavaScriptLinksNotRecorded() {
        let html =
            "<p><a href='data:text/plain;base64,SGVsbG8='>Download</a> or <a href='JavaScript:void(0)'>click</a></p>"
        let elements = partition(html)
        #expect(elements.map(\.text) == ["Download or click"])
        #expect(elements.first?.metadata.linkURLs == nil)
    }
}

@Suite struct HTMLPreformattedTests {
    @Test func lineEndingsAndSpacesNormalized() {
        let elements = partition("<pre>a\r\nb\rc&nbsp;d\u{200B}e\tf<br>g</pre>")
        #expect(elements.map(\.text) == ["a\nb\nc de\tf\ng"])
    }

    @Test func whitespaceOnlyPreYieldsNothing() {
        #expect(partition("<pre>\n   \n</pre>").isEmpty)
    }
}

@Suite struct TextClassifierLongTextTests {
    @Test func longParagraphUsesRealEnding() {
        let long = String(repeating: "word ", count: 3000)
        #expect(TextClassifier.classify(long + "end.") == .narrativeText)
        #expect(TextClassifier.classify(String(repeating: "1234 ", count: 3000) + "end.") == .uncategorizedText)
    }
}
