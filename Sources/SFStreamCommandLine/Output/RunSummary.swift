import Foundation

/// The counts of a finished `salesforce` or `demo` run, printed as one line on stderr.
///
/// Every record the queries returned counts as read, including deleted and unchanged ones, so
/// the parts after "read:" add up to it. Records a stopped run did not get to are shown as
/// "not finished".
struct RunSummary: Equatable {
    var recordsRead: Int
    var recordsDelivered: Int
    var recordsDeleted: Int
    /// Records skipped because an earlier incremental run delivered them with the same stamp.
    var recordsUnchanged: Int
    var recordsFailed: Int
    var elements: Int
    var retries: Int
    /// Time since the command started, reading the key, login and describe included.
    var seconds: Double

    /// The summary without the command's prefix, such as
    /// `120 records read: 100 delivered, 15 unchanged, 5 failed; 410 elements, 2 retries, 3.2 s`.
    var text: String {
        var head = "\(Self.count(recordsRead, "record", "records")) read"
        var parts = ["\(recordsDelivered) delivered"]
        if recordsDeleted > 0 { parts.append("\(recordsDeleted) deleted") }
        if recordsUnchanged > 0 { parts.append("\(recordsUnchanged) unchanged") }
        parts.append("\(recordsFailed) failed")
        let unfinished = recordsRead - recordsDelivered - recordsDeleted - recordsUnchanged - recordsFailed
        if unfinished > 0 { parts.append("\(unfinished) not finished") }
        // A list of zeros after "0 records read" would add nothing.
        if recordsRead > 0 {
            head += ": " + parts.joined(separator: ", ")
        }

        let tail = [
            Self.count(elements, "element", "elements"),
            Self.count(retries, "retry", "retries"),
            String(format: "%.1f s", seconds),
        ]
        return head + "; " + tail.joined(separator: ", ")
    }

    private static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }
}
