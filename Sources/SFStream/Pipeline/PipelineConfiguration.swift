import Foundation
import SFStreamLogging

/// Settings of a ``SalesforcePipeline`` run.
public struct PipelineConfiguration: Sendable {
    /// The sObjects to read, each with its fields and rendering.
    public var categories: [SObjectCategory]
    /// Chunking applied to each record's elements; `nil` writes the partitioned elements.
    public var chunking: ChunkingOptions?
    /// Parallel partition workers; defaults to the number of active cores.
    public var partitionWorkers: Int
    /// sObject Collections requests in flight at once; each carries up to `fetchBatchSize` Ids.
    ///
    /// The default 4 × 50 records in flight fetch about 2,000 records a second at 100 ms of
    /// network latency (an estimate: 200 records per round trip), more than two cores parse.
    public var fetchConcurrency: Int
    /// Records per sObject Collections request; Salesforce allows at most 200.
    ///
    /// Memory grows with the records in flight, and API usage with the number of requests. The
    /// default 50 takes four times the requests of 200. With 8 × 200 in flight, peak RSS for
    /// 10,000 corpus e-mails was about 240 MiB in `sfstream-benchmarks`, against about 75 MiB now.
    public var fetchBatchSize: Int
    /// Records per batch from the fetch stage on (parse, chunk, output). Small batches bound the
    /// bodies and elements waiting in channels and spread records evenly over the partition
    /// workers, while a channel hop (about a microsecond) stays negligible beside parsing (about
    /// a millisecond a record).
    public var recordBatchSize: Int
    /// Batches buffered between two stages before the upstream stage waits.
    public var channelCapacity: Int

    /// Read only records with `SystemModstamp` at or after this instant.
    public var since: SalesforceTimestamp?
    /// Incremental sync: skip records delivered earlier with the same `SystemModstamp`, and read
    /// from each category's watermark minus `lookbackSeconds`.
    public var tracker: DeliveryTracker?
    /// How far before the saved watermark an incremental run reads again, in seconds.
    public var lookbackSeconds: Int64
    /// Read deleted records too (`queryAll`) and deliver them as ``RecordOutput/deleted(_:)``.
    public var includeDeleted: Bool
    /// This worker's slice of every category, with the `CreatedDate` range it cuts.
    public var shard: (spec: ShardSpec, window: (from: SalesforceTimestamp, to: SalesforceTimestamp)?)?
    /// Stop before the org's daily API allowance passes this share (0–100) of its limit, as
    /// reported by the `Sforce-Limit-Info` header.
    public var maxAPIUsagePercent: Double?
    /// Receives the stages' events: each category's query start and end (`debug`), a resumed
    /// query (`warning`), a stop at the API usage threshold (`notice`). Records that fail are not
    /// logged here, because they reach the output as ``RecordOutput/failure(_:)``.
    /// Default: a logger that drops every event.
    public var logger: Logger = .disabled(label: "sfstream.pipeline")

    public init(
        categories: [SObjectCategory],
        chunking: ChunkingOptions? = nil,
        partitionWorkers: Int = ProcessInfo.processInfo.activeProcessorCount,
        fetchConcurrency: Int = 4,
        fetchBatchSize: Int = 50,
        recordBatchSize: Int = 8,
        channelCapacity: Int = 8
    ) {
        self.categories = categories
        self.chunking = chunking
        self.partitionWorkers = max(1, partitionWorkers)
        self.fetchConcurrency = max(1, fetchConcurrency)
        self.fetchBatchSize = min(200, max(1, fetchBatchSize))
        self.recordBatchSize = max(1, recordBatchSize)
        self.channelCapacity = max(1, channelCapacity)
        self.lookbackSeconds = 300
        self.includeDeleted = false
    }
}
