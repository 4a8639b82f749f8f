/// Finds the elements that start a new page, for `by_title` with `multipage_sections` off, as
/// `unstructured`'s `is_on_next_page` does.
///
/// The first element starts the first page (page 1 when it has no number). An element without a
/// page number stays on the current page, and any other number than the current one starts a
/// new page, a lower one included.
struct PageBoundary {
    private var currentPage: Int?

    mutating func isOnNextPage(_ pageNumber: Int?) -> Bool {
        guard let current = currentPage else {
            currentPage = pageNumber ?? 1
            return false
        }
        guard let pageNumber, pageNumber != current else { return false }
        currentPage = pageNumber
        return true
    }
}
