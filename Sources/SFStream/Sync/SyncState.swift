import Foundation

/// What an incremental run remembers between runs, per category: the highest `SystemModstamp`
/// delivered without a gap before it (the watermark), and the records delivered within the
/// lookback before the watermark, so that re-reading that window emits only what changed.
///
/// The next run queries `SystemModstamp >= watermark - lookback`. Salesforce can make a record
/// visible after records with later stamps (its stamp is set when its transaction starts), so
/// the lookback re-reads a window instead of trusting the watermark to the millisecond.
public struct SyncState: Sendable, Codable, Equatable {
    public struct CategoryState: Sendable, Codable, Equatable {
        /// `SystemModstamp` of the last record delivered with every earlier record delivered too.
        public var watermark: String
        /// Record Id → `SystemModstamp` of the records delivered within the lookback window.
        public var recent: [String: String]

        public init(watermark: String, recent: [String: String] = [:]) {
            self.watermark = watermark
            self.recent = recent
        }
    }

    public var version = 1
    public var categories: [String: CategoryState] = [:]

    public init(categories: [String: CategoryState] = [:]) {
        self.categories = categories
    }

    /// Reads the state file; a missing file is an empty state (the first run reads everything).
    public static func load(from path: String) throws -> SyncState {
        guard FileManager.default.fileExists(atPath: path) else { return SyncState() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SyncStateError("the state file '\(path)' is a folder: give a file path")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyncStateError("cannot read the state file '\(path)': check its permissions")
        }
        do {
            let state = try JSONDecoder().decode(SyncState.self, from: data)
            guard state.version == 1 else {
                throw SyncStateError("the state file '\(path)' has version \(state.version); this sfstream reads version 1")
            }
            for (category, entry) in state.categories.sorted(by: { $0.key < $1.key })
            where SalesforceTimestamp(parsing: entry.watermark) == nil {
                throw SyncStateError(
                    "the state file '\(path)' has an invalid watermark '\(entry.watermark)' for \(category); delete the file to read everything again"
                )
            }
            return state
        } catch let error as SyncStateError {
            throw error
        } catch {
            throw SyncStateError("the state file '\(path)' is not valid sfstream state JSON; delete it to read everything again")
        }
    }

    /// Writes the state to a temporary file beside `path` and renames it over `path`, so a crash
    /// leaves either the old state or the new one, never half of one.
    public func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(self)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw SyncStateError("cannot replace the state file '\(path)' (errno \(errno))")
            }
        } catch let error as SyncStateError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            throw SyncStateError("cannot write the state file '\(path)': \(error.localizedDescription)")
        }
    }
}

public struct SyncStateError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
