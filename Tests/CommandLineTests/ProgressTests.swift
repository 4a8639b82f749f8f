import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The progress display of `demo`, on a pipe, with `--quiet`, and on a pseudo-terminal.
///
/// Each run reads EmailMessage in query pages of 10 records from an emulated org that delays
/// every response by 100 ms. It therefore lasts at least the 400 ms of its four pages, which is
/// longer than the intervals set here (100 ms plain, 250 ms on a terminal).
@Suite(.timeLimit(.minutes(10))) struct ProgressTests {
    static let slowRun = [
        "demo", "--categories", "EmailMessage", "--records", "40", "--page-size", "10",
        "--fetch-batch-size", "5", "--latency-ms", "100",
    ]
    static let shortInterval = ["SFSTREAM_PROGRESS_INTERVAL": "0.1"]

    @Test func plainLinesWhenStderrIsPipe() async throws {
        let result = try await ToolProcess.run(Self.slowRun, environment: Self.shortInterval)
        #expect(result.status == 0, "\(result.stderr)")
        let progress = result.stderrLines.filter { $0.hasPrefix("sfstream demo: progress: ") }
        #expect(!progress.isEmpty, "\(result.stderr)")
        for line in progress {
            #expect(line.contains(" records read, "), "\(line)")
            #expect(line.contains(" elements, "), "\(line)")
            #expect(line.contains(" records/s"), "\(line)")
        }
        #expect(progress.contains { $0.contains("API usage ") && $0.contains("/100000") })
        #expect(!result.stderr.contains("\u{1B}"))
        let summary = try #require(result.stderrLines.last)
        #expect(summary.hasPrefix("sfstream demo: 40 records read: 40 delivered"))
    }

    @Test func quietPrintsOnlySummary() async throws {
        let result = try await ToolProcess.run(Self.slowRun + ["--quiet"], environment: Self.shortInterval)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("sfstream demo: 40 records read: 40 delivered") == true)
    }

    @Test func invalidIntervalIsUsageError() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "1"], environment: ["SFSTREAM_PROGRESS_INTERVAL": "soon"])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 3, "\(result.stderr)")
        #expect(result.stderrLines.first?.contains("invalid value 'soon' for SFSTREAM_PROGRESS_INTERVAL") == true)
    }

    @Test func terminalRedrawsThenPrintsSummaryAlone() async throws {
        let output = try await ToolProcess.blocking { try Self.runOnPseudoTerminal(Self.slowRun) }
        #expect(output.status == 0, "\(output.text)")
        let erase = "\r\u{1B}[1A\u{1B}[J"
        #expect(output.text.contains("sfstream demo: EmailMessage: "), "\(output.text)")
        #expect(output.text.contains(erase), "\(output.text)")

        // After the last erase only the summary remains, on a line of its own.
        let tail = try #require(output.text.components(separatedBy: erase).last)
        let lines = tail.split(separator: "\n").map { $0.trimmingCharacters(in: .init(charactersIn: "\r")) }
        #expect(lines.count == 1, "\(tail)")
        #expect(lines.first?.hasPrefix("sfstream demo: 40 records read: 40 delivered") == true, "\(tail)")
        // A terminal turns "\n" into "\r\n", which Swift counts as one character.
        #expect(tail.unicodeScalars.last == "\n")
    }

    /// Runs the tool with stderr on a new pseudo-terminal and returns what the terminal received.
    static func runOnPseudoTerminal(_ arguments: [String]) throws -> (status: Int32, text: String) {
        var primary: Int32 = -1
        var secondary: Int32 = -1
        guard openpty(&primary, &secondary, nil, nil, nil) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ENOTTY)
        }

        let process = Process()
        process.executableURL = ToolProcess.executable
        process.arguments = arguments
        process.environment = ToolProcess.environment(["TERM": "xterm"])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        try process.run()
        close(secondary)

        // Linux returns EIO from the primary side once the tool, the last holder of the
        // secondary side, has exited.
        let received = Mutex<[UInt8]>([])
        let reader = Thread { [primary] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(primary, &buffer, buffer.count)
                if count > 0 {
                    received.withLock { $0.append(contentsOf: buffer[0..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        reader.start()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        close(primary)
        return (process.terminationStatus, String(decoding: received.withLock { $0 }, as: UTF8.self))
    }
}
