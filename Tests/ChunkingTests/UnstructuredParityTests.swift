import Foundation
import Testing
import SFStreamElements
@testable import SFStreamChunking

/// Compares the chunker with `unstructured` 0.27.35 on 40 random documents (mixed scripts,
/// non-breaking spaces, code, tables, empty texts) under random options. The expected chunks in
/// `Fixtures/unstructured-parity/cases.json` come from `generate.py` next to it.
@Suite struct UnstructuredParityTests {
    private struct Case {
        var number: Int
        var options: ChunkingOptions
        var elements: [Element]
        var expected: [[String: Any]]
    }

    private func cases() throws -> [Case] {
        let root = try Fixtures.json("unstructured-parity/cases.json")
        let list = try #require(root["cases"] as? [[String: Any]])
        return try list.enumerated().map { number, entry in
            let json = try #require(entry["options"] as? [String: Any])
            let strategy = try #require(ChunkingStrategy(rawValue: json["strategy"] as? String ?? ""))
            let options = try ChunkingOptions(
                strategy: strategy,
                maxCharacters: json["max_characters"] as? Int,
                newAfterNChars: json["new_after_n_chars"] as? Int,
                combineTextUnderNChars: json["combine_text_under_n_chars"] as? Int,
                overlap: json["overlap"] as? Int ?? 0,
                overlapAll: json["overlap_all"] as? Bool ?? false)
            let elements = try #require(entry["elements"] as? [[String: Any]]).map {
                try ElementJSONReader.element(from: $0)
            }
            let expected = try #require(entry["expected"] as? [[String: Any]])
            return Case(number: number, options: options, elements: elements, expected: expected)
        }
    }

    @Test func chunksMatchUnstructured() throws {
        let cases = try cases()
        #expect(cases.count == 40)

        for testCase in cases {
            let chunks = Chunker(options: testCase.options).chunk(testCase.elements)
            let label = "case \(testCase.number)"
            #expect(chunks.count == testCase.expected.count, "\(label)")
            for (chunk, expected) in zip(chunks, testCase.expected) {
                #expect(chunk.type.rawValue == expected["type"] as? String, "\(label)")
                #expect(chunk.text == expected["text"] as? String, "\(label)")
                #expect(chunk.metadata.textAsHTML == expected["text_as_html"] as? String, "\(label)")
                #expect(chunk.metadata.isContinuation == expected["is_continuation"] as? Bool, "\(label)")
                #expect(chunk.metadata.chunkIndex == expected["chunk_index"] as? Int, "\(label)")
                #expect(
                    chunk.metadata.numCarriedOverHeaderRows == expected["num_carried_over_header_rows"] as? Int,
                    "\(label)")
            }
        }
    }
}
