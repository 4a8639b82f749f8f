import Foundation
import SFStreamElements
@testable import SFStreamChunking

/// Builds an element with an id, so chunk ids have a first-element id to hash.
func element(_ type: ElementType, _ text: String, id: String = UUID().uuidString) -> Element {
    Element(type: type, text: text, elementID: id)
}

func narrative(_ text: String) -> Element { element(.narrativeText, text) }
func title(_ text: String) -> Element { element(.title, text) }

func table(_ text: String, html: String?) -> Element {
    var table = element(.table, text)
    table.metadata.textAsHTML = html
    return table
}

/// Chunks `elements` with options that must be valid.
func chunk(
    _ elements: [Element], strategy: ChunkingStrategy = .basic, maxCharacters: Int? = nil,
    newAfterNChars: Int? = nil, combineTextUnderNChars: Int? = nil, overlap: Int = 0,
    overlapAll: Bool = false
) throws -> [Element] {
    let options = try ChunkingOptions(
        strategy: strategy, maxCharacters: maxCharacters, newAfterNChars: newAfterNChars,
        combineTextUnderNChars: combineTextUnderNChars, overlap: overlap, overlapAll: overlapAll)
    return Chunker(options: options).chunk(elements)
}

/// Returns `count` copies of `letter`, for texts of an exact length.
func letters(_ count: Int, _ letter: Character = "a") -> String {
    String(repeating: letter, count: count)
}
