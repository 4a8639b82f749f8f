import SFStreamElements

/// Sets `parent_id` from element types and `category_depth`, as `unstructured`'s
/// `set_element_hierarchy` does, with one addition.
///
/// Each element takes as parent the nearest earlier element still open on a stack. A `Title` takes
/// a `Title` of lower depth, and a nested `ListItem` a `ListItem` of lower depth. Text, list items,
/// tables and (the addition) images and code snippets take a `Title`. `unstructured` leaves
/// `Image` and `CodeSnippet` out of that rule, so one image there cuts every later element off
/// from its heading.
enum ElementHierarchy {
    private static let childrenOfTitle: Set<ElementType> = [
        .narrativeText, .uncategorizedText, .listItem, .table, .image, .codeSnippet, .address, .emailAddress,
        .formula,
    ]

    /// Assigns temporary ids (the element's index) and parent ids referring to them, ready for
    /// `ElementIDs.assign`, which replaces both with the deterministic ids.
    static func assignParents(_ elements: inout [Element]) {
        var stack: [Int] = []
        for index in elements.indices {
            elements[index].elementID = String(index)
            let type = elements[index].type
            let depth = elements[index].metadata.categoryDepth ?? 0
            var parent: Int?
            while let top = stack.last {
                let topType = elements[top].type
                let topDepth = elements[top].metadata.categoryDepth ?? 0
                if topType == type ? topDepth < depth : (topType == .title && childrenOfTitle.contains(type)) {
                    parent = top
                    break
                }
                stack.removeLast()
            }
            elements[index].metadata.parentID = parent.map { String($0) }
            stack.append(index)
        }
    }
}
