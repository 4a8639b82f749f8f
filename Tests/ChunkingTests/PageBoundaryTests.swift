import Foundation
import SFStreamElements
import Testing

@testable import SFStreamChunking

/// Page numbers in elements read by `sfstream chunk`: `by_title` starts a section on a new page
/// when `multipage_sections` is off, and chunks keep the first element's page.
@Suite struct PageBoundaryTests {
    private func element(_ text: String, page: Int?) -> Element {
        var metadata = ElementMetadata()
        metadata.filename = "report.pdf"
        metadata.pageNumber = page
        return Element(type: .narrativeText, text: text, metadata: metadata)
    }

    private var pages: [Element] {
        [
            element("Summary of the first quarter.", page: 1),
            element("More on the first quarter.", page: nil),
            element("Outlook for the second quarter.", page: 2),
        ]
    }

    @Test func pageStartsSectionWhenNotMultipage() throws {
        let options = try ChunkingOptions(strategy: .byTitle, combineTextUnderNChars: 0, multipageSections: false)
        let chunks = Chunker(options: options).chunk(pages)
        #expect(chunks.map(\.text) == [
            "Summary of the first quarter.\n\nMore on the first quarter.", "Outlook for the second quarter.",
        ])
        #expect(chunks.map(\.metadata.pageNumber) == [1, 2])
    }

    @Test func sectionsSpanPagesByDefault() throws {
        let options = try ChunkingOptions(strategy: .byTitle, combineTextUnderNChars: 0)
        let chunks = Chunker(options: options).chunk(pages)
        #expect(chunks.count == 1)
        #expect(chunks.first?.metadata.pageNumber == 1)
    }

    @Test func pageBoundaryFollowsUnstructuredRules() {
        var boundary = PageBoundary()
        let starts = [nil, 1, nil, 2, 2, 1].map { boundary.isOnNextPage($0) }
        // The first element starts page 1 without a number; a lower page number starts a page too.
        #expect(starts == [false, false, false, true, false, true])
    }

    @Test func pageNumberRoundTripsThroughJSON() throws {
        let line = #"{"type":"NarrativeText","element_id":"a","text":"x","metadata":{"filename":"r.pdf","page_number":3}}"#
        let element = try ElementJSONReader.element(fromJSONLine: line)
        #expect(element.metadata.pageNumber == 3)
        var writer = ElementJSONWriter(reservingCapacity: 256)
        writer.write(element)
        #expect(String(decoding: writer.buffer, as: UTF8.self).contains(#""page_number":3"#))
    }
}
