/// What the pipeline delivers for one record: its elements, or why it has none.
public enum RecordOutput: Sendable {
    case elements(RecordElements)
    case failure(RecordFailure)
}

/// The elements of one record, in document order (chunks when chunking is on).
public struct RecordElements: Sendable {
    public var category: String
    public var recordID: String
    public var elements: [Element]

    public init(category: String, recordID: String, elements: [Element]) {
        self.category = category
        self.recordID = recordID
        self.elements = elements
    }
}

/// A record, or a whole category, that produced no elements, with the stage that failed.
///
/// `recordID` is `nil` when a category failed before its records were known (a query that
/// could not be completed); the run then counts as incomplete.
public struct RecordFailure: Error, Sendable, CustomStringConvertible {
    public enum Stage: String, Sendable {
        case query, fetch, partition, chunk
    }

    public var category: String
    public var recordID: String?
    public var stage: Stage
    public var reason: String

    public init(category: String, recordID: String?, stage: Stage, reason: String) {
        self.category = category
        self.recordID = recordID
        self.stage = stage
        self.reason = reason
    }

    public var description: String {
        if let recordID {
            return "\(category) \(recordID): \(stage.rawValue) failed: \(reason)"
        }
        return "\(category): \(stage.rawValue) failed: \(reason)"
    }
}

/// One unit of work between the query, fetch and partition stages.
enum StageItem: Sendable {
    case record(RecordEnvelope, SObjectCategory)
    case failure(RecordFailure)
}
