import CLibXML2

/// Decides whether a `<table>` contains data (emitted as one `Table` element) or only lays out the page.
///
/// E-mail templates nest tables to position blocks, and a `Table` element for such a wrapper would
/// flatten every heading, paragraph and list inside it into cell text. A table is treated as layout,
/// and its contents partitioned as ordinary blocks, when any of these holds:
/// - it has `role="presentation"` or `role="none"`;
/// - it contains another table, a heading, a paragraph, a list, a `pre` or a `blockquote`;
/// - no row has two or more cells (a single column is a stack of blocks, not a grid);
/// - a cell contains two or more `<br>` (text laid out as lines, such as a letter or a signature).
enum TableShape {
    static func isDataTable(_ table: UnsafeMutablePointer<xmlNode>, attributes: NodeAttributes) -> Bool {
        if AttributeValue.equals(attributes.role, "presentation") || AttributeValue.equals(attributes.role, "none") {
            return false
        }
        var maxCells = 0
        var cellsInRow = 0
        var breaksInCell = 0
        var node = table.pointee.children
        while let current = node {
            var descend = false
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                let tag = HTMLTag.identify(name)
                switch tag {
                case .table, .heading, .list, .listItem, .preformatted:
                    return false
                case .block:
                    if let key = TagKey(name), key == .paragraph || key == .blockquote { return false }
                    descend = true
                case .tableRow:
                    cellsInRow = 0
                    descend = true
                case .tableCell:
                    cellsInRow += 1
                    maxCells = max(maxCells, cellsInRow)
                    breaksInCell = 0
                    descend = true
                case .lineBreak:
                    breaksInCell += 1
                    if breaksInCell >= 2 { return false }
                case .skipped:
                    descend = false
                default:
                    descend = true
                }
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            node = nextNode(after: current, within: table)
        }
        return maxCells >= 2
    }

    /// Returns the next node in document order that is not a descendant of `current`, staying
    /// inside `root`.
    private static func nextNode(
        after current: UnsafeMutablePointer<xmlNode>,
        within root: UnsafeMutablePointer<xmlNode>
    ) -> UnsafeMutablePointer<xmlNode>? {
        var node = current
        while true {
            if let sibling = node.pointee.next { return sibling }
            guard let parent = node.pointee.parent, parent != root else { return nil }
            node = parent
        }
    }

}
