import Foundation
import SFStreamElements
import SFStreamPartition
import Testing

/// One hard case from `Fixtures/cases/<name>`: its input and the elements `expected.json` lists.
struct CaseFixture {
    struct ExpectedElement {
        var type: String
        var text: String
        var isTypeBinding: Bool
    }

    let folder: URL
    let expected: [ExpectedElement]

    static let casesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cases")

    init(_ name: String) throws {
        folder = CaseFixture.casesFolder.appendingPathComponent(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let elements = try #require(object["elements"] as? [[String: Any]])
        expected = elements.map {
            ExpectedElement(
                type: $0["type"] as? String ?? "",
                text: $0["text"] as? String ?? "",
                isTypeBinding: $0["type_binding"] as? Bool ?? false
            )
        }
    }

    func html(_ file: String = "input.html") throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    /// The `Id` and `HtmlBody` of each record in a SOQL query response fixture.
    func soqlRecords(_ file: String = "input.json") throws -> [(id: String, html: String)] {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(object["records"] as? [[String: Any]])
        return records.compactMap { record in
            guard let id = record["Id"] as? String, let html = record["HtmlBody"] as? String else { return nil }
            return (id, html)
        }
    }

    /// Checks texts (whitespace collapsed) and order of all elements, and the types marked binding.
    func expectMatches(_ elements: [Element], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(texts(elements) == expected.map { collapsed($0.text) }, sourceLocation: sourceLocation)
        for (element, wanted) in zip(elements, expected) where wanted.isTypeBinding {
            #expect(element.type.rawValue == wanted.type, "type of '\(wanted.text)'", sourceLocation: sourceLocation)
        }
    }
}
