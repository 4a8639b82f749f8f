/// The pipeline's result for one record: its elements, a deletion, or the failure that left it without elements.
public enum RecordOutput: Sendable {
    case elements(RecordElements)
    /// A record deleted in the org (read with `includeDeleted`), for a downstream index to remove.
    case deleted(RecordLocator)
    case failure(RecordFailure)
}

/// The sObject, Id and REST URL that identify one record.
public struct RecordLocator: Sendable, Hashable {
    public var category: String
    public var id: String
    public var url: String
    /// The record's `SystemModstamp`, used to advance the incremental-sync watermark.
    public var stamp: String?

    public init(category: String, id: String, url: String, stamp: String? = nil) {
        self.category = category
        self.id = id
        self.url = url
        self.stamp = stamp
    }
}

/// The elements of one record, in document order (chunks when chunking is on).
public struct RecordElements: Sendable {
    public var locator: RecordLocator
    public var elements: [Element]

    public init(locator: RecordLocator, elements: [Element]) {
        self.locator = locator
        self.elements = elements
    }

    public var category: String { locator.category }
    public var recordID: String { locator.id }
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
    case deleted(RecordLocator)
    case failure(RecordFailure)
}
