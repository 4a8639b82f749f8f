import Synchronization

/// One event as a handler received it, with the handler's metadata merged in.
public struct LogEvent: Sendable {
    public let label: String
    public let level: Logger.Level
    public let message: Logger.Message
    public let metadata: Logger.Metadata

    /// Returns the text of one metadata field, or `nil` when the event has none of that name.
    public func field(_ key: String) -> String? {
        metadata[key]?.description
    }
}

/// Keeps every event in memory, for tests that assert on what a component logged.
///
/// ```swift
/// let events = LogEventStore()
/// let logger = Logger(label: "test") { events.handler(label: $0) }
/// ```
public final class LogEventStore: Sendable {
    private let storage = Mutex<[LogEvent]>([])

    public init() {}

    /// Returns a handler that appends to this store and passes every level.
    public func handler(label: String, logLevel: Logger.Level = .trace) -> CollectingLogHandler {
        CollectingLogHandler(label: label, store: self, logLevel: logLevel)
    }

    /// Returns a logger whose events this store collects.
    public func logger(label: String = "test", logLevel: Logger.Level = .trace) -> Logger {
        Logger(label: label) { self.handler(label: $0, logLevel: logLevel) }
    }

    public var events: [LogEvent] {
        storage.withLock { $0 }
    }

    /// Each event as the stderr handler formats it, with the label as prefix.
    public var lines: [String] {
        events.map { LogLineFormat.line(prefix: $0.label, level: $0.level, message: $0.message, metadata: $0.metadata) }
    }

    func append(_ event: LogEvent) {
        storage.withLock { $0.append(event) }
    }
}

/// The handler of a ``LogEventStore``.
public struct CollectingLogHandler: LogHandler {
    public let label: String
    private let store: LogEventStore
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    init(label: String, store: LogEventStore, logLevel: Logger.Level) {
        self.label = label
        self.store = store
        self.logLevel = logLevel
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        store.append(LogEvent(label: label, level: level, message: message, metadata: merged(with: metadata)))
    }
}
