import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes elements as NDJSON lines, and tombstone lines for deleted records, to stdout or to a
/// file.
///
/// A file is written under a temporary name in its folder and renamed over `path` when the run
/// ends, so a reader never sees a half-written run and a failed run leaves the previous file.
/// NOTE: a process killed with SIGKILL leaves the temporary file `.<name>.<pid>.tmp` behind.
final class NDJSONDestination: ElementDestination {
    private let writer: FileDescriptorWriter
    private var json = ElementJSONWriter(reservingCapacity: 1 << 16)
    /// The file to replace and the temporary file being written; `nil` for stdout.
    private let file: (path: String, temporaryPath: String, descriptor: Int32)?

    init(standardOutput: Void) {
        writer = FileDescriptorWriter(descriptor: 1)
        file = nil
    }

    /// Creates the temporary file beside `path`.
    init(replacing path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputClosed(code: errno, target: "'\(temporaryPath)'")
        }
        writer = FileDescriptorWriter(descriptor: descriptor, target: "'\(temporaryPath)'")
        file = (path, temporaryPath, descriptor)
    }

    func write(_ record: RecordElements) throws {
        for element in record.elements {
            json.write(element)
        }
    }

    func writeDeleted(_ locator: RecordLocator) throws {
        json.writeTombstone(category: locator.category, id: locator.id, url: locator.url)
    }

    func flush() throws {
        writer.append(json.buffer)
        json.removeAll()
        try writer.flush()
    }

    func finish(keepOutput: Bool) throws {
        guard let file else { return }
        defer { close(file.descriptor) }
        guard keepOutput else {
            unlink(file.temporaryPath)
            return
        }
        // The state file is saved after this returns, so the lines must be on disk first.
        guard fsync(file.descriptor) == 0, rename(file.temporaryPath, file.path) == 0 else {
            let code = errno
            unlink(file.temporaryPath)
            throw OutputClosed(code: code, target: "'\(file.path)'")
        }
    }
}
