import SFStreamElements

/// Splits text longer than the hard limit into pieces, as `unstructured`'s `_TextSplitter` does
/// with its default separators `"\n"` then `" "`.
///
/// Each piece ends at the last separator that keeps it within `maxCharacters` and longer than
/// `overlap`. A newline is preferred over a space, and only text without either is cut mid-word,
/// at exactly `maxCharacters`. The separator is dropped, and whitespace is trimmed from the piece's end and
/// from the start of what remains. With `overlap` > 1, the last `overlap - 1` scalars of a piece
/// that ended at a separator, plus one space, start the next piece. A mid-word cut instead
/// restarts `overlap` scalars before the cut.
///
/// `unstructured` copies the whole remainder for every piece, so its cost grows with the square of
/// the element's length. This splitter keeps the text once and moves a cursor through it, and
/// copies only the overlap. A piece costs O(`maxCharacters`) and consumes at least one scalar
/// (usually about `maxCharacters - overlap`), so for fixed options an element costs O(length).
/// ``work`` counts the scalars it visits, for tests of that bound.
struct TextSplitter {
    private let text: [Unicode.Scalar]
    /// The text as given. When it is all ASCII, a scalar position is also a UTF-8 offset, so a
    /// piece without carried scalars is sliced from it rather than re-encoded.
    private let source: String
    private let isASCII: Bool
    /// Scalars carried over from the previous piece (overlap tail and a space); they come first.
    private var carry: [Unicode.Scalar] = []
    /// Index in `text` of the first scalar after `carry`.
    private var cursor = 0
    /// Scalars visited so far by searches, trims and copies.
    fileprivate(set) var work = 0

    init(_ text: String) {
        self.text = Self.scalars(of: text)
        source = text
        isASCII = self.text.count == text.utf8.count
    }

