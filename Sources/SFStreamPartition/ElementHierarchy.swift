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

    /// Returns, for each element, the index of its parent, or `nil` for none.
    static func parentIndices(_ elements: [Element]) -> [Int?] {
        var parents: [Int?] = []
        parents.reserveCapacity(elements.count)
        var stack: [Int] = []
        for index in elements.indices {
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
            parents.append(parent)
            stack.append(index)
        }
        return parents
    }

    /// Sets the ids and parent ids as ``PartitionOptions/IDAssignment`` describes.
    static func finish(_ elements: inout [Element], idAssignment: PartitionOptions.IDAssignment) {
        switch idAssignment {
        case .final:
            ElementIDs.assign(to: &elements, parents: parentIndices(elements))
        case .provisional:
            let parents = parentIndices(elements)
            for index in elements.indices {
                elements[index].elementID = String(index)
                elements[index].metadata.parentID = parents[index].map { String($0) }
            }
        case .omitted:
            // The walker leaves ids empty and sets no parent ids, so nothing is left to clear.
            break
        }
    }
}
