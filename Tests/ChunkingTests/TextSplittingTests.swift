import Testing
import SFStreamElements
@testable import SFStreamChunking

/// Expected pieces were checked against `unstructured` 0.27.35's `chunk_elements`.
@Suite struct TextSplittingTests {
    @Test func splitPrefersNewline() throws {
        // The last space within 20 is at 19, but the newline at 9 wins.
        let chunks = try chunk([element(.codeSnippet, "aaaa bbbb\ncccc dddd eeee ffff")], maxCharacters: 20)
        #expect(chunks.map(\.text) == ["aaaa bbbb", "cccc dddd eeee ffff"])
    }

    @Test func splitFallsBackToLastSpace() throws {
        let chunks = try chunk([narrative("alpha beta gamma delta")], maxCharacters: 12)
        #expect(chunks.map(\.text) == ["alpha beta", "gamma delta"])
    }

    @Test func splitAtSpaceExactlyAtLimit() throws {
        // The space at index 5 is exactly max_characters: the piece is "alpha" (5 characters).
        let chunks = try chunk([narrative("alpha betagamma")], maxCharacters: 5)
        #expect(chunks.map(\.text) == ["alpha", "betag", "amma"])
    }

    @Test func textWithoutSeparatorIsCutAtLimit() throws {
        let chunks = try chunk([narrative("abcdefghijklmnopqrstuvwxy")], maxCharacters: 10)
        #expect(chunks.map(\.text) == ["abcdefghij", "klmnopqrst", "uvwxy"])
    }

    @Test func piecesNeverCutWords() throws {
        let words = (0..<200).map { "word\($0 % 37)" }
        let chunks = try chunk([narrative(words.joined(separator: " "))], maxCharacters: 50)
        let wordSet = Set(words)
        for piece in chunks {
            #expect(piece.text.count <= 50)
            for word in piece.text.split(separator: " ") {
                #expect(wordSet.contains(String(word)), "cut word \(word)")
            }
        }
        #expect(chunks.flatMap { $0.text.split(separator: " ").map(String.init) } == words)
    }

    @Test func continuationIsSetOnLaterPieces() throws {
        let chunks = try chunk([narrative("alpha beta gamma delta epsilon")], maxCharacters: 12)
        #expect(chunks.count == 3)
        #expect(chunks.map(\.metadata.isContinuation) == [nil, true, true])
        #expect(chunks.allSatisfy { $0.type == .compositeElement })
    }

    @Test func overlapPrefixesNextPiece() throws {
        let chunks = try chunk([narrative("alpha beta gamma delta")], maxCharacters: 12, overlap: 4)
        #expect(chunks.map(\.text) == ["alpha beta", "eta gamma", "mma delta"])
    }

    @Test func overlapAfterCutRestartsBeforeCut() throws {
        let chunks = try chunk([narrative("abcdefghijklmnopqrstuvwxy")], maxCharacters: 10, overlap: 3)
        #expect(chunks.map(\.text) == ["abcdefghij", "hijklmnopq", "opqrstuvwx", "vwxy"])
    }

    @Test func overlapIsNotAddedBetweenWholeElements() throws {
        let chunks = try chunk(
            [narrative("first element text"), narrative("second one")], maxCharacters: 30, newAfterNChars: 0,
            overlap: 5)
        #expect(chunks.map(\.text) == ["first element text", "second one"])
    }

    @Test func overlapAllPrefixesNextChunk() throws {
        let chunks = try chunk(
            [narrative("first element text"), narrative("second one")], maxCharacters: 30, newAfterNChars: 0,
            overlap: 5, overlapAll: true)
        #expect(chunks.map(\.text) == ["first element text", "text\n\nsecond one"])
    }

    @Test func overlapAllSkipsTables() throws {
        let chunks = try chunk(
            [narrative("before table"), table("cell one", html: "<table><tr><td>cell one</td></tr></table>"),
             narrative("after table")],
            maxCharacters: 100, overlap: 5, overlapAll: true)
        #expect(chunks.map(\.text) == ["before table", "cell one", "after table"])
    }

    @Test func splitterWorkIsLinearInTextLength() {
        // A splitter that copied the remainder for each piece would do about 10 times more work per
        // scalar on the 10 times larger text. A linear splitter does the same work per scalar.
        func workPerScalar(words: Int, overlap: Int) -> Double {
            let text = (0..<words).map { "w\($0 % 1000)" }.joined(separator: " ")
            var splitter = TextSplitter(text)
            var pieces = 0
            while !splitter.isFinished {
                _ = splitter.nextPiece(maxCharacters: 100, overlap: overlap)
                pieces += 1
            }
            #expect(pieces > words / 30)
            return Double(splitter.work) / Double(text.unicodeScalars.count)
        }
        for overlap in [0, 20] {
            let small = workPerScalar(words: 5_000, overlap: overlap)
            let large = workPerScalar(words: 50_000, overlap: overlap)
            #expect(large < small * 1.1, "overlap \(overlap): \(small) vs \(large) per scalar")
            #expect(large < 4)
        }
    }

    @Test func chunkOutputSizeIsLinearInInput() throws {
        let text = (0..<20_000).map { "w\($0 % 1000)" }.joined(separator: " ")
        let chunks = try chunk([narrative(text)], maxCharacters: 200, overlap: 50)
        let output = chunks.reduce(0) { $0 + $1.text.unicodeScalars.count }
        // Each piece repeats at most `overlap` characters of the one before it.
        #expect(output <= text.unicodeScalars.count + chunks.count * 50)
        #expect(chunks.allSatisfy { $0.text.unicodeScalars.count <= 200 })
    }
}
