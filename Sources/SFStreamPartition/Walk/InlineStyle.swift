/// The parts of a CSS declaration list that decide whether and how an element's text shows: an
/// inline `style` attribute, or the body of a `<style>` rule (see ``StyleSheet``).
///
/// Parsing allocates nothing, because e-mail templates put a `style` attribute on almost every
/// element.
struct InlineStyle: Equatable {
    enum Display: Equatable {
        case block
        case inline
    }

    /// True for `display:none`, `visibility:hidden` or `collapse`, `mso-hide:all` (Outlook's own
    /// hiding, used for preheaders), and a zero `max-height` with `overflow:hidden` (the preheader
    /// hack). A zero `height` alone does not count: Chromium still reports such text as shown.
    var isHidden = false
    /// A `display` value that turns an inline element into a block or the reverse.
    var display: Display?

    /// Parses a NUL-terminated style attribute value.
    init(_ value: UnsafePointer<UInt8>) {
        self.init(declarations: UnsafeBufferPointer(start: value, count: cStringLength(value)))
    }

    /// Parses a declaration list such as `display: none !important; color: red`. Property names and
    /// keyword values compare ASCII case-insensitively.
    init(declarations text: UnsafeBufferPointer<UInt8>) {
        var overflowHidden = false
        var zeroMaxHeight = false
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != UInt8(ascii: ";") { end += 1 }
            defer { start = end + 1 }

            var colon = start
            while colon < end && text[colon] != UInt8(ascii: ":") { colon += 1 }
            guard colon < end else { continue }
            var valueEnd = colon + 1
            while valueEnd < end && text[valueEnd] != UInt8(ascii: "!") { valueEnd += 1 }
            let property = InlineStyle.trimmed(text, start..<colon)
            let value = InlineStyle.trimmed(text, (colon + 1)..<valueEnd)

            if InlineStyle.matches(text, property, "display") {
                if InlineStyle.matches(text, value, "none") {
                    isHidden = true
                } else if InlineStyle.matches(text, value, "inline") || InlineStyle.matches(text, value, "inline-block")
                {
                    display = .inline
                } else if InlineStyle.matches(text, value, "block") || InlineStyle.matches(text, value, "flex")
                    || InlineStyle.matches(text, value, "grid") || InlineStyle.matches(text, value, "list-item")
                    || InlineStyle.matches(text, value, "table")
                {
                    display = .block
                }
            } else if InlineStyle.matches(text, property, "visibility") {
                if InlineStyle.matches(text, value, "hidden") || InlineStyle.matches(text, value, "collapse") {
                    isHidden = true
                }
            } else if InlineStyle.matches(text, property, "mso-hide") {
                if InlineStyle.matches(text, value, "all") { isHidden = true }
            } else if InlineStyle.matches(text, property, "max-height") {
                if InlineStyle.isZeroLength(text, value) { zeroMaxHeight = true }
            } else if InlineStyle.matches(text, property, "overflow")
                || InlineStyle.matches(text, property, "overflow-y")
            {
                if InlineStyle.matches(text, value, "hidden") || InlineStyle.matches(text, value, "clip") {
                    overflowHidden = true
                }
            }
        }
        if zeroMaxHeight && overflowHidden { isHidden = true }
    }

    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && text[lower] <= 0x20 { lower += 1 }
        while upper > lower && text[upper - 1] <= 0x20 { upper -= 1 }
        return lower..<upper
    }

    /// True when the bytes in `range` equal the lowercase `keyword`, ignoring ASCII case.
    private static func matches(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ keyword: StaticString
    )
        -> Bool
    {
        guard range.count == keyword.utf8CodeUnitCount else { return false }
        let pointer = keyword.utf8Start
        var offset = 0
        for index in range {
            let byte = text[index]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != pointer[offset] { return false }
            offset += 1
        }
        return true
    }

    /// True for `0`, `0px`, `0em`, `0.0pt` and the like.
    private static func isZeroLength(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var sawZero = false
        for index in range {
            switch text[index] {
            case UInt8(ascii: "0"):
                sawZero = true
            case UInt8(ascii: "."):
                continue
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                return false
            default:
                return sawZero
            }
        }
        return sawZero
    }
}
