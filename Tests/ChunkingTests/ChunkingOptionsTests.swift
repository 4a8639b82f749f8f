import Testing
@testable import SFStreamChunking

@Suite struct ChunkingOptionsTests {
    @Test func defaultsMatchUnstructured() throws {
        let byTitle = try ChunkingOptions(strategy: .byTitle)
        #expect(byTitle.maxCharacters == 500)
        #expect(byTitle.newAfterNChars == 500)
        #expect(byTitle.combineTextUnderNChars == 500)
        #expect(byTitle.overlap == 0)
        #expect(byTitle.overlapAll == false)
        #expect(byTitle.multipageSections == true)

        let basic = try ChunkingOptions(strategy: .basic)
        #expect(basic.combineTextUnderNChars == 0)
    }

    @Test func newAfterDefaultsToMaxCharacters() throws {
        let options = try ChunkingOptions(strategy: .byTitle, maxCharacters: 800)
        #expect(options.newAfterNChars == 800)
        #expect(options.combineTextUnderNChars == 800)
    }

    @Test func combineIsCappedAtNewAfter() throws {
        let options = try ChunkingOptions(
            strategy: .byTitle, maxCharacters: 500, newAfterNChars: 200, combineTextUnderNChars: 400)
        #expect(options.combineTextUnderNChars == 200)
    }

    @Test func basicIgnoresCombine() throws {
        let options = try ChunkingOptions(strategy: .basic, maxCharacters: 500, combineTextUnderNChars: 900)
        #expect(options.combineTextUnderNChars == 0)
    }

    @Test func limitsAtTheirBoundsAreValid() throws {
        let options = try ChunkingOptions(
            strategy: .byTitle, maxCharacters: 1, newAfterNChars: 1, combineTextUnderNChars: 1, overlap: 0)
        #expect(options.maxCharacters == 1)
        let zeroes = try ChunkingOptions(
            strategy: .byTitle, maxCharacters: 10, newAfterNChars: 0, combineTextUnderNChars: 0, overlap: 9)
        #expect(zeroes.newAfterNChars == 0)
        #expect(zeroes.overlap == 9)
    }

    @Test(arguments: [
        (ChunkingStrategy.basic, 0, nil, nil, 0, "max_characters", "max_characters must be greater than 0, got 0"),
        (.basic, -5, nil, nil, 0, "max_characters", "max_characters must be greater than 0, got -5"),
        (.basic, 500, -1, nil, 0, "new_after_n_chars", "new_after_n_chars must be 0 or greater, got -1"),
        (.basic, 500, 600, nil, 0, "new_after_n_chars",
         "new_after_n_chars (600) must not exceed max_characters (500)"),
        (.basic, 500, nil, nil, -1, "overlap", "overlap must be 0 or greater, got -1"),
        (.basic, 500, nil, nil, 500, "overlap", "overlap (500) must be less than max_characters (500)"),
        (.byTitle, 500, nil, -1, 0, "combine_text_under_n_chars",
         "combine_text_under_n_chars must be 0 or greater, got -1"),
        (.byTitle, 500, nil, 501, 0, "combine_text_under_n_chars",
         "combine_text_under_n_chars (501) must not exceed max_characters (500)"),
    ] as [(ChunkingStrategy, Int, Int?, Int?, Int, String, String)])
    func invalidOptionIsRejected(
        strategy: ChunkingStrategy, maxCharacters: Int, newAfter: Int?, combine: Int?, overlap: Int,
        option: String, message: String
    ) {
        let error = #expect(throws: ChunkingOptionsError.self) {
            try ChunkingOptions(
                strategy: strategy, maxCharacters: maxCharacters, newAfterNChars: newAfter,
                combineTextUnderNChars: combine, overlap: overlap)
        }
        #expect(error?.option == option)
        #expect(error?.description == message)
    }

    @Test func defaultMaxIsUsedInMessages() {
        let error = #expect(throws: ChunkingOptionsError.self) {
            try ChunkingOptions(strategy: .basic, newAfterNChars: 501)
        }
        #expect(error?.description == "new_after_n_chars (501) must not exceed max_characters (500)")
    }
}
