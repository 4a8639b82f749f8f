import Foundation
import Testing

extension ToolProcess.Result {
    /// Returns the distinct record Ids per category, from the `record_locator` of each NDJSON element.
    func recordIdsByCategory() throws -> [String: Set<String>] {
        var ids: [String: Set<String>] = [:]
        for line in stdoutLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let metadata = try #require(object["metadata"] as? [String: Any])
            let locator = try #require((metadata["data_source"] as? [String: Any])?["record_locator"] as? [String: String])
            ids[locator["category"]!, default: []].insert(locator["id"]!)
        }
        return ids
    }
}
