/// Classes and ids that a document's `<style>` elements hide, so that text hidden through a class
/// (the `.preheader` of most e-mail templates) stays out of the elements as it stays off screen.
///
/// Only the simplest rules count: a selector list of `.class`, `#id` or `tag.class` whose
/// declarations hide (see ``InlineStyle/isHidden``). Rules with descendant, child, attribute or
/// pseudo-class selectors are ignored, and so are `@media` blocks for print or for narrow screens
/// (a `max-` condition), which a desktop browser does not apply. Names are stored as 64-bit FNV-1a
/// hashes so that checking an element allocates nothing.
struct StyleSheet {
    private(set) var hiddenClasses: Set<UInt64> = []
    private(set) var hiddenIDs: Set<UInt64> = []

    var isEmpty: Bool { hiddenClasses.isEmpty && hiddenIDs.isEmpty }

    /// Reads the rules of one style sheet.
    mutating func add(_ css: [UInt8]) {
        let text = StyleSheet.withoutComments(css)
        var index = 0
        var preludeStart = 0
        // Above 0 inside an at-rule block that a desktop browser does not apply.
        var skippedBlockDepth = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "{"):
                if skippedBlockDepth > 0 {
                    skippedBlockDepth += 1
                } else if text[preludeStart..<index].first(where: { !$0.isCSSSpace }) == UInt8(ascii: "@") {
                    // A screen-wide @media block is read on, as if its rules stood at the top level.
                    if !StyleSheet.isDesktopMedia(Array(text[preludeStart..<index])) { skippedBlockDepth = 1 }
                } else {
                    let end = text[index...].firstIndex(of: UInt8(ascii: "}")) ?? text.count
                    let isHidden = text[(index + 1)..<end].withUnsafeBufferPointer {
                        InlineStyle(declarations: $0).isHidden
                    }
                    if isHidden { addSelectors(Array(text[preludeStart..<index])) }
                    index = end
                }
                preludeStart = index + 1
            case UInt8(ascii: "}"):
                if skippedBlockDepth > 0 { skippedBlockDepth -= 1 }
                preludeStart = index + 1
            case UInt8(ascii: ";"):
                // The end of an at-rule statement such as `@import url(x);`.
                if skippedBlockDepth == 0 { preludeStart = index + 1 }
            default:
                break
            }
            index += 1
        }
    }

    /// True when the element's `class` or `id` attribute names a hidden class or id.
    func hides(classValue: UnsafePointer<UInt8>?, idValue: UnsafePointer<UInt8>?) -> Bool {
        if let idValue, !hiddenIDs.isEmpty {
            let length = cStringLength(idValue)
            if length > 0 && hiddenIDs.contains(StyleSheet.hash(UnsafeBufferPointer(start: idValue, count: length))) {
                return true
            }
        }
        guard let classValue, !hiddenClasses.isEmpty else { return false }
        let value = UnsafeBufferPointer(start: classValue, count: cStringLength(classValue))
        var start = 0
        while start < value.count {
            while start < value.count && value[start].isCSSSpace { start += 1 }
            var end = start
            while end < value.count && !value[end].isCSSSpace { end += 1 }
            if end > start && hiddenClasses.contains(StyleSheet.hash(UnsafeBufferPointer(rebasing: value[start..<end])))
            {
                return true
            }
            start = end
        }
        return false
    }

    private mutating func addSelectors(_ selectors: [UInt8]) {
        for selector in selectors.split(separator: UInt8(ascii: ",")) {
            let trimmed = selector.drop(while: \.isCSSSpace).reversed().drop(while: \.isCSSSpace).reversed()
            let bytes = Array(trimmed)
            guard !bytes.isEmpty, bytes.allSatisfy(StyleSheet.isSimpleSelectorByte) else { continue }
            let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
            let hashes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "#") }
            if dots.count == 1 && hashes.isEmpty {
                let name = Array(bytes[(dots[0] + 1)...])
                if !name.isEmpty { hiddenClasses.insert(name.withUnsafeBufferPointer(StyleSheet.hash)) }
            } else if hashes.count == 1 && dots.isEmpty && hashes[0] == 0 {
                let name = Array(bytes[1...])
                if !name.isEmpty { hiddenIDs.insert(name.withUnsafeBufferPointer(StyleSheet.hash)) }
            }
        }
    }

    private static func isSimpleSelectorByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "#") || byte >= 0x80
    }

    private static func isDesktopMedia(_ prelude: [UInt8]) -> Bool {
        let lowered = String(decoding: prelude, as: UTF8.self).lowercased()
        guard lowered.contains("@media") else { return false }
        return !lowered.contains("max-") && !lowered.contains("print") && !lowered.contains("speech")
    }

    /// Returns the style sheet without `/* */` comments and `<!--`, `-->` markers. Text between
    /// them is copied in runs: checking each hyphen against a freshly built `-->` array cost half
    /// of all style sheet work on the corpus, whose sheets are full of `font-family` and the like.
    private static func withoutComments(_ css: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(css.count)
        css.withUnsafeBufferPointer { css in
            let count = css.count
            var index = 0
            var runStart = 0
            while index < count {
                let byte = css[index]
                var skipTo: Int?
                if byte == UInt8(ascii: "/") && index + 1 < count && css[index + 1] == UInt8(ascii: "*") {
                    var end = index + 2
                    while end + 1 < count && !(css[end] == UInt8(ascii: "*") && css[end + 1] == UInt8(ascii: "/")) {
                        end += 1
                    }
                    skipTo = min(end + 2, count)
                } else if byte == UInt8(ascii: "<") && index + 3 < count && css[index + 1] == UInt8(ascii: "!")
                    && css[index + 2] == UInt8(ascii: "-") && css[index + 3] == UInt8(ascii: "-")
                {
                    // `<!--` and `-->` around old style sheets are not part of any rule.
                    skipTo = index + 4
                } else if byte == UInt8(ascii: "-") && index + 2 < count && css[index + 1] == UInt8(ascii: "-")
                    && css[index + 2] == UInt8(ascii: ">")
                {
                    skipTo = index + 3
                }
                guard let skipTo else {
                    index += 1
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: css[runStart..<index]))
                index = skipTo
                runStart = skipTo
            }
            if runStart < count {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: css[runStart..<count]))
            }
        }
        return result
    }

    /// 64-bit FNV-1a of a class or id name (case-sensitive, as HTML class matching is).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}

extension UInt8 {
    fileprivate var isCSSSpace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C
    }
}
