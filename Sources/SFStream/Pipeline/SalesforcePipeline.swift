/// Streams records out of a Salesforce org as document elements.
///
/// The stages (query, fetch, partition, chunk) run concurrently and are linked by
/// ``BoundedChannel``s, so memory is bounded by the channel capacities however many records the
/// org holds. Records come out in a fixed order: one batch of each category in turn, each
/// category in query order (`SystemModstamp, Id`), so two runs over the same records write the
/// same output.
///
/// Embed it by iterating ``records()`` or ``elements(onFailure:)``:
///
/// ```swift
/// let client = SalesforceClient(credentials: credentials)
/// try await client.authenticate()
/// let categories = try await CategoryResolver.resolve(["Case", "EmailMessage"], client: client)
/// let pipeline = SalesforcePipeline(client: client, configuration: PipelineConfiguration(categories: categories))
/// for try await element in pipeline.elements(onFailure: { print("skipped: \($0)") }) { … }
/// ```
///
/// ``run(into:)`` is the lower-level form: it fills a channel that the caller creates and drains.
public final class SalesforcePipeline: Sendable {
    public let client: SalesforceClient
    public let configuration: PipelineConfiguration
    /// Counters of the current (or last) run, for showing progress while ``run(into:)`` runs.
    public let progress = PipelineProgress()

    public init(client: SalesforceClient, configuration: PipelineConfiguration) {
        self.client = client
        self.configuration = configuration
    }

    /// Runs every stage until all categories are read, then finishes `output`.
    ///
    /// - Suspends while `output` is full: a slow consumer slows every stage.
    /// - If the consumer calls `output.cancel()`, the stages stop and cancel their inputs.
    /// - On task cancellation, every stage stops at its next channel operation.
    /// - Returns: the number of records each category's query returned.
    @discardableResult
    public func run(into output: BoundedChannel<[RecordOutput]>) async -> PipelineStatistics {
        let capacity = configuration.channelCapacity
        let queried = BoundedChannel<[StageItem]>(capacity: capacity)
        let fetched = BoundedChannel<[StageItem]>(capacity: capacity)
        let partitioned = BoundedChannel<[RecordOutput]>(capacity: capacity)

        progress.reset(categories: configuration.categories.map(\.name))
        let runStop = RunStop()
        let queryStage = QueryStage(client: client, configuration: configuration, progress: progress, runStop: runStop)
        let fetchStage = BodyFetchStage(
            client: client, concurrency: configuration.fetchConcurrency, outputBatchSize: configuration.recordBatchSize,
            runStop: runStop, maxAPIUsagePercent: configuration.maxAPIUsagePercent
        )
        let partitionStage = PartitionStage(workers: configuration.partitionWorkers, assignsIDs: configuration.chunking == nil)
        let chunkStage = ChunkStage(options: configuration.chunking, progress: progress)

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queryStage.run(output: queried) }
            group.addTask { await fetchStage.run(input: queried, output: fetched) }
            group.addTask { await partitionStage.run(input: fetched, output: partitioned) }
            group.addTask { await chunkStage.run(input: partitioned, output: output) }
        }
        return PipelineStatistics(
            recordsRead: await queryStage.recordsRead,
            recordsUnchanged: await queryStage.recordsUnchanged,
            stopReason: await queryStage.stopReason.map(PipelineStatistics.StopReason.init)
        )
    }
}

/// Counts a pipeline run keeps for its summary.
public struct PipelineStatistics: Sendable {
    /// The reason a run stopped before reading every record.
    public enum StopReason: Sendable, CustomStringConvertible {
        /// `Sforce-Limit-Info` reported API usage at or above the configured share.
        case apiAllowance(used: Int, limit: Int)
        /// Salesforce returned `REQUEST_LIMIT_EXCEEDED` for the daily allowance. The value is the
        /// error's description.
        case requestLimitExceeded(String)

        init(_ reason: QueryStage.StopReason) {
            switch reason {
            case .apiAllowance(let used, let limit): self = .apiAllowance(used: used, limit: limit)
            case .requestLimitExceeded(let message): self = .requestLimitExceeded(message)
            }
        }

        public var description: String {
            switch self {
            case .apiAllowance(let used, let limit):
                let percent = limit > 0 ? Double(used) * 100 / Double(limit) : 0
                return "stopped at API usage \(used) of \(limit) requests (\(Int(percent.rounded()))%), the --max-api-usage threshold"
            case .requestLimitExceeded(let message):
                // The message already names the limit and its error code.
                return "stopped early: \(message)"
            }
        }
    }

    /// Records returned by the query of each category, less those skipped as unchanged.
    public var recordsRead: [String: Int]
    /// Records skipped because an earlier incremental run delivered them with the same stamp.
    public var recordsUnchanged: Int
    public var stopReason: StopReason?
}
