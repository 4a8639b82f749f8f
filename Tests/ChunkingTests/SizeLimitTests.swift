import Testing
import SFStreamElements
@testable import SFStreamChunking

/// Boundaries of the hard limit (`max_characters`), the soft limit (`new_after_n_chars`) and the
/// combining threshold (`combine_text_under_n_chars`). Two texts joined in a chunk cost their
/// lengths plus 2 for the blank line between them.
@Suite struct SizeLimitTests {
    @Test func elementsJoinedExactlyAtMaxShareAChunk() throws {
        let chunks = try chunk([narrative(letters(9)), narrative(letters(9, "b"))], maxCharacters: 20)
        #expect(chunks.map(\.text) == [letters(9) + "\n\n" + letters(9, "b")])
        #expect(chunks[0].text.count == 20)
    }

    @Test func elementsJoinedOneAboveMaxAreSeparate() throws {
        let chunks = try chunk([narrative(letters(10)), narrative(letters(9, "b"))], maxCharacters: 20)
        #expect(chunks.map(\.text) == [letters(10), letters(9, "b")])
    }

    @Test func elementsJoinedBelowMaxShareAChunk() throws {
        let chunks = try chunk([narrative(letters(8)), narrative(letters(9, "b"))], maxCharacters: 20)
        #expect(chunks.count == 1)
    }

    @Test func elementAtMaxIsNotSplit() throws {
        let chunks = try chunk([narrative(letters(20))], maxCharacters: 20)
        #expect(chunks.map(\.text) == [letters(20)])
        #expect(chunks[0].metadata.isContinuation == nil)
    }

    @Test func elementAboveMaxIsSplit() throws {
        let chunks = try chunk([narrative(letters(21))], maxCharacters: 20)
        #expect(chunks.map(\.text) == [letters(20), "a"])
        #expect(chunks.map(\.metadata.isContinuation) == [nil, true])
    }

    @Test func chunkAtNewAfterTakesAnotherElement() throws {
        // A chunk is full only when it is longer than new_after_n_chars.
        let chunks = try chunk([narrative(letters(10)), narrative("bbbbb")], maxCharacters: 100, newAfterNChars: 10)
        #expect(chunks.map(\.text) == [letters(10) + "\n\nbbbbb"])
    }

    @Test func chunkAboveNewAfterIsFull() throws {
        let chunks = try chunk([narrative(letters(11)), narrative("bbbbb")], maxCharacters: 100, newAfterNChars: 10)
        #expect(chunks.map(\.text) == [letters(11), "bbbbb"])
    }

    @Test func newAfterZeroPutsEachElementAlone() throws {
        let chunks = try chunk([narrative("a"), narrative("b"), narrative("c")], maxCharacters: 100, newAfterNChars: 0)
        #expect(chunks.map(\.text) == ["a", "b", "c"])
    }

    @Test func sectionBelowCombineThresholdIsCombined() throws {
        let chunks = try chunk(
            [title(letters(19)), title("bbbbb")], strategy: .byTitle, maxCharacters: 100,
            combineTextUnderNChars: 20)
        #expect(chunks.map(\.text) == [letters(19) + "\n\nbbbbb"])
    }

    @Test func sectionAtCombineThresholdIsNotCombined() throws {
        let chunks = try chunk(
            [title(letters(20)), title("bbbbb")], strategy: .byTitle, maxCharacters: 100,
            combineTextUnderNChars: 20)
        #expect(chunks.map(\.text) == [letters(20), "bbbbb"])
    }

    @Test func combinedSectionsMayReachMax() throws {
        let chunks = try chunk(
            [title(letters(19)), title(letters(79, "b"))], strategy: .byTitle, maxCharacters: 100,
            combineTextUnderNChars: 20)
        #expect(chunks.count == 1)
        #expect(chunks[0].text.count == 100)
    }

    @Test func combinedSectionsNeverExceedMax() throws {
        let chunks = try chunk(
            [title(letters(19)), title(letters(80, "b"))], strategy: .byTitle, maxCharacters: 100,
            combineTextUnderNChars: 20)
        #expect(chunks.map(\.text) == [letters(19), letters(80, "b")])
    }

    @Test func combiningContinuesWhileUnderThreshold() throws {
        let chunks = try chunk(
            [title("a"), title("b"), title("c"), title(letters(30, "d")), title("e")], strategy: .byTitle,
            maxCharacters: 100, combineTextUnderNChars: 10)
        // "a\n\nb\n\nc" is 7 < 10, so the long section joins; then 39 >= 10 stops combining.
        #expect(chunks.map(\.text) == ["a\n\nb\n\nc\n\n" + letters(30, "d"), "e"])
    }

    @Test func combineZeroKeepsEverySection() throws {
        let chunks = try chunk(
            [title("a"), narrative("b"), title("c")], strategy: .byTitle, maxCharacters: 100,
            combineTextUnderNChars: 0)
        #expect(chunks.map(\.text) == ["a\n\nb", "c"])
    }

    @Test func whitespaceIsCollapsedInChunkText() throws {
        let chunks = try chunk([narrative("  one\n two\u{A0}\tthree  "), narrative("four")])
        #expect(chunks.map(\.text) == ["one two three\n\nfour"])
    }

    @Test func codeSnippetKeepsItsWhitespace() throws {
        let code = "func f() {\n    return 1\n}"
        let chunks = try chunk([element(.codeSnippet, code), narrative("after")])
        #expect(chunks.map(\.text) == [code + "\n\nafter"])
    }

    @Test func emptyInputGivesNoChunks() throws {
        #expect(try chunk([]).isEmpty)
        #expect(try chunk([], strategy: .byTitle).isEmpty)
    }

    @Test func elementsWithoutTextGiveNoChunks() throws {
        let chunks = try chunk([element(.pageBreak, ""), narrative("   "), element(.image, "")])
        #expect(chunks.isEmpty)
    }

    @Test func cjkTextIsCountedInScalars() throws {
        let text = String(repeating: "価格", count: 6)  // 12 scalars, 36 UTF-8 bytes
        let chunks = try chunk([narrative(text)], maxCharacters: 10)
        #expect(chunks.map(\.text) == [String(repeating: "価格", count: 5), "価格"])

        let fits = try chunk([narrative(String(repeating: "価格", count: 5))], maxCharacters: 10)
        #expect(fits.count == 1)
    }

    @Test func combiningMarksCountAsSeparateScalars() throws {
        // Python's len() counts "e" and U+0301 separately, so 5 accented letters are 10 characters.
        let text = String(repeating: "e\u{301}", count: 5)
        let chunks = try chunk([narrative(text)], maxCharacters: 8)
        #expect(chunks.map { $0.text.unicodeScalars.count } == [8, 2])
    }
}
