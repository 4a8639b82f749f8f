import Testing
@testable import SFStreamChunking

/// The eight-bytes-at-a-time paths of whitespace and scalar counting, against a plain count made
/// scalar by scalar. The cases put each kind of byte on both sides of 8-byte boundaries.
@Suite struct WhitespaceCountingTests {
    /// Returns what `countIfCollapsed` must return: the scalar count when `" ".join(text.split())`
    /// equals the text, else nil. Computed scalar by scalar, independently of the code under test.
    private func expectedCount(_ text: String) -> Int? {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            if PythonWhitespace.contains(scalar) {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ") == text ? text.unicodeScalars.count : nil
    }

    private static let pieces = [
        "a", " ", "  ", "\t", "\n", "\u{1F}", "\u{7F}", "\u{01}", "é", "\u{A0}", "\u{2028}", "日本", "😀", "~", "xyz",
    ]

    @Test func countIfCollapsedMatchesScalarCount() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let length = Int.random(in: 0...40, using: &generator)
            var text = ""
            for _ in 0..<length { text += Self.pieces.randomElement(using: &generator)! }
            let counted = PythonWhitespace.countIfCollapsed(text)
            if text.isEmpty {
                #expect(counted == 0)
            } else {
                #expect(counted == expectedCount(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func spacesAtWordBoundaries() {
        #expect(PythonWhitespace.countIfCollapsed("abcdefg  hijklmnop") == nil)  // bytes 7 and 8
        #expect(PythonWhitespace.countIfCollapsed("abcdefgh ijklmnop") == 17)
        #expect(PythonWhitespace.countIfCollapsed(" abcdefghijklmnop") == nil)
        #expect(PythonWhitespace.countIfCollapsed("abcdefghijklmno ") == nil)
        #expect(PythonWhitespace.countIfCollapsed("abcdefgh\tijklmnop") == nil)
        #expect(PythonWhitespace.countIfCollapsed("abcdefgh\u{7F}ijklmno") == 16)
    }

    @Test func scalarCountMatchesUnicodeScalars() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0...40, using: &generator)
            var text = ""
            for _ in 0..<length { text += Self.pieces.randomElement(using: &generator)! }
            #expect(ElementSizes.scalarCount(text) == text.unicodeScalars.count)
        }
    }
}
