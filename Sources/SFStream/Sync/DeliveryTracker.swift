import Synchronization

/// Follows which queried records have been delivered, to advance each category's watermark
/// only past records that are out, in query order (`SystemModstamp, Id`).
///
/// Callers may mark records delivered in any order (the pipeline keeps query order, but an
/// embedding program need not), so the watermark is the stamp of the last record of the
/// delivered prefix. A failed record is never marked delivered,
/// so the watermark stops before it and the next run reads it again: a crash or failure re-sends
/// records rather than losing them. Memory grows with the records in flight, not with all records.
public final class DeliveryTracker: Sendable {
    private struct Pending {
        var id: String
        var stamp: String
    }

    private struct CategoryProgress {
        var pending: [Pending] = []
        var head = 0
        var delivered: Set<String> = []
        var state: SyncState.CategoryState?
        var watermarkValue: SalesforceTimestamp?
    }

    private let lookbackSeconds: Int64
    private let progress: Mutex<[String: CategoryProgress]>

    public init(initial: SyncState, lookbackSeconds: Int64) {
        self.lookbackSeconds = lookbackSeconds
        var progress: [String: CategoryProgress] = [:]
        for (name, state) in initial.categories {
            progress[name] = CategoryProgress(state: state, watermarkValue: SalesforceTimestamp(parsing: state.watermark))
        }
        self.progress = Mutex(progress)
    }

    /// Returns whether an earlier run delivered the record with this same `SystemModstamp`.
    public func isUnchanged(category: String, id: String, stamp: String) -> Bool {
        progress.withLock { $0[category]?.state?.recent[id] == stamp }
    }

    /// Registers a record in query order, before it is sent downstream.
    public func register(category: String, id: String, stamp: String) {
        progress.withLock { $0[category, default: CategoryProgress()].pending.append(Pending(id: id, stamp: stamp)) }
    }

    /// Marks a record delivered and advances its category's watermark over the delivered prefix.
    public func markDelivered(category: String, id: String) {
        let lookback = lookbackSeconds
        progress.withLock { all in
            guard var entry = all[category] else { return }
            entry.delivered.insert(id)
            while entry.head < entry.pending.count, entry.delivered.contains(entry.pending[entry.head].id) {
                let record = entry.pending[entry.head]
                entry.delivered.remove(record.id)
                Self.commit(record, to: &entry, lookbackSeconds: lookback)
                entry.head += 1
            }
            if entry.head > 1024, entry.head * 2 > entry.pending.count {
                entry.pending.removeFirst(entry.head)
                entry.head = 0
            }
            all[category] = entry
        }
    }

    /// Returns the state to save: each category's committed watermark and recent records.
    public func snapshot() -> SyncState {
        progress.withLock { all in
            var state = SyncState()
            for (name, entry) in all {
                if let categoryState = entry.state { state.categories[name] = categoryState }
            }
            return state
        }
    }

    private static func commit(_ record: Pending, to entry: inout CategoryProgress, lookbackSeconds: Int64) {
        guard let stamp = SalesforceTimestamp(parsing: record.stamp) else { return }
        var state = entry.state ?? SyncState.CategoryState(watermark: record.stamp)
        if let current = entry.watermarkValue, current > stamp {
            // Only the lookback window can yield a stamp below the watermark; remember the record.
            state.recent[record.id] = record.stamp
            entry.state = state
            return
        }
        state.watermark = record.stamp
        state.recent[record.id] = record.stamp
        entry.watermarkValue = stamp
        // Keep only the records the next run's lookback window will read again.
        let horizon = stamp.adding(seconds: -lookbackSeconds)
        if state.recent.count > 64 {
            state.recent = state.recent.filter { SalesforceTimestamp(parsing: $0.value).map { $0 >= horizon } ?? false }
        }
        entry.state = state
    }
}
