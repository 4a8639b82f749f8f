import SFStreamElements
import SFStreamPartition
import Testing

@Suite struct HTMLRobustnessTests {
    @Test func malformedMarkupRecovers() {
        let html =
            "<div><p>Unclosed <b>bold <i>both</p> after</div></span></table><li>stray item<p>Last &copy 2024 &bogus; <"
        let elements = partition(html)
        let all = elements.map(\.text).joined(separator: " | ")
        for fragment in ["Unclosed", "bold", "both", "after", "stray item", "Last", "2024 &bogus;"] {
            #expect(all.contains(fragment), "missing \(fragment) in \(all)")
        }
    }

    @Test func twentyMegabyteTextNodeKept() throws {
        let word = "invoice "
        let body = String(repeating: word, count: 20 * 1024 * 1024 / word.utf8.count)
        let elements = partition("<p>\(body)END</p>")
        let element = try #require(elements.first)
        #expect(elements.count == 1)
        #expect(element.text.hasSuffix("invoice END"))
        #expect(element.text.utf8.count == body.utf8.count + 3)
    }

    @Test func nestingOf10000LevelsKept() {
        let depth = 10_000
        let html =
            "<p>Before.</p>" + String(repeating: "<div>", count: depth) + "<p>Bottom.</p>"
            + String(repeating: "</div>", count: depth) + "<p>After.</p>"
        #expect(partition(html).map(\.text) == ["Before.", "Bottom.", "After."])
    }

    @Test func listsNested10000LevelsKeepDepth() {
        let depth = 10_000
        let html = String(repeating: "<ul><li>x", count: depth) + String(repeating: "</li></ul>", count: depth)
        let elements = partition(html)
        #expect(elements.count == depth)
        #expect(elements.last?.metadata.categoryDepth == depth)
        #expect(elements.last?.metadata.parentID == elements[depth - 2].elementID)
    }

    @Test func nulBytesEverywhere() {
        let html = "\u{0}<p \u{0}class=x>a\u{0}b</p><a href=\"https://exa\u{0}mple.com\">li\u{0}nk</a>\u{0}"
        let elements = partition(html)
        #expect(elements.map(\.text) == ["ab", "link"])
        #expect(elements.last?.metadata.linkURLs == ["https://example.com"])
    }

    @Test func emptyBodyVariants() {
        #expect(partition("<html><head><title>Only a title</title></head><body>   </body></html>").isEmpty)
        #expect(partition("<body><div><span> </span></div><table><tr><td></td></tr></table></body>").isEmpty)
        #expect(partition("<br><br><br>").isEmpty)
    }

    @Test func textOnlyInputIsOneElement() {
        #expect(partition("just text, no markup").map(\.text) == ["just text, no markup"])
    }

    @Test func cdataAndProcessingInstructionsIgnored() {
        let elements = partition("<?xml version=\"1.0\"?><p>Text</p><![CDATA[raw]]>")
        #expect(elements.first?.text == "Text")
    }

    @Test func concurrentCallsAgree() async {
        let html = "<h1>Heading</h1><p>Paragraph text for the test.</p><ul><li>Item</li></ul>"
        let expected = partition(html)
        await withTaskGroup(of: [Element].self) { group in
            for _ in 0..<8 { group.addTask { partition(html) } }
            for await result in group {
                #expect(result == expected)
            }
        }
    }
}
