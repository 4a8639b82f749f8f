import SFStreamElements

/// Chooses between `NarrativeText` and `UncategorizedText` for a paragraph of text.
///
/// `unstructured` decides with English rules (a verb found by an English part-of-speech tagger),
/// which types most non-English prose as uncategorized. This heuristic uses only script-neutral
/// signals, so it treats Chinese, Japanese, Cyrillic, Hebrew, Arabic and Latin text alike:
///
/// - Text with no letters, with more digits than letters, or in capitals (over 70% of at least four
///   cased letters, as in `URGENT: PLEASE READ`) is uncategorized.
/// - Length is counted in word units: a space-separated word is one unit, and a letter of a script
///   written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) is half a unit.
/// - Text that ends with sentence punctuation (`.` `!` `?` `…` `。` `！` `？` `؟` `۔` `।` `።` and
///   U+037E, before any closing quotes or brackets) and has at least two word units is narrative.
/// - Text with a sentence break inside (sentence punctuation then a space) and at least six word
///   units, or with at least twelve word units, is narrative even without final punctuation.
/// - Everything else (greetings such as `Hello Alex,`, labels ending in `:`, names, menu entries) is
///   uncategorized.
public enum TextClassifier {
    /// Scalars counted from the start of a text: enough for every rule, and a bound on the cost of
    /// a multi-megabyte paragraph.
    private static let countedScalars = 4096

    public static func classify(_ text: String) -> ElementType {
        var counts = Counts()
        // The counts settle long before the end of a long paragraph, so only its start is counted.
        // The final punctuation is taken from the real end below.
        let counted: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            counts.countScalars(ofUTF8: bytes, limit: countedScalars)
        }
        if counted == nil {
            for scalar in text.unicodeScalars.prefix(countedScalars) { counts.count(scalar) }
        }
        counts.finish()

        if counts.letters == 0 || counts.digits > counts.letters { return .uncategorizedText }
        let cased = counts.uppercase + counts.lowercase
        if cased >= 4 && counts.uppercase * 10 > cased * 7 { return .uncategorizedText }

