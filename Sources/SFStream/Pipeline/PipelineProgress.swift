import Synchronization

/// Live counters of a ``SalesforcePipeline`` run, per category, readable from any thread while
/// the run goes on (for a progress display).
///
/// The stages update them once per query page and once per output batch, not per element, so
/// the cost is one lock per batch.
public final class PipelineProgress: Sendable {
    /// The counters of one category.
    public struct Category: Sendable, Hashable {
        public var name: String
        /// Records the query returned, deleted ones included, less those skipped as unchanged.
        public var recordsRead = 0
        /// Records whose elements were handed to the output channel (counted just before the
        /// send, so a batch lost to a cancelled run may count).
        public var recordsDelivered = 0
        /// Deleted records delivered as tombstones.
        public var recordsDeleted = 0
        /// Records (or the category's query) that produced no elements.
        public var recordsFailed = 0
        /// Elements (chunks when chunking is on) handed to the output channel.
        public var elements = 0
        /// Whether the category's query has ended, by reading every page or by failing.
        public var queryFinished = false

        public init(name: String) {
            self.name = name
        }

        /// Whether records of this category are still being read or are still on their way out.
        public var isRunning: Bool {
            !queryFinished || recordsDelivered + recordsDeleted + recordsFailed < recordsRead
        }
    }

    /// The counters at one moment, in the order of the configured categories.
    public struct Snapshot: Sendable, Hashable {
        public var categories: [Category]

        public init(categories: [Category]) {
            self.categories = categories
        }

        public var recordsRead: Int { categories.reduce(0) { $0 + $1.recordsRead } }
        public var elements: Int { categories.reduce(0) { $0 + $1.elements } }
    }

    private let categories = Mutex<[Category]>([])

    public init() {}

    /// Returns a copy of the counters.
    public func snapshot() -> Snapshot {
        Snapshot(categories: categories.withLock { $0 })
    }

    /// Sets every counter to zero for a run over `names`.
    func reset(categories names: [String]) {
        categories.withLock { $0 = names.map(Category.init(name:)) }
    }

    func addRecordsRead(_ count: Int, category: String) {
        update(category) { $0.recordsRead += count }
    }

    func finishQuery(category: String) {
        update(category) { $0.queryFinished = true }
    }

    /// Counts one batch as it leaves the pipeline.
    func addDelivered(_ batch: [RecordOutput]) {
        categories.withLock { categories in
            for item in batch {
                let name: String
                switch item {
                case .elements(let record): name = record.category
                case .deleted(let locator): name = locator.category
                case .failure(let failure): name = failure.category
                }
                guard let index = categories.firstIndex(where: { $0.name == name }) else { continue }
                switch item {
                case .elements(let record):
                    categories[index].recordsDelivered += 1
                    categories[index].elements += record.elements.count
                case .deleted:
                    categories[index].recordsDeleted += 1
                case .failure(let failure):
                    // A failed query names no record and is not among the records read.
                    if failure.recordID != nil { categories[index].recordsFailed += 1 }
                }
            }
        }
    }

    private func update(_ name: String, _ change: (inout Category) -> Void) {
        categories.withLock { categories in
            guard let index = categories.firstIndex(where: { $0.name == name }) else { return }
            change(&categories[index])
        }
    }
}
