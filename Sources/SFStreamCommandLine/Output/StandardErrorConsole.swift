import Synchronization
import SFStreamLogging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that writes to stderr: log lines, the summary and the progress display.
///
/// On a terminal the progress lines sit below everything else and are redrawn in place. A log
/// line first erases them, then is written, then the progress lines are drawn again. All of that
/// is one `write(2)` under one lock, so lines from several threads never garble each other.
final class StandardErrorConsole: LineOutput {
    static let shared = StandardErrorConsole(output: FileDescriptorLineOutput(descriptor: 2))

    private let output: FileDescriptorLineOutput
    /// The progress lines on screen. Each is shorter than the terminal is wide, so it takes one row.
    private let shownProgress = Mutex<[String]>([])

    init(output: FileDescriptorLineOutput) {
        self.output = output
    }

    /// Returns whether stderr is a terminal that supports cursor movement (`TERM` is not `dumb`)
    /// and stdout is not a terminal. Elements written to the same screen would scroll the
    /// progress lines away, and erasing them would then erase elements instead.
    static func canRedrawProgress(environment: [String: String]) -> Bool {
        isatty(2) == 1 && isatty(1) == 0 && environment["TERM"] != "dumb"
    }

    /// The terminal's width in columns, or 80 when it cannot be read.
    static var terminalColumns: Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Writes `line` above the progress lines, which stay on screen.
    func writeLine(_ line: String) {
        shownProgress.withLock { shown in
            output.writeAll(Array((Self.erase(lineCount: shown.count) + line + "\n" + Self.draw(shown)).utf8))
        }
    }

    /// Writes text that already ends in a newline, such as a help text.
    func writeText(_ text: String) {
        shownProgress.withLock { shown in
            output.writeAll(Array((Self.erase(lineCount: shown.count) + text + Self.draw(shown)).utf8))
        }
    }

    /// Replaces the progress lines on screen with `lines`. An empty list erases them.
    func showProgress(_ lines: [String]) {
        shownProgress.withLock { shown in
            guard shown != lines else { return }
            output.writeAll(Array((Self.erase(lineCount: shown.count) + Self.draw(lines)).utf8))
            shown = lines
        }
    }

    /// Moves the cursor to the first progress line and erases to the end of the screen.
    static func erase(lineCount: Int) -> String {
        lineCount == 0 ? "" : "\r\u{1B}[\(lineCount)A\u{1B}[J"
    }

    private static func draw(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }
}
