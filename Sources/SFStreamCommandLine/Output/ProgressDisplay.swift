import Dispatch
import Foundation
import Synchronization

/// Shows a running pipeline's counters on stderr.
///
/// On a terminal: one line per running category, redrawn in place 4 times a second.
/// Otherwise: one plain line for the whole run at each interval (default 10 s), so a log file
/// gets a few lines a minute. The display runs on a dispatch timer of its own, off the Swift
/// concurrency pool.
final class ProgressDisplay: Sendable {
    enum Mode: Sendable, Equatable {
        case terminal
        /// One line per `interval` seconds.
        case plain(interval: Double)
        case off
    }

    /// Seconds between plain progress lines when stderr is not a terminal.
    static let defaultPlainInterval = 10.0
    /// Seconds between redraws on a terminal.
    static let terminalInterval = 0.25

    private let mode: Mode
    private let prefix: String
    private let progress: PipelineProgress
    private let client: SalesforceClient
    private let console: StandardErrorConsole
    private let started = ContinuousClock.now
    private let queue = DispatchQueue(label: "sfstream.progress")
    /// Created by ``start()``: libdispatch traps when a timer that was never resumed is released.
    private let timer = Mutex<(any DispatchSourceTimer)?>(nil)

    init(mode: Mode, prefix: String, progress: PipelineProgress, client: SalesforceClient, console: StandardErrorConsole = .shared) {
        self.mode = mode
        self.prefix = prefix
        self.progress = progress
        self.client = client
        self.console = console
    }

    func start() {
        let interval: Double
        switch mode {
        case .off: return
        case .terminal: interval = Self.terminalInterval
        case .plain(let seconds): interval = seconds
        }
        timer.withLock { timer in
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + interval, repeating: interval)
            source.setEventHandler { [self] in tick() }
            source.resume()
            timer = source
        }
    }

    /// Stops the timer and erases the terminal lines, so the summary follows on a clean line.
    func stop() {
        let wasRunning = timer.withLock { timer -> Bool in
            guard let source = timer.take() else { return false }
            source.cancel()
            return true
        }
        guard wasRunning else { return }
        // Cancelling does not wait for a handler already running: wait for it on its queue, so
        // that no progress line follows the summary.
        queue.sync {}
        console.showProgress([])
    }

    private func tick() {
        let snapshot = progress.snapshot()
        let usage = client.statistics().apiUsage
        let seconds = Self.seconds(started.duration(to: .now))
        switch mode {
        case .terminal:
            let width = StandardErrorConsole.terminalColumns - 1
            console.showProgress(Self.terminalLines(prefix: prefix, snapshot: snapshot, apiUsage: usage, seconds: seconds).map {
                String($0.prefix(max(1, width)))
            })
        case .plain:
            console.writeLine(Self.plainLine(prefix: prefix, snapshot: snapshot, apiUsage: usage, seconds: seconds))
        case .off:
            break
        }
    }

    /// Returns one line per running category:
    /// `sfstream demo: Case: 120 records read, 340 elements, 85.3 records/s, API usage 14/100000`.
    static func terminalLines(prefix: String, snapshot: PipelineProgress.Snapshot, apiUsage: APIUsage?, seconds: Double) -> [String] {
        snapshot.categories.filter(\.isRunning).map { category in
            "\(prefix): \(category.name): \(counts(records: category.recordsRead, elements: category.elements, seconds: seconds))"
                + usageText(apiUsage)
        }
    }

    /// Returns one line for the whole run, with the records read by each running category:
    /// `sfstream demo: progress: 480 records read, 1200 elements, 95.2 records/s, API usage 30/100000; running: Case 120, Lead 80`.
    static func plainLine(prefix: String, snapshot: PipelineProgress.Snapshot, apiUsage: APIUsage?, seconds: Double) -> String {
        var line = "\(prefix): progress: \(counts(records: snapshot.recordsRead, elements: snapshot.elements, seconds: seconds))"
            + usageText(apiUsage)
        let running = snapshot.categories.filter(\.isRunning).map { "\($0.name) \($0.recordsRead)" }
        line += running.isEmpty ? "; writing the last records" : "; running: " + running.joined(separator: ", ")
        return line
    }

    private static func counts(records: Int, elements: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(records) / seconds : 0
        return "\(records) records read, \(elements) elements, " + String(format: "%.1f records/s", rate)
    }

    private static func usageText(_ usage: APIUsage?) -> String {
        usage.map { ", API usage \($0.used)/\($0.limit)" } ?? ""
    }

    static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension ProgressDisplay {
    /// The environment variable that sets the seconds between plain progress lines. It exists for
    /// tests, which need a line within a short run; it is not in the help text.
    static let plainIntervalVariable = "SFSTREAM_PROGRESS_INTERVAL"

    /// Returns `.off` with `--quiet`, `.terminal` when stderr is a terminal and stdout is not, else `.plain`.
    ///
    /// - Throws: ``UsageError`` when `SFSTREAM_PROGRESS_INTERVAL` is not a number of seconds from 0.05 to 86400.
    static func mode(for log: CommandLog, environment: [String: String]) throws(UsageError) -> Mode {
        if log.quiet { return .off }
        if StandardErrorConsole.canRedrawProgress(environment: environment) { return .terminal }
        guard let text = environment[plainIntervalVariable], !text.isEmpty else {
            return .plain(interval: defaultPlainInterval)
        }
        guard let seconds = Double(text), (0.05...86_400).contains(seconds) else {
            throw UsageError("invalid value '\(text)' for \(plainIntervalVariable): expected seconds from 0.05 to 86400")
        }
        return .plain(interval: seconds)
    }
}
