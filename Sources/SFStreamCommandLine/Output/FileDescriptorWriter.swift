#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thrown when writing the output failed: the reader has gone away (`sfstream … | head`,
/// `EPIPE`) or the output cannot be written (`ENOSPC` on a full disk, `EIO`).
public struct OutputClosed: Error, CustomStringConvertible {
    /// The `errno` of the failed system call.
    public var code: Int32
    /// The output being written: `stdout`, or a quoted file path.
    public var target: String

    public init(code: Int32, target: String = "stdout") {
        self.code = code
        self.target = target
    }

    /// Whether the reader closed the pipe, which ends a run quietly.
    public var isBrokenPipe: Bool { code == EPIPE }

    public var description: String {
        "cannot write to \(target): \(String(cString: strerror(code)))"
    }
}

/// Writes whole NDJSON lines to a file descriptor with `write(2)`, so that a line is either
/// written completely or, when the reader has gone away, not started.
///
/// Buffered `print` is not used anywhere on stdout: mixing it with `write(2)` reorders output.
public final class FileDescriptorWriter {
    private let descriptor: Int32
    /// Named in ``OutputClosed`` when a write fails.
    private let target: String
    private var buffer: [UInt8] = []

    public init(descriptor: Int32, target: String = "stdout") {
        self.descriptor = descriptor
        self.target = target
        buffer.reserveCapacity(1 << 16)
    }

    public func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    public func append(line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Writes everything buffered. Retries short writes and `EINTR`.
    ///
    /// - Throws: ``OutputClosed`` when `write(2)` fails, `EPIPE` included (SIGPIPE must be
    ///   ignored by the process).
    public func flush() throws(OutputClosed) {
        var offset = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw OutputClosed(code: code, target: target)
            }
            offset += written
        }
    }
}
