/// The text of the element being built, as UTF-8 bytes with whitespace collapsed as a browser
/// collapses it in normal flow.
///
/// Runs of ASCII whitespace and Unicode space characters (U+00A0, U+2000–U+200A including the
/// U+2007 runs of preview-text filler, U+202F, U+205F, U+3000, U+2028, U+2029) become one space, and
/// no space is kept at either end. Invisible format characters (U+200B, U+FEFF, U+034F, U+00AD,
/// U+2060) are removed. U+200C and U+200D shape the letters around them in Persian, Indic scripts
/// and emoji, so they are kept between visible characters and removed next to a space or at an
/// edge. A run of filler therefore leaves nothing.
///
/// All work is on bytes: the text becomes a `String` once, when the element is complete.
struct TextAccumulator {
    private(set) var bytes: [UInt8] = []
    /// A collapsed space waits here until visible text follows it.
    private var pendingSpace = false
    private var containsJoiner = false
    /// `<br>` elements seen since the last visible text; two or more mark a paragraph break.
    var pendingLineBreaks = 0

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    init() {
        bytes.reserveCapacity(256)
    }

    /// Appends text in normal flow.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        let count = text.count
        var index = 0
        var runStart = 0
        while index < count {
            let byte = text[index]
            if byte > 0x20 && byte < 0x80 {
                index += 1
                continue
            }
            if byte == UInt8(ascii: " "), index > runStart, index + 1 < count, text[index + 1] > 0x20,
                text[index + 1] < 0x80
            {
                // One space between two visible ASCII characters stays as it is, so a run spans
                // words and is copied once rather than once a word.
                index += 1
                continue
            }
            if byte < 0x80 {
                // ASCII whitespace or a control character, both collapse as a space.
                flushRun(text, from: runStart, to: index)
                markSpace()
                index += 1
                runStart = index
                continue
            }
            let length = TextAccumulator.sequenceLength(byte)
            let kind = TextAccumulator.classify(text, at: index, length: length)
            switch kind {
            case .visible:
                index += length
            case .space:
                flushRun(text, from: runStart, to: index)
                markSpace()
                index += length
                runStart = index
            case .removed:
                flushRun(text, from: runStart, to: index)
                index += length
                runStart = index
            case .joiner:
                flushRun(text, from: runStart, to: index)
                if !bytes.isEmpty && !pendingSpace {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<min(count, index + length)]))
                    containsJoiner = true
                }
                index += length
                runStart = index
            }
        }
        flushRun(text, from: runStart, to: count)
    }

    /// Appends preformatted text: whitespace is kept, CR LF and CR become LF, U+00A0 becomes a
    /// space and invisible format characters are removed.
    mutating func appendPreformatted(_ text: UnsafeBufferPointer<UInt8>) {
        if pendingSpace {
            bytes.append(UInt8(ascii: " "))
            pendingSpace = false
        }
        let count = text.count
        var index = 0
        var runStart = 0
        while index < count {
            let byte = text[index]
            if byte != UInt8(ascii: "\r") && byte < 0x80 {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                index += index + 1 < count && text[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                runStart = index
                continue
            }
            let length = TextAccumulator.sequenceLength(byte)
            switch TextAccumulator.classify(text, at: index, length: length) {
            case .visible, .joiner:
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<min(count, index + length)]))
            case .space:
                bytes.append(UInt8(ascii: " "))
            case .removed:
                break
            }
            index += length
            runStart = min(index, count)
        }
        if runStart < count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count]))
        }
    }

    /// Adds a line break in preformatted text.
    mutating func appendNewline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Requests a separating space before the next visible text (a `<br>`, or a block inside a
    /// list item or heading).
    mutating func markSpace() {
        if !bytes.isEmpty { pendingSpace = true }
    }

    /// Returns the collected text (empty when nothing visible was collected) and starts over.
    mutating func take() -> String {
        defer {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
            containsJoiner = false
            pendingLineBreaks = 0
        }
        if containsJoiner { removeStrayJoiners() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Returns the text between two byte offsets of the current element, without the spaces at
    /// its ends, for link and emphasis annotations.
    func substring(from start: Int, to end: Int) -> String {
        var lower = max(0, start)
        var upper = min(end, bytes.count)
        while lower < upper && bytes[lower] == UInt8(ascii: " ") { lower += 1 }
        while upper > lower && bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Returns true when `text` contains anything that `append` would keep.
    static func containsVisibleText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte > 0x20 && byte < 0x80 { return true }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(byte)
            if classify(text, at: index, length: length) == .visible { return true }
            index += length
        }
        return false
    }

    private mutating func flushRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end else { return }
        if pendingSpace {
            bytes.append(UInt8(ascii: " "))
            pendingSpace = false
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        pendingLineBreaks = 0
    }

    /// Removes U+200C and U+200D that ended up next to a space or at the end of the text.
    private mutating func removeStrayJoiners() {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if TextAccumulator.isJoiner(bytes, at: index) {
                let nextIndex = index + 3
                let atEnd = nextIndex >= bytes.count
                let beforeSpace = !atEnd && bytes[nextIndex] == UInt8(ascii: " ")
                let afterSpace = result.last == UInt8(ascii: " ") || result.isEmpty
                if atEnd || beforeSpace || afterSpace {
                    index = nextIndex
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        while result.last == UInt8(ascii: " ") { result.removeLast() }
        bytes = result
    }

    private static func isJoiner(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x8C || bytes[index + 2] == 0x8D)
    }

    enum ScalarKind: Equatable {
        case visible
        case space
        case removed
        case joiner
    }

    /// Returns the length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Classifies the non-ASCII scalar at `index`.
    @inline(__always)
    static func classify(_ text: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> ScalarKind {
        guard index + length <= text.count else { return .visible }
        let lead = text[index]
        switch length {
        case 2:
            let second = text[index + 1]
            if lead == 0xC2 && second == 0xA0 { return .space }  // U+00A0
            if lead == 0xC2 && second == 0xAD { return .removed }  // U+00AD soft hyphen
            if lead == 0xCD && second == 0x8F { return .removed }  // U+034F combining grapheme joiner
            return .visible
        case 3:
            let second = text[index + 1]
            let third = text[index + 2]
            if lead == 0xE2 && second == 0x80 {
                switch third {
                case 0x80...0x8A, 0xA8, 0xA9, 0xAF: return .space  // U+2000–U+200A, U+2028, U+2029, U+202F
                case 0x8B: return .removed  // U+200B zero width space
                case 0x8C, 0x8D: return .joiner  // U+200C, U+200D
                default: return .visible
                }
            }
            if lead == 0xE2 && second == 0x81 {
                if third == 0x9F { return .space }  // U+205F
                if third == 0xA0 { return .removed }  // U+2060 word joiner
                return .visible
            }
            if lead == 0xE3 && second == 0x80 && third == 0x80 { return .space }  // U+3000
            if lead == 0xEF && second == 0xBB && third == 0xBF { return .removed }  // U+FEFF
            return .visible
        default:
            return .visible
        }
    }
}
