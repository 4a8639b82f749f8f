#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for whole lines of text, such as stderr.
///
/// Implementations write each line at once, so that lines from several threads never interleave.
public protocol LineOutput: Sendable {
    /// Writes `line` followed by a newline.
    func writeLine(_ line: String)
}

/// Writes each line to a file descriptor (stderr by default) with a single `write(2)` call.
///
/// POSIX makes a write of up to `PIPE_BUF` bytes (4,096 on Linux) to a pipe atomic. A longer
/// line, or one cut short by a full disk, continues with a second call, and another thread's
/// line may then come between the two parts.
public struct FileDescriptorLineOutput: LineOutput {
    public let descriptor: Int32

    public init(descriptor: Int32 = 2) {
        self.descriptor = descriptor
    }

    public func writeLine(_ line: String) {
        writeAll(Array((line + "\n").utf8))
    }

    /// Writes `bytes` whole, continuing after short writes and `EINTR`. Other errors drop the
    /// rest: there is nowhere left to report a failing stderr.
    public func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
