/// The parse stage: renders each record into elements on `workers` parallel tasks.
///
/// A record's elements stay together and in document order, and batches leave in the order
/// they arrived, so the output does not depend on which worker finished first.
actor PartitionStage {
    private let workers: Int
    /// False when a chunk stage follows, because chunk ids do not depend on element ids.
    private let assignsIDs: Bool

    init(workers: Int, assignsIDs: Bool) {
        self.workers = workers
        self.assignsIDs = assignsIDs
    }

    func run(input: BoundedChannel<[StageItem]>, output: BoundedChannel<[RecordOutput]>) async {
        let assignsIDs = self.assignsIDs
        // A window of four batches a worker lets the other workers go on past one slow record.
        await orderedConcurrentMap(input: input, output: output, workers: workers, window: 4 * workers) { batch in
            [batch.map { Self.render($0, assignsIDs: assignsIDs) }]
        }
    }

    static func render(_ item: StageItem, assignsIDs: Bool = true) -> RecordOutput {
        switch item {
        case .failure(let failure):
            return .failure(failure)
        case .deleted(let locator):
            return .deleted(locator)
        case .record(let envelope, let category):
            var renderer = RecordRenderer(category: category)
            renderer.assignsIDs = assignsIDs
            if let field = renderer.oversizedField(in: envelope) {
                let reason =
                    "field \(field.name) is \(field.bytes) bytes, over the limit of "
                    + "\(RecordRenderer.maximumFieldBytes) bytes for one partitioned field; the record was skipped"
                return .failure(
                    RecordFailure(category: category.name, recordID: envelope.id, stage: .partition, reason: reason))
            }
            let elements = renderer.render(envelope)
            // A record must end as elements or as a reported failure, never as nothing.
            guard !elements.isEmpty else {
                return .failure(RecordFailure(
                    category: envelope.category, recordID: envelope.id, stage: .partition,
                    reason: "the record has no text: every field read (\(category.fields.joined(separator: ", "))) is empty or holds no visible text"
                ))
            }
            return .elements(RecordElements(locator: envelope.locator, elements: elements))
        }
    }
}
