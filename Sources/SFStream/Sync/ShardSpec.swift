/// One of N disjoint slices of each category's `CreatedDate` range, for running N workers that
/// together read every record exactly once.
///
/// The range [from, to) is cut into N equal slices; the first slice has no lower bound and the
/// last no upper bound, so a record outside the range still belongs to exactly one shard.
/// `CreatedDate` never changes, so a record cannot move between shards during a run. All
/// workers must use the same range: pass `--shard-window` when records may be created while the
/// workers start, because a computed range follows the data.
public struct ShardSpec: Sendable, Equatable {
    /// 1-based shard number.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        self.init(index: index, count: count)
    }

    /// Returns the SOQL condition of this shard over `[from, to)`, or `nil` for a single shard.
    public func condition(from: SalesforceTimestamp, to: SalesforceTimestamp, field: String = "CreatedDate") -> String? {
        guard count > 1 else { return nil }
        let span = max(Int64(count), to.millisecondsSince1970 - from.millisecondsSince1970)
        func boundary(_ slice: Int) -> SalesforceTimestamp {
            // Whole seconds, because SOQL datetime literals have no fraction.
            let offset = span * Int64(slice) / Int64(count)
            let milliseconds = from.millisecondsSince1970 + offset
            return SalesforceTimestamp(millisecondsSince1970: milliseconds - ((milliseconds % 1000) + 1000) % 1000)
        }
        var parts: [String] = []
        if index > 1 { parts.append("\(field) >= \(boundary(index - 1).soqlLiteral)") }
        if index < count { parts.append("\(field) < \(boundary(index).soqlLiteral)") }
        return parts.joined(separator: " AND ")
    }
}
