/// The chunk stage: chunks each record's elements on their own, so that no chunk mixes two
/// records. Passes elements through unchanged when chunking is off.
actor ChunkStage {
    private let chunker: Chunker?
    private let progress: PipelineProgress

    init(options: ChunkingOptions?, progress: PipelineProgress) {
        self.chunker = options.map { Chunker(options: $0) }
        self.progress = progress
    }

    func run(input: BoundedChannel<[RecordOutput]>, output: BoundedChannel<[RecordOutput]>) async {
        let chunker = self.chunker
        do {
            for try await batch in input {
                guard let chunker else {
                    progress.addDelivered(batch)
                    try await output.send(batch)
                    continue
                }
                let chunked = batch.map { item -> RecordOutput in
                    guard case .elements(var record) = item else { return item }
                    record.elements = chunker.chunk(record.elements)
                    return .elements(record)
                }
                // Counted before the send, so a consumer never receives a record not yet counted.
                progress.addDelivered(chunked)
                try await output.send(chunked)
            }
        } catch {
            input.cancel()
        }
        output.finish()
    }
}
