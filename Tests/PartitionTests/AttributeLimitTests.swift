import Foundation
import SFStreamElements
import SFStreamPartition
import Testing

/// Start tags with thousands of attributes: libxml2's time for them grows with the square of the
/// count, so attributes after the 256th are cut before parsing.
@Suite struct AttributeLimitTests {
    /// `count` distinct attributes on one `<p>`, then the text.
    static func tag(attributes count: Int, then text: String) -> String {
        var html = "<p"
        for index in 0..<count { html += " data-a\(index)=\"v\"" }
        return html + ">\(text)</p>"
    }

    @Test func hugeTagParsesInLinearTime() {
        // The same number of attributes, on one tag and spread over tags of 10. Without the cut,
        // the single tag took about 45 s against well under a second for the spread ones.
        let single = "<html><body>" + Self.tag(attributes: 40_000, then: "Single tag text.") + "</body></html>"
        var spread = "<html><body>"
        for _ in 0..<4_000 { spread += Self.tag(attributes: 10, then: "Spread tag text.") }
        spread += "</body></html>"

        let clock = ContinuousClock()
        var singleElements: [Element] = []
        let singleTime = clock.measure { singleElements = partition(single) }
        let spreadTime = clock.measure { _ = partition(spread) }

        #expect(texts(singleElements) == ["Single tag text."])
        #expect(singleTime < spreadTime * 10, "one tag: \(singleTime), spread: \(spreadTime)")
    }

    @Test func attributesBeforeLimitApply() {
        var html = "<p hidden"
        for index in 0..<300 { html += " data-a\(index)=\"v\"" }
        html += ">Hidden paragraph text.</p><p>Shown paragraph text.</p>"
        #expect(texts(partition(html)) == ["Shown paragraph text."])
    }

    @Test func attributesPastLimitIgnored() {
        var html = "<p"
        for index in 0..<300 { html += " data-a\(index)=\"v\"" }
        html += " hidden>Kept because hidden comes too late.</p>"
        #expect(texts(partition(html)) == ["Kept because hidden comes too late."])
    }

    @Test func quotedGreaterThanStaysInsideTag() {
        var html = "<p"
        for index in 0..<300 { html += " data-a\(index)=\"a > b\"" }
        html += ">Text after the tag.</p><p>Second paragraph.</p>"
        #expect(texts(partition(html)) == ["Text after the tag.", "Second paragraph."])
    }

    @Test func commentsAndScriptsAreNotCut() {
        // Words after `<p` inside a comment or a script look like attributes but are no tag.
        let words = (0..<300).map { "word\($0)" }.joined(separator: " ")
        let html = """
            <!-- <p \(words) -->
            <script>if (a <b \(words) ) {}</script>
            <p>Visible text.</p>
            """
        #expect(texts(partition(html)) == ["Visible text."])
    }

    @Test func textTagWithManyWordsMatchesLibxml2() {
        // A stray `<b` in text starts a tag for libxml2 too, so its words were never shown.
        let words = (0..<300).map { "word\($0)" }.joined(separator: " ")
        let html = "<p>Before <b \(words)>bold</b> after.</p>"
        #expect(texts(partition(html)) == ["Before bold after."])
    }
}