    /// Decodes the string's UTF-8 into scalars. `Array(text.unicodeScalars)` first walks the text
    /// to count the scalars and then walks it again to copy them. On the bundled corpus the two
    /// walks cost more than the split itself. A string's UTF-8 is valid, so no check is needed.
    private static func scalars(of text: String) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            // A string has at most one scalar per UTF-8 byte, so the buffer never overflows.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, initializedCount in
                var index = 0
                var written = 0
                let count = bytes.count
                while index < count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        scalars[written] = Unicode.Scalar(lead)
                        written += 1
                        index += 1
                        continue
                    }
                    let (value, next) = UTF8Scalar.decode(bytes, at: index)
                    scalars[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    written += 1
                    index = next
                }
                initializedCount = written
            }
        }
        return decoded ?? Array(text.unicodeScalars)
    }

    /// True when no text remains.
    var isFinished: Bool { carry.isEmpty && cursor == text.count }

    /// Scalars not yet returned in a piece (overlap carried into the next piece included).
    var remainingCount: Int { carry.count + text.count - cursor }

    /// Splits all of `text` into non-empty pieces of at most `maxCharacters` scalars.
    ///
    /// A text that starts with `maxCharacters` or more whitespace scalars (a `<pre>` block, say)
    /// gives an empty first piece, which is dropped, because a chunk needs text.
    static func split(_ text: String, maxCharacters: Int, overlap: Int) -> [String] {
        var splitter = TextSplitter(text)
        var pieces: [String] = []
        while !splitter.isFinished {
            let piece = splitter.nextPiece(maxCharacters: maxCharacters, overlap: overlap)
            if !piece.isEmpty {
                pieces.append(piece)
            }
        }
        return pieces
    }

    /// Removes and returns the next piece. The limits may change between calls, as the table
    /// splitter does when escaping changes a cell's budget; `overlap` must be below `maxCharacters`.
    mutating func nextPiece(maxCharacters: Int, overlap: Int) -> String {
        let length = carry.count + text.count - cursor
        if length <= maxCharacters {
            let piece = copy(0..<length)
            advance(to: length)
            return piece
        }

        for separator in [Unicode.Scalar("\n"), Unicode.Scalar(" ")] {
            let piece = splitAtSeparator(
                separator, length: length, maxCharacters: maxCharacters, overlap: overlap)
            if let piece {
                return piece
            }
        }
        return splitMidWord(length: length, maxCharacters: maxCharacters, overlap: overlap)
    }

    /// Splits at the last `separator` in positions `overlap + 1 ... maxCharacters`, or returns nil
    /// when there is none or the split would not shorten the text (the overlap would refill it).
    private mutating func splitAtSeparator(
        _ separator: Unicode.Scalar, length: Int, maxCharacters: Int, overlap: Int
    ) -> String? {
        var position = min(maxCharacters, length - 1)
        var found: Int?
        while position >= overlap + 1 {
            work += 1
            if scalar(at: position) == separator {
                found = position
                break
            }
            position -= 1
        }
        guard let separatorPosition = found else { return nil }

        let pieceEnd = trimmedEnd(before: separatorPosition)
        guard pieceEnd > 0 else { return nil }
        let remainderStart = trimmedStart(from: separatorPosition + 1, length: length)

        var newCarry: [Unicode.Scalar] = []
        if overlap > 1 {
            // The tail is `overlap - 1` scalars so that tail plus one space is `overlap` long.
            var tailStart = max(0, pieceEnd - (overlap - 1))
            while tailStart < pieceEnd, PythonWhitespace.contains(scalar(at: tailStart)) {
                work += 1
                tailStart += 1
            }
            newCarry = (tailStart..<pieceEnd).map { scalar(at: $0) }
            newCarry.append(" ")
            work += newCarry.count
        }
        guard newCarry.count + (length - remainderStart) < length else { return nil }

        let piece = copy(0..<pieceEnd)
        // `remainderStart` > `overlap` >= `carry.count`, so the remainder starts inside `text`.
        cursor += remainderStart - carry.count
        carry = newCarry
        return piece
    }

    /// Cuts at exactly `maxCharacters`; the remainder restarts `overlap` scalars before the cut.
    private mutating func splitMidWord(length: Int, maxCharacters: Int, overlap: Int) -> String {
        let piece = copy(0..<trimmedEnd(before: maxCharacters))
        advance(to: trimmedStart(from: maxCharacters - overlap, length: length))
        return piece
    }

    /// Drops the first `position` scalars of the current text.
    private mutating func advance(to position: Int) {
        if position < carry.count {
            carry.removeFirst(position)
        } else {
            cursor += position - carry.count
            carry = []
        }
    }

    func scalarAt(_ position: Int) -> Unicode.Scalar { scalar(at: position) }

    private func scalar(at position: Int) -> Unicode.Scalar {
        position < carry.count ? carry[position] : text[cursor + position - carry.count]
    }

    /// Returns the end of `0..<end` once trailing whitespace is removed.
    private mutating func trimmedEnd(before end: Int) -> Int {
        var position = end
        while position > 0, PythonWhitespace.contains(scalar(at: position - 1)) {
            work += 1
            position -= 1
        }
        return position
    }

    /// Returns the first position at or after `start` that is not whitespace, or `length`.
    private mutating func trimmedStart(from start: Int, length: Int) -> Int {
        var position = start
        while position < length, PythonWhitespace.contains(scalar(at: position)) {
            work += 1
            position += 1
        }
        return position
    }

    /// Returns positions `range` of the current text as a string. It writes the UTF-8 bytes straight
    /// into the new string's storage, because appending scalars to a `String.UnicodeScalarView`
    /// one by one cost a third of all chunking time on the bundled e-mail corpus.
    private mutating func copy(_ range: Range<Int>) -> String {
        work += range.count
        if isASCII && range.lowerBound >= carry.count {
            let utf8 = source.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: cursor + range.lowerBound - carry.count)
            let end = utf8.index(start, offsetBy: range.count)
            return String(Substring(utf8[start..<end]))
        }
        let carried = carry[range.clamped(to: 0..<carry.count)]
        let rest = range.clamped(to: carry.count..<Int.max)
        let offset = cursor - carry.count
        let fromText = rest.isEmpty ? text[0..<0] : text[(rest.lowerBound + offset)..<(rest.upperBound + offset)]
        let byteCount = Self.utf8Count(carried) + Self.utf8Count(fromText)
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = Self.writeUTF8(carried, into: buffer, at: 0)
            written = Self.writeUTF8(fromText, into: buffer, at: written)
            return written
        }
    }

    private static func utf8Count(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        for scalar in scalars {
            count += scalar.value < 0x80 ? 1 : (scalar.value < 0x800 ? 2 : (scalar.value < 0x10000 ? 3 : 4))
        }
        return count
    }

    /// Writes `scalars` as UTF-8 from `start`, which leaves room for them, and returns the end.
    private static func writeUTF8(
        _ scalars: ArraySlice<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var position = start
        for scalar in scalars {
            if scalar.isASCII {
                buffer[position] = UInt8(truncatingIfNeeded: scalar.value)
                position += 1
            } else {
                for byte in scalar.utf8 {
                    buffer[position] = byte
                    position += 1
                }
            }
        }
        return position
    }
}

extension TextSplitter {
    /// Counts the leading scalars of the remaining text whose summed `cost` stays within `budget`.
    /// It visits at most that many scalars plus one.
    mutating func longestPrefix(costing cost: (Unicode.Scalar) -> Int, within budget: Int) -> Int {
        let length = remainingCount
        var total = 0
        var count = 0
        while count < length {
            total += cost(scalarAt(count))
            work += 1
            if total > budget { break }
            count += 1
        }
        return count
    }
}
