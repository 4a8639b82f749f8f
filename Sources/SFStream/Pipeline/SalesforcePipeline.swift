/// Streams records out of a Salesforce org as document elements.
///
/// The stages (query, fetch, partition, chunk) run concurrently and are linked by
/// ``BoundedChannel``s, so memory is bounded by the channel capacities however many records the
/// org holds. Embed it by creating an output channel, running ``run(into:)`` in a task and
/// iterating the channel:
///
/// ```swift
/// let output = BoundedChannel<[RecordOutput]>(capacity: 8)
/// async let statistics = pipeline.run(into: output)
/// for try await batch in output { … }
/// ```
public final class SalesforcePipeline: Sendable {
    public let client: SalesforceClient
    public let configuration: PipelineConfiguration

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

        let queryStage = QueryStage(client: client, batchSize: configuration.fetchBatchSize)
        let fetchStage = BodyFetchStage(client: client, concurrency: configuration.fetchConcurrency)
        let partitionStage = PartitionStage(workers: configuration.partitionWorkers)
        let chunkStage = ChunkStage(options: configuration.chunking)
        let categories = configuration.categories

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queryStage.run(categories: categories, output: queried) }
            group.addTask { await fetchStage.run(input: queried, output: fetched) }
            group.addTask { await partitionStage.run(input: fetched, output: partitioned) }
            group.addTask { await chunkStage.run(input: partitioned, output: output) }
        }
        return PipelineStatistics(recordsRead: await queryStage.recordsRead)
    }
}

/// Counts a pipeline run keeps for its summary.
public struct PipelineStatistics: Sendable {
    /// Records returned by the query of each category.
    public var recordsRead: [String: Int]
}
