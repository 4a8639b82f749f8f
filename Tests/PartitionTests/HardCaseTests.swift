import Foundation
import SFStreamElements
import SFStreamPartition
import Testing

/// The hard cases in `Fixtures/cases`: each asserts the expected elements and every listed check.
@Suite struct HardCaseTests {
    @Test func bodyTextAndBreaksKept() throws {
        let fixture = try CaseFixture("01-body-text-and-br-lost")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        #expect(elements.count == 4)
        for element in elements {
            #expect(element.text == element.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func lineBreakDoesNotSplitParagraph() throws {
        let fixture = try CaseFixture("02-br-must-not-split-paragraph")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        let table = try #require(elements.last)
        #expect(
            table.metadata.textAsHTML == "<table><tr><td>Support line +1 555 0100</td><td>Mon–Fri</td></tr></table>")
    }

    @Test func nestedListsKeepDepth() throws {
        let fixture = try CaseFixture("04-nested-lists-squashed")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        let depths = elements.map(\.metadata.categoryDepth)
        #expect(depths == [nil, 1, 1, 2, 2, 1, 1, 1])
        #expect(elements[2].text == "Open support cases")
        #expect(elements[3].metadata.parentID == elements[2].elementID)
    }

    @Test func styleScriptTemplateSkipped() throws {
        let fixture = try CaseFixture("06-style-script-content-as-text")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        for element in elements {
            for forbidden in ["{", "@media", "trackOpen", "mso", "Hidden template text", "Quarterly usage report"] {
                #expect(!element.text.contains(forbidden))
            }
        }
    }

    @Test func headerOnlyAndBlankTables() throws {
        let fixture = try CaseFixture("07-table-thead-only-and-empty")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        #expect(elements.count == 3)
        #expect(elements[1].metadata.textAsHTML == "<table><tr><th>Case</th><th>Status</th><th>Owner</th></tr></table>")
        #expect(
            elements[2].metadata.textAsHTML
                == "<table><tr><th>Case</th><th>Status</th></tr><tr><td>CS-2001</td><td>Waiting on customer</td></tr>"
                + "<tr><td>Total</td><td>1</td></tr></table>")
    }

    @Test func boldLabelIsNotTitle() throws {
        let fixture = try CaseFixture("09-bold-label-paragraph-not-title")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        for index in [0, 2, 3, 4] {
            #expect(elements[index].type != .title)
        }
        #expect(elements[5].type == .title)
        #expect(elements[0].metadata.emphasizedTextTags?.contains("b") == true)
    }

    @Test func nestingOf300LevelsKept() throws {
        let fixture = try CaseFixture("10-deep-nesting-silently-empty")
        fixture.expectMatches(partition(try fixture.html("input-a.html")))
    }

    @Test func nestingOf100000LevelsKept() throws {
        let fixture = try CaseFixture("10-deep-nesting-silently-empty")
        let elements = partition(try fixture.html("input-b.html"))
        #expect(
            texts(elements) == [
                "Before the very deep block.", "Bottom of a very deep tree.", "After the very deep block.",
            ])
    }

    @Test func dataURIAndTrackingPixel() throws {
        let fixture = try CaseFixture("12-data-uri-and-tracking-pixel")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        for element in elements {
            for forbidden in ["base64", "iVBOR", "data:image"] {
                #expect(!element.text.contains(forbidden))
            }
        }
        #expect(elements[1].metadata.imageMimeType == "image/png")
        #expect(elements[1].metadata.imageURL == nil)
    }

    @Test func nestedLayoutTablesUnwrapped() throws {
        let fixture = try CaseFixture("14-nested-layout-tables")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        #expect(
            elements[2].metadata.textAsHTML
                == "<table><tr><th>Report</th><th>Plan</th><th>Available</th></tr>"
                + "<tr><td>Churn risk</td><td>Pro</td><td>Now</td></tr>"
                + "<tr><td>Seat usage</td><td>All</td><td>April</td></tr></table>")
    }

    @Test func repeatedTextGetsDistinctIDs() throws {
        let fixture = try CaseFixture("18-duplicate-element-ids")
        let html = try fixture.html()
        let first = partition(html, filename: "02sxx0000000001AAA.html")
        fixture.expectMatches(first)
        #expect(Set(first.map(\.elementID)).count == 6)
        let again = partition(html, filename: "02sxx0000000001AAA.html")
        #expect(again.map(\.elementID) == first.map(\.elementID))
        let otherRecord = partition(html, filename: "02sxx0000000002AAA.html")
        #expect(Set(otherRecord.map(\.elementID)).isDisjoint(with: first.map(\.elementID)))
        let ids = first.map(\.elementID)
        for element in first {
            if let parent = element.metadata.parentID {
                #expect(ids.filter { $0 == parent }.count == 1)
            }
        }
    }

    @Test func formattingWhitespaceCollapsed() throws {
        let fixture = try CaseFixture("19-formatting-whitespace-in-text")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        #expect(
            elements.map(\.text) == [
                "Please open case 2001 in the portal.", "Total: $1,200", "Tabs and newlines collapse.",
                "  indented\n    code",
            ])
        #expect(elements[0].metadata.linkTexts == ["open case 2001"])
        #expect(elements[0].metadata.linkURLs == ["https://portal.example.com/cases/2001"])
    }

    @Test func metaCharsetIgnoredForUnicode() throws {
        let fixture = try CaseFixture("21-meta-charset-contradicts-utf8")
        let records = try fixture.soqlRecords()
        var all: [Element] = []
        var owners: [String] = []
        for record in records {
            let elements = partition(record.html, filename: "\(record.id).html")
            all += elements
            owners += elements.map { _ in record.id }
        }
        fixture.expectMatches(all)
        #expect(owners == ["02sxx0000000101AAA", "02sxx0000000102AAA"])
        #expect(!all.contains { $0.text.contains("\u{00E2}\u{20AC}") })
    }

    @Test func nulCharacterDoesNotTruncate() throws {
        let fixture = try CaseFixture("23-nul-character-truncates")
        let record = try #require(try fixture.soqlRecords().first)
        #expect(record.html.contains("\u{0}"))
        let elements = partition(record.html, filename: "\(record.id).html")
        fixture.expectMatches(elements)
        var writer = ElementJSONWriter()
        for element in elements {
            #expect(!element.text.contains("\u{0}"))
            writer.write(element)
        }
        #expect(!String(decoding: writer.buffer, as: UTF8.self).contains("\\u0000"))
        #expect(elements[2].text.contains("invoice"))
    }

    @Test func outlookConditionalComments() throws {
        let fixture = try CaseFixture("24-outlook-conditional-comments")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        #expect(elements.filter { $0.text.contains("Pay invoice 1042") }.count == 1)
        #expect(elements[0].metadata.linkURLs == ["https://portal.example.com/pay"])
        for element in elements {
            for forbidden in ["[if", "endif", "mso", "<!"] {
                #expect(!element.text.contains(forbidden))
            }
        }
    }

    @Test func hiddenPreheaderAndFiller() throws {
        let fixture = try CaseFixture("25-hidden-preheader-and-filler")
        let elements = partition(try fixture.html())
        fixture.expectMatches(elements)
        #expect(elements.last?.text == "Sent by: Sam Roe")
        for element in elements {
            for forbidden in [
                "Preview text only", "Your March statement is ready", "\u{200C}", "\u{FEFF}", "\u{034F}", "\u{2007}",
            ] {
                #expect(!element.text.contains(forbidden))
            }
        }
    }
}
