import Foundation
import Testing
import SFStreamElements

/// Reads files from this test target's `Fixtures` folder.
enum Fixtures {
    static func url(_ path: String) throws -> URL {
        let root = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        return root.appendingPathComponent(path)
    }

    static func elements(_ path: String) throws -> [Element] {
        let text = try String(contentsOf: url(path), encoding: .utf8)
        return try text.split(separator: "\n").map { try ElementJSONReader.element(fromJSONLine: $0) }
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(path))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
