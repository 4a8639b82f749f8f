import Foundation
import Testing
import SFStreamElements
@testable import SFStreamChunking

@Suite struct TitleStartsChunkTests {
    private let folder = "title-starts-new-chunk"

    private func fixtureOptions() throws -> ChunkingOptions {
        let json = try Fixtures.json("\(folder)/chunk-options.json")
        let strategyName = try #require(json["strategy"] as? String)
        let strategy = try #require(ChunkingStrategy(rawValue: strategyName))
        return try ChunkingOptions(
            strategy: strategy,
            maxCharacters: json["max_characters"] as? Int,
            newAfterNChars: json["new_after_n_chars"] as? Int,
            combineTextUnderNChars: json["combine_text_under_n_chars"] as? Int)
    }

    @Test func fixtureMatchesExpectedChunks() throws {
        let input = try Fixtures.elements("\(folder)/input.ndjson")
        let expectedJSON = try Fixtures.json("\(folder)/expected.json")
        let expected = try #require(expectedJSON["elements"] as? [[String: Any]])

        let chunks = Chunker(options: try fixtureOptions()).chunk(input)

        #expect(chunks.count == 2)
        #expect(chunks.map(\.type.rawValue) == expected.map { $0["type"] as? String })
        #expect(chunks.map(\.text) == expected.map { $0["text"] as? String })
        #expect(chunks[0].text.hasPrefix("Renewal terms\n\n"))
        #expect(chunks[1].text.hasPrefix("Support cases\n\n"))
    }

    @Test func combineAboveNewAfterIsCappedAtNewAfter() throws {
        let input = try Fixtures.elements("\(folder)/input.ndjson")
        let options = try ChunkingOptions(
            strategy: .byTitle, maxCharacters: 1000, newAfterNChars: 60, combineTextUnderNChars: 1000)
        #expect(options.combineTextUnderNChars == 60)

        // Each section is longer than 60, so the capped threshold combines nothing.
        let chunks = Chunker(options: options).chunk(input)
        #expect(chunks.map(\.text) == [
            "Renewal terms\n\nThe renewal price stays flat for twelve months.",
            "Support cases\n\nTwo cases remain open and both are waiting on the customer.",
        ])
    }

    @Test func combineUnderNewAfterMergesSections() throws {
        let input = try Fixtures.elements("\(folder)/input.ndjson")
        let options = try ChunkingOptions(
            strategy: .byTitle, maxCharacters: 1000, newAfterNChars: 200, combineTextUnderNChars: 1000)
        #expect(options.combineTextUnderNChars == 200)

        let chunks = Chunker(options: options).chunk(input)
        #expect(chunks.count == 1)
        #expect(chunks.first?.text.unicodeScalars.count ?? 0 <= 200)
    }

    @Test func multipageSectionsHasNoEffectWithoutPages() throws {
        let input = try Fixtures.elements("\(folder)/input.ndjson")
        for strategy in ChunkingStrategy.allCases {
            let across = try ChunkingOptions(strategy: strategy, maxCharacters: 1000, multipageSections: true)
            let within = try ChunkingOptions(strategy: strategy, maxCharacters: 1000, multipageSections: false)
            #expect(Chunker(options: across).chunk(input) == Chunker(options: within).chunk(input))
        }
    }

    @Test func basicDoesNotStartChunkAtTitle() throws {
        let input = try Fixtures.elements("\(folder)/input.ndjson")
        let chunks = try chunk(input, strategy: .basic, maxCharacters: 1000)
        #expect(chunks.count == 1)
    }
}
