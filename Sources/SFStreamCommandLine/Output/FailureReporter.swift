import Foundation
import SFStreamLogging

/// Reports records that produced no elements: one line on stderr each, and one JSON line each
/// in the `--errors` file when given.
public final class FailureReporter {
    private let errorsFile: FileHandle?
    private let logger: Logger
    public private(set) var failedRecords = 0
    public private(set) var failedCategories = 0
    /// Failures seen per stage and reason, so that a reason repeated for many records (a host
    /// gone down mid-run) prints a few lines and a count instead of one line per record.
    private var countsByReason: [String: Int] = [:]

    /// Lines printed on stderr for one stage and reason; the `--errors` file gets every failure.
    static let linesPerReason = 10
    /// Characters of the reason repeated in the closing count line. The lines above show it in full.
    static let reasonLength = 120

    /// Opens (creating or truncating) the `--errors` file.
    public init(errorsPath: String?, logger: Logger) throws {
        self.logger = logger
        if let errorsPath {
            guard FileManager.default.createFile(atPath: errorsPath, contents: nil) else {
                throw UsageError("cannot create the --errors file '\(errorsPath)': check that its folder exists and is writable")
            }
            errorsFile = FileHandle(forWritingAtPath: errorsPath)
        } else {
            errorsFile = nil
        }
    }

    public func report(_ failure: RecordFailure) {
        if failure.recordID == nil {
            failedCategories += 1
        } else {
            failedRecords += 1
        }
        let reasonKey = "\(failure.stage.rawValue): \(failure.reason)"
        let seen = countsByReason[reasonKey, default: 0] + 1
        countsByReason[reasonKey] = seen
        if seen <= Self.linesPerReason {
            // The line names the record in words, as `--errors` readers and earlier versions
            // expect, rather than as a constant message with fields.
            logger.error("\(failure.description)")
        }
        guard let errorsFile else { return }
        var object: [String: String] = [
            "category": failure.category, "stage": failure.stage.rawValue, "reason": failure.reason,
        ]
        if let id = failure.recordID { object["id"] = id }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            errorsFile.write(data + Data([UInt8(ascii: "\n")]))
        }
    }

    /// Prints how many failures each repeated reason had beyond the lines shown, then closes
    /// the `--errors` file. Call it once, before the run's summary line.
    public func close() {
        for (reason, count) in countsByReason.sorted(by: { $0.key < $1.key }) where count > Self.linesPerReason {
            let advice = errorsFile == nil ? "use --errors FILE to list them all" : "all are in the --errors file"
            let shownReason = reason.count > Self.reasonLength ? reason.prefix(Self.reasonLength) + "…" : reason
            let more = count - Self.linesPerReason
            logger.error("\(more) more \(more == 1 ? "record" : "records") failed with the same reason (\(shownReason)); \(advice)")
        }
        try? errorsFile?.close()
    }
}
