import Synchronization

extension SalesforcePipeline {
    /// Returns the run's output as an asynchronous sequence with one ``RecordOutput`` a record.
    ///
    /// Iterating starts a run, and each new iteration starts another. A record that produced no
    /// elements arrives as ``RecordOutput/failure(_:)``, so one bad record never ends the
    /// sequence. Breaking out of the loop, or dropping the iterator, cancels the run.
    ///
    /// ```swift
    /// let records = pipeline.records()
    /// for try await record in records {
    ///     if case .elements(let elements) = record { index(elements) }
    /// }
    /// let statistics = await records.statistics()
    /// ```
    ///
    /// The sequence does not mark records delivered: with a ``PipelineConfiguration/tracker``,
    /// call ``DeliveryTracker/markDelivered(category:id:)`` once a record is stored, then save
    /// the tracker's snapshot.
    public func records() -> PipelineRecords {
        PipelineRecords(pipeline: self)
    }

    /// Returns the elements of every record as one asynchronous sequence, record after record,
    /// each record's elements in document order.
    ///
    /// Deleted records (with ``PipelineConfiguration/includeDeleted``) are skipped, because an
    /// element cannot express a deletion: use ``records()`` to receive them. Each failed record
    /// or category is passed to `onFailure` on the iterating task, as it arrives.
    public func elements(onFailure: @escaping @Sendable (RecordFailure) -> Void = { _ in }) -> PipelineElements {
        PipelineElements(records: records(), onFailure: onFailure)
    }
}

/// The records of a ``SalesforcePipeline`` run, as returned by ``SalesforcePipeline/records()``.
///
/// `next()` throws only `CancellationError`, when the iterating task is cancelled. The run is
/// cancelled with it.
public struct PipelineRecords: AsyncSequence, Sendable {
    public typealias Element = RecordOutput

    let pipeline: SalesforcePipeline
    let lastRun = LastRunTask()

    init(pipeline: SalesforcePipeline) {
        self.pipeline = pipeline
    }

    /// Waits for the most recently started run to end and returns its statistics; `nil` when
    /// the sequence was never iterated.
    ///
    /// Call it after the loop: during iteration it waits until the records are consumed.
    public func statistics() async -> PipelineStatistics? {
        guard let task = lastRun.task.withLock({ $0 }) else { return nil }
        return await task.value
    }

    public func makeAsyncIterator() -> Iterator {
        let run = PipelineRunHandle(pipeline: pipeline)
        lastRun.task.withLock { $0 = run.task }
        return Iterator(run: run)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let run: PipelineRunHandle
        var batch: [RecordOutput] = []
        var position = 0

        init(run: PipelineRunHandle) {
            self.run = run
        }

        public mutating func next() async throws -> RecordOutput? {
            while position == batch.count {
                do {
                    guard let received = try await run.output.receive() else { return nil }
                    batch = received
                    position = 0
                } catch {
                    run.cancel()
                    throw error
                }
            }
            defer { position += 1 }
            return batch[position]
        }
    }
}

/// The elements of a ``SalesforcePipeline`` run, as returned by ``SalesforcePipeline/elements(onFailure:)``.
///
/// `next()` throws only `CancellationError`, when the iterating task is cancelled.
public struct PipelineElements: AsyncSequence, Sendable {
    public typealias Element = SFStreamElements.Element

    let records: PipelineRecords
    let onFailure: @Sendable (RecordFailure) -> Void

    /// Waits for the most recently started run to end and returns its statistics; `nil` when
    /// the sequence was never iterated.
    public func statistics() async -> PipelineStatistics? {
        await records.statistics()
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(records: records.makeAsyncIterator(), onFailure: onFailure)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var records: PipelineRecords.Iterator
        let onFailure: @Sendable (RecordFailure) -> Void
        var elements: [SFStreamElements.Element] = []
        var position = 0

        public mutating func next() async throws -> SFStreamElements.Element? {
            while position == elements.count {
                guard let record = try await records.next() else { return nil }
                switch record {
                case .elements(let recordElements):
                    elements = recordElements.elements
                    position = 0
                case .deleted:
                    continue
                case .failure(let failure):
                    onFailure(failure)
                }
            }
            defer { position += 1 }
            return elements[position]
        }
    }
}

/// One run started by iterating a ``PipelineRecords``: the output channel and the task running
/// the stages. Dropping the last reference cancels the run, so a consumer that stops early
/// never leaves the stages running.
final class PipelineRunHandle: Sendable {
    let output: BoundedChannel<[RecordOutput]>
    let task: Task<PipelineStatistics, Never>

    init(pipeline: SalesforcePipeline) {
        let output = BoundedChannel<[RecordOutput]>(capacity: pipeline.configuration.channelCapacity)
        self.output = output
        task = Task { await pipeline.run(into: output) }
    }

    func cancel() {
        output.cancel()
        task.cancel()
    }

    deinit {
        cancel()
    }
}

/// The task of the most recent run of a ``PipelineRecords``, for its statistics. It keeps a
/// reference to the task only, because the run itself must end when its iterator is dropped.
final class LastRunTask: Sendable {
    let task = Mutex<Task<PipelineStatistics, Never>?>(nil)
}
