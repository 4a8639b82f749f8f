import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one JSON file a record, laid out as unstructured-ingest's local destination does:
/// `DIR/<sObject>/<Id><extension>.json`, holding a JSON array of the record's element objects
/// indented by two spaces.
///
/// The extension is the one unstructured-ingest's Salesforce source gives the file it partitions:
/// `.eml` for `EmailMessage` and `.xml` for every other sObject (it accepts only `Account`,
/// `Campaign`, `Case` and `Lead` besides). Each file is written under a temporary name in the
/// same folder and renamed into place, so a reader sees the old file or the new one, never a
/// part. A deleted record removes its file.
final class RecordFileDestination: ElementDestination {
    private let directory: URL

    init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    /// Creates `directory` (and its parents) if needed and checks that it is a writable folder.
    static func prepare(directory: String) throws {
        guard !directory.isEmpty else { throw UsageError("--output-dir is empty: give a folder path") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw UsageError("--output-dir '\(directory)' is a file: give a folder path")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw UsageError("--output-dir '\(directory)' could not be created: \(error.localizedDescription)")
            }
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw UsageError("--output-dir '\(directory)' is not writable by this user")
        }
    }

    /// Returns the file name unstructured-ingest gives a record's output: `<Id><extension>.json`.
    static func fileName(category: String, id: String) -> String {
        id + (category == "EmailMessage" ? ".eml" : ".xml") + ".json"
    }

    func write(_ record: RecordElements) throws {
        let folder = try categoryFolder(record.category)
        let name = Self.fileName(category: record.category, id: try Self.checkedComponent(record.recordID))
        try Self.writeAtomically(IndentedJSON.array(of: record.elements), to: folder.appendingPathComponent(name))
    }

    func writeDeleted(_ locator: RecordLocator) throws {
        let folder = directory.appendingPathComponent(try Self.checkedComponent(locator.category), isDirectory: true)
        let path = folder.appendingPathComponent(Self.fileName(category: locator.category, id: try Self.checkedComponent(locator.id))).path
        if unlink(path) != 0 && errno != ENOENT {
            throw OutputClosed(code: errno, target: "'\(path)'")
        }
    }

    /// Files are complete when `write` returns.
    func flush() throws {}

    func finish(keepOutput: Bool) throws {}

    private func categoryFolder(_ category: String) throws -> URL {
        let folder = directory.appendingPathComponent(try Self.checkedComponent(category), isDirectory: true)
        if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            throw OutputClosed(code: errno, target: "'\(folder.path)'")
        }
        return folder
    }

    /// Returns `name` when it can be one path component. sObject names and record Ids never
    /// contain `/` or start with `.`, so this only rejects a malformed response.
    private static func checkedComponent(_ name: String) throws -> String {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw OutputClosed(code: EINVAL, target: "a file named after '\(name)'")
        }
        return name
    }

    /// Writes `bytes` to a temporary file in the same folder as `url`, then renames it to `url`.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let temporaryPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputClosed(code: errno, target: "'\(temporaryPath)'") }
        let writer = FileDescriptorWriter(descriptor: descriptor, target: "'\(temporaryPath)'")
        writer.append(bytes)
        do {
            try writer.flush()
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, url.path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw OutputClosed(code: code, target: "'\(url.path)'")
        }
    }
}
