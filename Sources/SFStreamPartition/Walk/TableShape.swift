/// Decides whether a `<table>` contains data (emitted as one `Table` element) or only lays out the page.
///
/// E-mail templates nest tables to position blocks, and a `Table` element for such a wrapper would
/// flatten every heading, paragraph and list inside it into cell text. A table is treated as layout,
/// and its contents partitioned as ordinary blocks, when any of these holds:
/// - it has `role="presentation"` or `role="none"`;
/// - it contains another table, a heading, a paragraph, a list, a `pre` or a `blockquote`;
/// - no row has two or more cells (a single column is a stack of blocks, not a grid);
/// - a cell contains two or more `<br>` (text laid out as lines, such as a letter or a signature).
///
/// The parse is a stream of events, so the shape is learned from the start and end tags inside
/// the table as they arrive. Most layout tables are settled by an early start tag, but a data
/// table is settled only by its end tag.
struct TableShape {
    enum Verdict {
        case data
        case layout
    }

    /// Open elements from the table itself down, so that the table's end tag is known.
    private var openElements = 1
    /// Open elements of a subtree that does not count (`script`, `style`, `svg` and the like).
    private var skipped = 0
    private var maxCells = 0
    private var cellsInRow = 0
    private var breaksInCell = 0

    /// Returns `.layout` for a table with `role="presentation"` or `role="none"`, before its
    /// content is seen.
    static func verdict(role: UnsafePointer<UInt8>?) -> Verdict? {
        if AttributeValue.equals(role, "presentation") || AttributeValue.equals(role, "none") {
            return .layout
        }
        return nil
    }

    /// Takes a start tag inside the table; returns a verdict once the tag settles it.
    mutating func start(_ name: UnsafePointer<UInt8>) -> Verdict? {
        openElements += 1
        if skipped > 0 {
            skipped += 1
            return nil
        }
        switch HTMLTag.identify(name) {
        case .table, .heading, .list, .listItem, .preformatted:
            return .layout
        case .block:
            if let key = TagKey(name), key == .paragraph || key == .blockquote { return .layout }
        case .tableRow:
            cellsInRow = 0
        case .tableCell:
            cellsInRow += 1
            maxCells = max(maxCells, cellsInRow)
            breaksInCell = 0
        case .lineBreak:
            breaksInCell += 1
            if breaksInCell >= 2 { return .layout }
        case .skipped:
            skipped = 1
        default:
            break
        }
        return nil
    }

    /// Takes an end tag inside the table; returns the verdict at the table's own end tag.
    mutating func end() -> Verdict? {
        if skipped > 0 { skipped -= 1 }
        openElements -= 1
        return openElements == 0 ? finalVerdict : nil
    }

    /// The verdict from what was seen so far: data when some row had two or more cells.
    var finalVerdict: Verdict { maxCells >= 2 ? .data : .layout }
}