        let wordUnits = Double(counts.spacedWords) + Double(counts.unspacedLetters) / 2
        var lastSignificant = counts.lastSignificant
        if text.utf8.count > countedScalars {
            lastSignificant = text.unicodeScalars.reversed().first { !isClosing($0) && !$0.properties.isWhitespace }
        }
        let endsSentence = lastSignificant.map(isTerminal) ?? false
        if endsSentence && wordUnits >= 2 { return .narrativeText }
        if counts.sentenceBreaks >= 1 && wordUnits >= 6 { return .narrativeText }
        if wordUnits >= 12 { return .narrativeText }
        return .uncategorizedText
    }

    /// The signals of the rules above, gathered scalar by scalar.
    private struct Counts {
        var letters = 0
        var uppercase = 0
        var lowercase = 0
        var digits = 0
        var spacedWords = 0
        var unspacedLetters = 0
        var wordHasSpacedLetter = false
        var inWord = false
        var sentenceBreaks = 0
        var lastSignificant: Unicode.Scalar?
        var previousWasTerminal = false

        /// Counts the first `limit` scalars of valid UTF-8 (a Swift string's bytes). Decoding the
        /// bytes here costs less than half of iterating the string's `unicodeScalars`, and this
        /// runs once for every paragraph of every document.
        mutating func countScalars(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
            var index = 0
            var seen = 0
            while index < bytes.count && seen < limit {
                let lead = bytes[index]
                seen += 1
                if lead < 0x80 {
                    countASCII(lead)
                    index += 1
                    continue
                }
                let (value, next) = UTF8Scalar.decode(bytes, at: index)
                count(Unicode.Scalar(value) ?? "\u{FFFD}")
                index = next
            }
        }

        /// Counts an ASCII scalar as `count` does, with letters, digits and spaces (most of any
        /// text) handled inline: the general path cost more than parsing the HTML of the corpus.
        @inline(__always)
        mutating func countASCII(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                letters += 1
                lowercase += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                letters += 1
                uppercase += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // A digit is neither closing nor terminal, and starts no spaced word.
                digits += 1
                inWord = true
                lastSignificant = Unicode.Scalar(byte)
                previousWasTerminal = false
                return
            case 0x09...0x0D, 0x20:
                countSpace()
                return
            default:
                count(Unicode.Scalar(byte))
                return
            }
            // A letter is neither closing nor terminal.
            inWord = true
            wordHasSpacedLetter = true
            lastSignificant = Unicode.Scalar(byte)
            previousWasTerminal = false
        }

        mutating func count(_ scalar: Unicode.Scalar) {
            let kind = ScalarKind(scalar)
            if kind == .space {
                countSpace()
                return
            }
            inWord = true
            switch kind {
            case .uppercase:
                letters += 1
                uppercase += 1
                wordHasSpacedLetter = true
            case .lowercase:
                letters += 1
                lowercase += 1
                wordHasSpacedLetter = true
            case .uncasedLetter:
                letters += 1
                wordHasSpacedLetter = true
            case .unspacedLetter:
                letters += 1
                unspacedLetters += 1
            case .digit:
                digits += 1
            case .space, .other:
                break
            }
            if TextClassifier.isClosing(scalar) { return }
            lastSignificant = scalar
            previousWasTerminal = TextClassifier.isTerminal(scalar)
            // Scripts without spaces end sentences with a full-width mark and no space.
            if previousWasTerminal && (scalar.value == 0x3002 || scalar.value == 0xFF01 || scalar.value == 0xFF1F) {
                sentenceBreaks += 1
                previousWasTerminal = false
            }
        }

        /// Ends the word being read, and counts a sentence break after terminal punctuation.
        @inline(__always)
        mutating func countSpace() {
            if inWord && wordHasSpacedLetter { spacedWords += 1 }
            inWord = false
            wordHasSpacedLetter = false
            if previousWasTerminal { sentenceBreaks += 1 }
            previousWasTerminal = false
        }

        mutating func finish() {
            if inWord && wordHasSpacedLetter { spacedWords += 1 }
        }
    }

    /// The class of one scalar; ASCII is classified without a Unicode property lookup, which would
    /// otherwise cost more than parsing the HTML.
    private enum ScalarKind {
        case space
        case uppercase
        case lowercase
        case uncasedLetter
        case unspacedLetter
        case digit
        case other

        init(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                switch UInt8(value) {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): self = .uppercase
                case UInt8(ascii: "a")...UInt8(ascii: "z"): self = .lowercase
                case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .digit
                case 0x09...0x0D, 0x20: self = .space
                default: self = .other
                }
                return
            }
            switch value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF:
                // Kana and Han, the bulk of Chinese and Japanese text.
                self = .unspacedLetter
                return
            case 0x00C0...0x00DE where value != 0x00D7, 0x0410...0x042F:
                self = .uppercase
                return
            case 0x00DF...0x00FF where value != 0x00F7, 0x0430...0x045F:
                self = .lowercase
                return
            case 0x05D0...0x05EA, 0x0621...0x064A:
                // Hebrew and Arabic letters.
                self = .uncasedLetter
                return
            default:
                break
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                self = .space
            } else if properties.isAlphabetic {
                if TextClassifier.isUnspacedScript(scalar) {
                    self = .unspacedLetter
                } else if properties.isUppercase {
                    self = .uppercase
                } else if properties.isLowercase {
                    self = .lowercase
                } else {
                    self = .uncasedLetter
                }
            } else if properties.numericType != nil {
                self = .digit
            } else {
                self = .other
            }
        }
    }

    private static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x061F, 0x06D4, 0x0964, 0x0965,
            0x1362, 0x037E, 0x203C, 0x2047, 0x2048, 0x2049:
            return true
        default:
            return false
        }
    }

    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F, 0xFF09, 0x3011, 0x300B,
            0x3009:
            return true
        default:
            return false
        }
    }

    fileprivate static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF,
            0x0E00...0x0EFF, 0x1780...0x17FF, 0x1000...0x109F:
            return true
        default:
            return false
        }
    }
}
