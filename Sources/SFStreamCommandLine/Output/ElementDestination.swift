import Foundation

/// Where a run writes its records: NDJSON on stdout or in one file, or one JSON file a record.
///
/// ``StreamRunner`` calls `write` and `writeDeleted` for the records of a batch, then `flush`.
/// The records of a batch count as delivered (for the state file) once `flush` returns.
/// `finish` ends the run and must be called once.
protocol ElementDestination: AnyObject {
    /// Writes one record's elements.
    func write(_ record: RecordElements) throws
    /// Writes the mark of a deleted record that lets a downstream index remove it.
    func writeDeleted(_ locator: RecordLocator) throws
    /// Writes everything buffered since the last call.
    func flush() throws
    /// Ends the run. With `keepOutput` false (a write failed), output that only this run can
    /// see is discarded so that no file claims records the state file does not.
    func finish(keepOutput: Bool) throws
}

/// The destination chosen with `--output FILE`, `--output-dir DIR`, or neither (stdout).
enum OutputTarget: Equatable {
    case standardOutput
    case file(String)
    case directory(String)

    /// Reads `--output` and `--output-dir`, rejecting both at once, and checks before the run that
    /// the destination can be written.
    static func parse(_ arguments: ParsedArguments) throws -> OutputTarget {
        switch (arguments.value("output"), arguments.value("output-dir")) {
        case (nil, nil):
            return .standardOutput
        case (let file?, nil):
            try PipelineArguments.checkWritableFolder(of: file, option: "--output")
            return .file(file)
        case (nil, let directory?):
            try RecordFileDestination.prepare(directory: directory)
            return .directory(directory)
        case (_?, _?):
            throw UsageError("--output and --output-dir cannot be used together: choose one")
        }
    }

    /// Opens the destination; for `.file`, creates its temporary file.
    func open() throws -> any ElementDestination {
        switch self {
        case .standardOutput: return NDJSONDestination(standardOutput: ())
        case .file(let path): return try NDJSONDestination(replacing: path)
        case .directory(let path): return RecordFileDestination(directory: path)
        }
    }
}
