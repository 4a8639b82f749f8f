/// The fetch stage: retrieves the large fields of a batch (for `EmailMessage`, `HtmlBody` and
/// `TextBody`) with one sObject Collections request, several batches in flight at once.
actor BodyFetchStage {
    private let client: SalesforceClient
    private let concurrency: Int
    /// Records per batch sent on; a fetched batch is cut into batches of this size.
    private let outputBatchSize: Int
    private let runStop: RunStop
    /// `--max-api-usage`: the share of the org's daily API requests, in percent, at which the run
    /// stops, or `nil` for no threshold.
    private let maxAPIUsagePercent: Double?

    init(
        client: SalesforceClient, concurrency: Int, outputBatchSize: Int, runStop: RunStop,
        maxAPIUsagePercent: Double? = nil
    ) {
        self.client = client
        self.concurrency = concurrency
        self.outputBatchSize = outputBatchSize
        self.runStop = runStop
        self.maxAPIUsagePercent = maxAPIUsagePercent
    }

    /// Fetches until `input` ends, then finishes `output`. Batches leave in the order they
    /// arrived, whichever response arrives first. When `output` is closed by its consumer, the
    /// input is cancelled so the query stage stops too.
    func run(input: BoundedChannel<[StageItem]>, output: BoundedChannel<[StageItem]>) async {
        let client = self.client
        let outputBatchSize = self.outputBatchSize
        let runStop = self.runStop
        let maxUsage = maxAPIUsagePercent
        await orderedConcurrentMap(input: input, output: output, workers: concurrency, window: 2 * concurrency) { batch in
            let fetched = await Self.fetch(batch, client: client, runStop: runStop, maxUsage: maxUsage)
            return stride(from: 0, to: fetched.count, by: outputBatchSize).map { start in
                Array(fetched[start..<min(start + outputBatchSize, fetched.count)])
            }
        }
    }

    /// Adds the fetched fields to every record of `batch` that needs them. A record missing
    /// from the response, or a request that failed after the client's retries, becomes a
    /// failure naming the record. `REQUEST_LIMIT_EXCEEDED`, or API usage at `maxUsage` percent
    /// or more, stops the run, and the records queried before the stop become failures without
    /// a request.
    static func fetch(
        _ batch: [StageItem], client: SalesforceClient, runStop: RunStop, maxUsage: Double? = nil
    ) async -> [StageItem] {
        var envelopes: [Int: RecordEnvelope] = [:]
        var category: SObjectCategory?
        for (index, item) in batch.enumerated() {
            if case .record(let envelope, let itemCategory) = item, !itemCategory.fetchedFields.isEmpty {
                envelopes[index] = envelope
                category = itemCategory
            }
        }
        guard let category, !envelopes.isEmpty else { return batch }

        let indices = envelopes.keys.sorted()
        let ids = indices.map { envelopes[$0]!.id }
        var result = batch
        func failAll(_ reason: String) {
            for (position, index) in indices.enumerated() {
                result[index] = .failure(RecordFailure(category: category.name, recordID: ids[position], stage: .fetch, reason: reason))
            }
        }

        runStop.checkUsage(of: client, maxUsagePercent: maxUsage)
        if let stop = runStop.current {
            let reason: String
            switch stop {
            case .requestLimitExceeded:
                reason = "not fetched: the run stopped at the org's API request limit (REQUEST_LIMIT_EXCEEDED)"
            case .apiAllowance:
                reason = "not fetched: the run stopped at the --max-api-usage threshold"
            }
            failAll(reason)
            return result
        }
        do {
            let records = try await client.retrieve(sObject: category.name, ids: ids, fields: category.fetchedFields)
            for (position, index) in indices.enumerated() {
                guard position < records.count, let fetched = records[position] else {
                    let reason = "the record was not returned by the sObject Collections request for "
                        + category.fetchedFields.joined(separator: ", ")
                    result[index] = .failure(RecordFailure(category: category.name, recordID: ids[position], stage: .fetch, reason: reason))
                    continue
                }
                var envelope = envelopes[index]!
                for field in category.fetchedFields {
                    envelope.fetchedFields[field] = fetched.fields[field] ?? .null
                }
                result[index] = .record(envelope, category)
            }
        } catch {
            if let error = error as? SalesforceError, error.kind == .requestLimitExceeded {
                runStop.request(.requestLimitExceeded(error.description))
            }
            failAll("\(error)")
        }
        return result
    }
}
