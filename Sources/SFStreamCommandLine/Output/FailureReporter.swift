import Foundation

/// Reports records that produced no elements: one line on stderr each, and one JSON line each
/// in the `--errors` file when given.
public final class FailureReporter {
    private let errorsFile: FileHandle?
    public private(set) var failedRecords = 0
    public private(set) var failedCategories = 0

    /// Opens (creating or truncating) the `--errors` file.
    public init(errorsPath: String?) throws {
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
        writeStandardError("sfstream: error: \(failure.description)")
        guard let errorsFile else { return }
        var object: [String: String] = [
            "category": failure.category, "stage": failure.stage.rawValue, "reason": failure.reason,
        ]
        if let id = failure.recordID { object["id"] = id }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            errorsFile.write(data + Data([UInt8(ascii: "\n")]))
        }
    }

    public func close() {
        try? errorsFile?.close()
    }
}
