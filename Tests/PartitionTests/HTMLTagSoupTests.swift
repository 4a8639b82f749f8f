import SFStreamElements
import SFStreamPartition
import Testing

/// Random tag soup from a fixed seed: the partitioner must not crash and its output must keep the
/// invariants the pipeline relies on.
@Suite struct HTMLTagSoupTests {
    /// SplitMix64, so that every run generates the same documents.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let fragments = [
        "<p>", "</p>", "<div>", "</div>", "<br>", "<ul>", "</ul>", "<ol>", "<li>", "</li>", "<h2>", "</h2>",
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<thead>", "<caption>", "<pre>", "</pre>",
        "<b>", "</b>", "<i>", "<a href='https://example.com/x'>", "</a>", "<img alt='chart' src='https://e.com/c.png'>",
        "<span style='display:none'>", "</span>", "<style>.h{display:none}</style>", "<p class=h>", "<script>",
        "</script>", "<!--", "-->", "<![if !mso]>", "<![endif]>", "\u{0}", "&nbsp;", "&zwnj;", " ", "\n",
        "word", "Sentence one.", "見積書", "שלום", "•", "· item", "&amp;", "<", ">", "<table role=presentation>",
    ]

    @Test func randomDocumentsKeepInvariants() {
        var generator = SeededGenerator(state: 20_241_204)
        for _ in 0..<400 {
            let length = Int.random(in: 1...60, using: &generator)
            var html = ""
            for _ in 0..<length {
                html += Self.fragments.randomElement(using: &generator)!
            }
            let elements = partition(html)
            let ids = elements.map(\.elementID)
            #expect(Set(ids).count == ids.count, "duplicate ids for \(html)")
            for element in elements {
                #expect(!element.text.isEmpty, "empty element for \(html)")
                #expect(!element.text.contains("\u{0}"))
                #expect(element.elementID.utf8.count == 32)
                if let parent = element.metadata.parentID {
                    #expect(ids.contains(parent), "dangling parent for \(html)")
                }
                if element.type != .codeSnippet {
                    #expect(
                        element.text == collapsed(element.text) || element.text.contains("\u{200C}"),
                        "uncollapsed text for \(html)")
                }
            }
        }
    }
}
