import SFStreamPartition
import Testing

@Suite struct HTMLHiddenContentTests {
    @Test(arguments: [
        "display:none", "display: none !important", "visibility:hidden", "mso-hide:all",
        "max-height:0;overflow:hidden", "MAX-HEIGHT: 0px; OVERFLOW: hidden",
    ])
    func hiddenByStyle(style: String) {
        let elements = partition("<div style=\"\(style)\">Secret</div><p>Shown</p>")
        #expect(elements.map(\.text) == ["Shown"])
    }

    @Test func hiddenAttribute() {
        #expect(partition("<p hidden>Secret</p><p>Shown</p>").map(\.text) == ["Shown"])
    }

    @Test func ariaHiddenIsNotHidden() {
        #expect(partition("<p aria-hidden=\"true\">Shown</p>").map(\.text) == ["Shown"])
    }

    @Test func hiddenInlineDoesNotGlue() {
        #expect(partition("<div><span style='display:none'>A</span>Sent by: Sam</div>").map(\.text) == ["Sent by: Sam"])
    }

    @Test func scriptStyleTemplateAndHeadSkipped() {
        let html = """
            <html><head><title>T</title><style>p{color:red}</style></head><body>
            <script>var x = 1;</script><template><p>tpl</p></template><p>Body</p><!-- comment --></body></html>
            """
        #expect(partition(html).map(\.text) == ["Body"])
    }

    @Test func downlevelHiddenConditionalSkipped() {
        let html = "<!--[if mso]><p>Outlook only</p><![endif]--><![if !mso]><p>Others</p><![endif]><p>All</p>"
        #expect(partition(html).map(\.text) == ["Others", "All"])
    }

    @Test func nulBytesRemoved() {
        #expect(partition("<p>inv\u{0}oice</p>\u{0}<p>after</p>").map(\.text) == ["invoice", "after"])
    }
}

@Suite struct HTMLDetailsTests {
    @Test func closedDetailsShowOnlySummary() {
        let html = "<details><summary>More</summary><p>Folded text</p>loose</details><p>After</p>"
        #expect(partition(html).map(\.text) == ["More", "After"])
    }

    @Test func openDetailsShowEverything() {
        let html = "<details open><summary>More</summary><p>Folded text</p></details>"
        #expect(partition(html).map(\.text) == ["More", "Folded text"])
    }
}

@Suite struct HTMLStyleSheetTests {
    @Test func classHiddenByStyleSheet() {
        let html = """
            <html><head><style>/* preview */ .preheader { display: none !important; }
            #promo{visibility:hidden} p.note{mso-hide:all;display:none}</style></head>
            <body><span class="x preheader">Preview only</span><div id=promo>Promo</div>
            <p class=note>Note</p><p class=shown>Body</p></body></html>
            """
        #expect(partition(html).map(\.text) == ["Body"])
    }

    @Test func narrowScreenMediaRulesIgnored() {
        let html = """
            <style>@media only screen and (max-width: 600px) { .desktop { display:none } }
            @media print { .screen { display:none } } @media screen { .gone { display:none } }</style>
            <p class=desktop>Desktop</p><p class=screen>Screen</p><p class=gone>Gone</p>
            """
        #expect(partition(html).map(\.text) == ["Desktop", "Screen"])
    }

    @Test func complexSelectorsIgnored() {
        let html =
            "<style>div .a { display:none } .b:hover { display:none } [hidden] {display:none}</style><div><p class=a>A</p><p class=b>B</p></div>"
        #expect(partition(html).map(\.text) == ["A", "B"])
    }
}
