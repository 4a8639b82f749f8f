import Synchronization

/// The first reason a run must stop before reading every record, shared by the query and fetch
/// stages. Either may find one: API usage at the `--max-api-usage` threshold, or
/// `REQUEST_LIMIT_EXCEEDED` in answer to a query page or a body request.
final class RunStop: Sendable {
    private let reason = Mutex<QueryStage.StopReason?>(nil)

    /// Records `newReason` unless a reason is already recorded.
    func request(_ newReason: QueryStage.StopReason) {
        reason.withLock { current in
            if current == nil { current = newReason }
        }
    }

    var current: QueryStage.StopReason? { reason.withLock { $0 } }

    /// Records the API allowance stop when the org's usage, as the client's last response
    /// reported it, is at `maxUsagePercent` of its daily limit or above (`--max-api-usage`).
    func checkUsage(of client: SalesforceClient, maxUsagePercent: Double?) {
        guard let maxUsagePercent, let usage = client.statistics().apiUsage, usage.limit > 0,
            Double(usage.used) * 100 >= maxUsagePercent * Double(usage.limit)
        else { return }
        request(.apiAllowance(used: usage.used, limit: usage.limit))
    }
}
