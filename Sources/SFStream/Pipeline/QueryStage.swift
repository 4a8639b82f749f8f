import Foundation

/// The paginate stage: one query per category, run concurrently, each page cut into batches of
/// at most `batchSize` records for the fetch stage.
actor QueryStage {
    private let client: SalesforceClient
    private let batchSize: Int
    private(set) var recordsRead: [String: Int] = [:]

    init(client: SalesforceClient, batchSize: Int) {
        self.client = client
        self.batchSize = batchSize
    }

    /// Queries every category and finishes `output` when all are done. A category whose query
    /// fails sends one failure naming the category and is not retried here (the client retries
    /// transient errors itself).
    func run(categories: [SObjectCategory], output: BoundedChannel<[StageItem]>) async {
        let instanceURL = await client.instanceURL?.absoluteString ?? ""
        await withTaskGroup(of: Void.self) { group in
            for category in categories {
                group.addTask {
                    await self.query(category, instanceURL: instanceURL, output: output)
                }
            }
        }
        output.finish()
    }

    private func query(_ category: SObjectCategory, instanceURL: String, output: BoundedChannel<[StageItem]>) async {
        let batchSize = self.batchSize
        do {
            try await client.query(category.soql()) { page in
                var start = 0
                while start < page.records.count {
                    let end = min(start + batchSize, page.records.count)
                    let batch = page.records[start..<end].map { record in
                        StageItem.record(
                            RecordEnvelope(category: category.name, record: record, url: instanceURL + record.url),
                            category
                        )
                    }
                    try await output.send(batch)
                    start = end
                }
                await self.count(page.records.count, for: category.name)
            }
        } catch is ChannelClosed {
            return
        } catch is CancellationError {
            return
        } catch {
            let failure = RecordFailure(category: category.name, recordID: nil, stage: .query, reason: "\(error)")
            try? await output.send([.failure(failure)])
        }
    }

    private func count(_ records: Int, for category: String) {
        recordsRead[category, default: 0] += records
    }
}
