/// The parts of an inline `style` attribute that decide whether and how an element's text shows.
///
/// Only inline styles are read: the partitioner does not apply style sheets, so an element hidden
/// by a class rule still yields its text.
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

    /// Parses a declaration list such as `display:none; color: red`.
    init(declarations value: UnsafeBufferPointer<UInt8>) {
        var declarations: [(property: [UInt8], value: [UInt8])] = []
        var property: [UInt8] = []
        var current: [UInt8] = []
        var inValue = false
        var index = 0
        while true {
            let byte = index < value.count ? value[index] : 0
            if byte == 0 || byte == UInt8(ascii: ";") {
                if inValue { declarations.append((property, current)) }
                property.removeAll(keepingCapacity: true)
                current.removeAll(keepingCapacity: true)
                inValue = false
                if index >= value.count { break }
            } else if byte == UInt8(ascii: ":"), !inValue {
                inValue = true
            } else if byte > 0x20 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if inValue { current.append(lower) } else { property.append(lower) }
            } else if inValue, !current.isEmpty, current.last != UInt8(ascii: " ") {
                // Keep one space between value words, for `display: none !important`.
                current.append(UInt8(ascii: " "))
            }
            index += 1
        }

        var overflowHidden = false
        var zeroHeight = false
        for (property, rawValue) in declarations {
            let value = InlineStyle.stripImportant(rawValue)
            switch property {
            case Keyword.display:
                if value == Keyword.none {
                    isHidden = true
                } else if value == Keyword.inline || value == Keyword.inlineBlock {
                    display = .inline
                } else if value == Keyword.block || value == Keyword.flex
                    || value == Keyword.grid || value == Keyword.listItem
                    || value == Keyword.table
                {
                    display = .block
                }
            case Keyword.visibility:
                if value == Keyword.hidden || value == Keyword.collapse { isHidden = true }
            case Keyword.msoHide:
                if value == Keyword.all { isHidden = true }
            case Keyword.maxHeight:
                if InlineStyle.isZeroLength(value) { zeroHeight = true }
            case Keyword.overflow, Keyword.overflowY:
                if value == Keyword.hidden || value == Keyword.clip { overflowHidden = true }
            default:
                break
            }
        }
        if zeroHeight && overflowHidden { isHidden = true }
    }

    private static func stripImportant(_ value: [UInt8]) -> [UInt8] {
        var result = value
        if let bang = result.firstIndex(of: UInt8(ascii: "!")) {
            result.removeSubrange(bang...)
        }
        while result.last == UInt8(ascii: " ") { result.removeLast() }
        return result
    }

    /// True for `0`, `0px`, `0em`, `0.0pt` and the like.
    private static func isZeroLength(_ value: [UInt8]) -> Bool {
        var sawDigit = false
        for byte in value {
            switch byte {
            case UInt8(ascii: "0"), UInt8(ascii: "."):
                if byte == UInt8(ascii: "0") { sawDigit = true }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                return false
            default:
                return sawDigit
            }
        }
        return sawDigit
    }
}

/// Property names and values compared against, built once.
private enum Keyword {
    static let all = Array("all".utf8)
    static let block = Array("block".utf8)
    static let clip = Array("clip".utf8)
    static let collapse = Array("collapse".utf8)
    static let display = Array("display".utf8)
    static let flex = Array("flex".utf8)
    static let grid = Array("grid".utf8)
    static let hidden = Array("hidden".utf8)
    static let inline = Array("inline".utf8)
    static let inlineBlock = Array("inline-block".utf8)
    static let listItem = Array("list-item".utf8)
    static let maxHeight = Array("max-height".utf8)
    static let msoHide = Array("mso-hide".utf8)
    static let none = Array("none".utf8)
    static let overflow = Array("overflow".utf8)
    static let overflowY = Array("overflow-y".utf8)
    static let table = Array("table".utf8)
    static let visibility = Array("visibility".utf8)
}
