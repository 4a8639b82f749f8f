/// A named source of log events, shaped like `Logging.Logger` from swift-log so that a later
/// switch to that package changes imports, not call sites.
///
/// Messages are constant text, and what varies (an Id, a path, an attempt) goes into `metadata`:
///
/// ```swift
/// logger.warning("retrying request", metadata: ["method": "GET", "attempt": "2"])
/// ```
///
/// A `Logger` is a value: copies share the handler's output but not later changes to
/// `logLevel` or `metadata`.
public struct Logger: Sendable {
    /// The name of the component that logs, such as `sfstream.salesforce`.
    public let label: String
    public var handler: any LogHandler

    /// Creates a logger whose handler comes from the factory given to ``LoggingSystem/bootstrap(_:)``.
    public init(label: String) {
        self.init(label: label, factory: LoggingSystem.factory)
    }

    /// Creates a logger with a handler of its own, leaving the process-wide factory alone.
    public init(label: String, factory: (String) -> any LogHandler) {
        self.label = label
        self.handler = factory(label)
    }

    /// The minimum level this logger passes to its handler.
    public var logLevel: Level {
        get { handler.logLevel }
        set { handler.logLevel = newValue }
    }

    /// Metadata added to every event this logger sends.
    public subscript(metadataKey key: String) -> Metadata.Value? {
        get { handler[metadataKey: key] }
        set { handler[metadataKey: key] = newValue }
    }

    /// Sends one event to the handler when `level` is at or above ``logLevel``. The message and
    /// metadata closures run only then.
    public func log(
        level: Level, _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        guard level >= logLevel else { return }
        handler.log(
            level: level, message: message(), metadata: metadata(), source: source() ?? Self.module(of: file),
            file: file, function: function, line: line
        )
    }

    /// Returns the module part of a `#fileID` (`SFStreamSalesforce/Send.swift`), which swift-log uses as the default source.
    static func module(of fileID: String) -> String {
        fileID.split(separator: "/", maxSplits: 1).first.map(String.init) ?? "n/a"
    }
}

extension Logger {
    public func trace(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .trace, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }

    public func debug(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .debug, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }

    public func info(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .info, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }

    public func notice(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .notice, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }

    public func warning(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .warning, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }

    public func error(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .error, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }

    public func critical(
        _ message: @autoclosure () -> Message, metadata: @autoclosure () -> Metadata? = nil,
        source: @autoclosure () -> String? = nil, file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        log(level: .critical, message(), metadata: metadata(), source: source(), file: file, function: function, line: line)
    }
}
