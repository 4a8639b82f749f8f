import Foundation
import SFStreamLogging
import Synchronization

/// The paginate stage: one query per category, run concurrently, each page cut into batches of
/// at most `batchSize` records for the fetch stage.
///
/// Records are requested in `SystemModstamp, Id` order. When Salesforce loses the query locator
/// (`INVALID_QUERY_LOCATOR`), the category resumes after the last record it sent instead of
/// restarting or skipping.
actor QueryStage {
    /// The reason a run stopped before reading every record.
    enum StopReason: Sendable {
        case apiAllowance(used: Int, limit: Int)
        case requestLimitExceeded(String)
    }

    private let client: SalesforceClient
    private let configuration: PipelineConfiguration
    private let progress: PipelineProgress
    private var logger: Logger { configuration.logger }
    private(set) var recordsRead: [String: Int] = [:]
    private(set) var recordsUnchanged = 0
    private let runStop: RunStop
    var stopReason: StopReason? { runStop.current }

    /// Times one category may resume by keyset after losing its query locator.
    static let maxLocatorResumptions = 5

    init(client: SalesforceClient, configuration: PipelineConfiguration, progress: PipelineProgress, runStop: RunStop) {
        self.client = client
        self.configuration = configuration
        self.progress = progress
        self.runStop = runStop
    }

    /// Queries every category and finishes `output` when all are done. A category whose query
    /// fails sends one failure naming the category (the client has already retried transient
    /// errors).
    ///
    /// The categories are queried concurrently, but their batches reach `output` in a fixed
    /// rotation (one batch of each unfinished category in `categories` order, then again), so
    /// that the order of records does not depend on which query returned first.
    func run(output: BoundedChannel<[StageItem]>) async {
        let instanceURL = await client.instanceURL?.absoluteString ?? ""
        let categories = configuration.categories
        // Two batches per category let each query fetch ahead while others have their turn.
        let perCategory = categories.map { _ in BoundedChannel<[StageItem]>(capacity: 2) }
        await withTaskGroup(of: Void.self) { group in
            for (category, channel) in zip(categories, perCategory) {
                group.addTask {
                    await self.query(category, instanceURL: instanceURL, output: channel)
                    channel.finish()
                }
            }
            group.addTask {
                await Self.rotate(perCategory, into: output)
            }
        }
        output.finish()
    }

    /// Sends one batch from each unfinished channel in turn until all are finished. When
    /// `output` is closed or the task is cancelled, every category channel is cancelled so that
    /// their queries stop.
    private static func rotate(_ channels: [BoundedChannel<[StageItem]>], into output: BoundedChannel<[StageItem]>) async {
        var active = channels
        do {
            while !active.isEmpty {
                var stillActive: [BoundedChannel<[StageItem]>] = []
                for channel in active {
                    guard let batch = try await channel.receive() else { continue }
                    try await output.send(batch)
                    stillActive.append(channel)
                }
                active = stillActive
            }
        } catch {
            for channel in channels { channel.cancel() }
        }
    }

    private func query(_ category: SObjectCategory, instanceURL: String, output: BoundedChannel<[StageItem]>) async {
        let cursor = Mutex<KeysetCursor?>(nil)
        var resumptions = 0
        logger.debug("querying category", metadata: ["category": "\(category.name)"])
        defer {
            progress.finishQuery(category: category.name)
            logger.debug("category query ended", metadata: [
                "category": "\(category.name)", "records_read": "\(recordsRead[category.name, default: 0])",
            ])
        }
        do {
            let baseConditions = try await conditions(for: category)
            while true {
                do {
                    let resumeAfter = cursor.withLock { $0 }
                    try await queryOnce(category, conditions: baseConditions, after: resumeAfter, instanceURL: instanceURL, output: output) {
                        next in cursor.withLock { $0 = next }
                    }
                    return
                } catch let error as SalesforceError where error.kind == .invalidQueryLocator && resumptions < Self.maxLocatorResumptions {
                    resumptions += 1
                    logger.warning("resuming query after the query locator was lost", metadata: [
                        "category": "\(category.name)", "resumption": "\(resumptions)",
                        "max_resumptions": "\(Self.maxLocatorResumptions)",
                    ])
                    continue
                }
            }
        } catch is ChannelClosed {
            return
        } catch is CancellationError {
            return
        } catch let stop as AllowanceStop {
            if case .apiAllowance(let used, let limit) = stop.reason {
                logger.notice("stopping category at the API usage threshold", metadata: [
                    "category": "\(category.name)", "api_used": "\(used)", "api_limit": "\(limit)",
                ])
            }
            runStop.request(stop.reason)
        } catch let error as SalesforceError where error.kind == .requestLimitExceeded {
            runStop.request(.requestLimitExceeded(error.description))
        } catch {
            let failure = RecordFailure(category: category.name, recordID: nil, stage: .query, reason: "\(error)")
            try? await output.send([.failure(failure)])
        }
    }

    /// The last record a category sent, for resuming after a lost query locator.
    struct KeysetCursor: Sendable {
        var stamp: SalesforceTimestamp
        var rawStamp: String
        var id: String
    }

    private struct AllowanceStop: Error {
        var reason: StopReason
    }

    private func queryOnce(
        _ category: SObjectCategory, conditions: [String], after cursor: KeysetCursor?, instanceURL: String,
        output: BoundedChannel<[StageItem]>, advance: @escaping @Sendable (KeysetCursor) -> Void
    ) async throws {
        var allConditions = conditions
        if let cursor {
            // SOQL literals have whole seconds: re-read that second and drop what was sent.
            allConditions.append("SystemModstamp >= \(cursor.stamp.soqlLiteral)")
        }
        let soql = category.soql(
            where: allConditions.isEmpty ? nil : allConditions.joined(separator: " AND "),
            includeDeleted: configuration.includeDeleted
        )
        let batchSize = configuration.fetchBatchSize
        let tracker = configuration.tracker
        let includeDeleted = configuration.includeDeleted
        let maxUsage = configuration.maxAPIUsagePercent
        let client = self.client
        let progress = self.progress
        let runStop = self.runStop

        try await client.query(soql, includeDeleted: includeDeleted) { page in
            // Another category or the fetch stage may have hit the limit since the last page.
            if let reason = runStop.current { throw AllowanceStop(reason: reason) }
            var items: [StageItem] = []
            var last: KeysetCursor?
            var unchanged = 0
            for record in page.records {
                let rawStamp = Self.string(record.fields["SystemModstamp"]) ?? ""
                let stamp = SalesforceTimestamp(parsing: rawStamp)
                if let cursor, let stamp {
                    if stamp < cursor.stamp || (stamp == cursor.stamp && record.id <= cursor.id) { continue }
                }
                if let stamp { last = KeysetCursor(stamp: stamp, rawStamp: rawStamp, id: record.id) }
                if let tracker {
                    if tracker.isUnchanged(category: category.name, id: record.id, stamp: rawStamp) {
                        unchanged += 1
                        continue
                    }
                    tracker.register(category: category.name, id: record.id, stamp: rawStamp)
                }
                let url = instanceURL + record.url
                if includeDeleted, case .bool(true)? = record.fields["IsDeleted"] {
                    items.append(.deleted(RecordLocator(category: category.name, id: record.id, url: url, stamp: rawStamp)))
                } else {
                    items.append(.record(RecordEnvelope(category: category.name, record: record, url: url), category))
                }
            }
            // Counted before the records go on, so a consumer never receives a record not yet counted as read.
            progress.addRecordsRead(items.count, category: category.name)
            var start = 0
            while start < items.count {
                let end = min(start + batchSize, items.count)
                try await output.send(Array(items[start..<end]))
                start = end
            }
            if let last { advance(last) }
            // Records re-read after a resumption are not counted twice.
            await self.count(read: items.count + unchanged, unchanged: unchanged, for: category.name)

            runStop.checkUsage(of: client, maxUsagePercent: maxUsage)
            if let reason = runStop.current { throw AllowanceStop(reason: reason) }
        }
    }

    /// Returns the conditions every query of `category` carries: `--since`, the incremental watermark
    /// and the shard's `CreatedDate` slice.
    private func conditions(for category: SObjectCategory) async throws -> [String] {
        var conditions: [String] = []
        var lowerBound = configuration.since
        if let tracker = configuration.tracker,
            let saved = tracker.snapshot().categories[category.name],
            let watermark = SalesforceTimestamp(parsing: saved.watermark)
        {
            let from = watermark.adding(seconds: -configuration.lookbackSeconds)
            lowerBound = max(lowerBound ?? from, from)
        }
        if let lowerBound {
            conditions.append("SystemModstamp >= \(lowerBound.soqlLiteral)")
        }
        if let shard = configuration.shard {
            let window: (from: SalesforceTimestamp, to: SalesforceTimestamp)
            if let given = shard.window {
                window = given
            } else {
                window = try await createdDateRange(of: category)
            }
            if let condition = shard.spec.condition(from: window.from, to: window.to) {
                conditions.append(condition)
            }
        }
        return conditions
    }

    /// Returns the first and last `CreatedDate` of a category, widened to whole UTC days, so workers
    /// started at about the same time compute the same shard boundaries.
    private func createdDateRange(of category: SObjectCategory) async throws -> (from: SalesforceTimestamp, to: SalesforceTimestamp) {
        func edge(_ order: String) async throws -> SalesforceTimestamp? {
            let found = Mutex<SalesforceTimestamp?>(nil)
            let soql = "SELECT CreatedDate FROM \(category.name) ORDER BY CreatedDate \(order) LIMIT 1"
            try await client.query(soql, includeDeleted: configuration.includeDeleted) { page in
                if let first = page.records.first, let text = Self.string(first.fields["CreatedDate"]) {
                    found.withLock { $0 = SalesforceTimestamp(parsing: text) }
                }
            }
            return found.withLock { $0 }
        }
        let day: Int64 = 86_400_000
        let first = try await edge("ASC") ?? SalesforceTimestamp(millisecondsSince1970: 0)
        let last = try await edge("DESC") ?? first
        let from = SalesforceTimestamp(millisecondsSince1970: first.millisecondsSince1970 / day * day)
        let to = SalesforceTimestamp(millisecondsSince1970: (last.millisecondsSince1970 / day + 1) * day)
        return (from, to)
    }

    private func count(read: Int, unchanged: Int, for category: String) {
        recordsRead[category, default: 0] += read - unchanged
        recordsUnchanged += unchanged
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
