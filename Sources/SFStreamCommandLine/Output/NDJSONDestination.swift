import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes elements as NDJSON lines, and tombstone lines for deleted records, to stdout or to a
/// file.
///
/// A regular file is written under a temporary name in its folder and renamed over `path` when
/// the run ends, so a reader never sees a half-written run and a failed run leaves the previous
/// file. A symbolic link is followed, so the rename replaces the file it points to, and the
/// replacement keeps the old file's permissions. A path that names a device, a FIFO or a socket
/// (`/dev/null`, a named pipe) is written directly, as stdout is.
/// NOTE: a process killed with SIGKILL leaves the temporary file `.<name>.<pid>.tmp` behind.
final class NDJSONDestination: ElementDestination {
    private let writer: FileDescriptorWriter
    private var json = ElementJSONWriter(reservingCapacity: 1 << 16)
    private let target: Target

    /// The destination of the lines.
    private enum Target {
        case standardOutput
        /// A device, FIFO or socket, written directly and closed at the end.
        case special(descriptor: Int32)
        /// A regular file, written as `temporaryPath` and renamed to `path` at the end.
        case replacement(path: String, temporaryPath: String, descriptor: Int32)
    }

    init(standardOutput: Void) {
        writer = FileDescriptorWriter(descriptor: 1)
        target = .standardOutput
    }

    /// Creates the temporary file beside `path` (or beside the file a link at `path` points to),
    /// or opens `path` itself when it is not a regular file.
    init(replacing path: String) throws {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var status = stat()
        let exists = stat(url.path, &status) == 0
        if exists && (status.st_mode & S_IFMT) != S_IFREG {
            let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw OutputClosed(code: errno, target: "'\(path)'")
            }
            writer = FileDescriptorWriter(descriptor: descriptor, target: "'\(path)'")
            target = .special(descriptor: descriptor)
            return
        }
        let temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputClosed(code: errno, target: "'\(temporaryPath)'")
        }
        if exists {
            _ = fchmod(descriptor, status.st_mode & 0o7777)
        }
        writer = FileDescriptorWriter(descriptor: descriptor, target: "'\(temporaryPath)'")
        target = .replacement(path: url.path, temporaryPath: temporaryPath, descriptor: descriptor)
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
        switch target {
        case .standardOutput:
            return
        case .special(let descriptor):
            close(descriptor)
        case .replacement(let path, let temporaryPath, let descriptor):
            defer { close(descriptor) }
            guard keepOutput else {
                unlink(temporaryPath)
                return
            }
            // The state file is saved after this returns, so the lines must be on disk first.
            guard fsync(descriptor) == 0, rename(temporaryPath, path) == 0 else {
                let code = errno
                unlink(temporaryPath)
                throw OutputClosed(code: code, target: "'\(path)'")
            }
        }
    }
}
