/// Receives a ``Logger``'s events and decides where they go, with swift-log's requirements.
///
/// A handler is a value copied into each logger, so one that writes somewhere shared (stderr, a
/// collector) keeps that destination in a reference it shares between copies, and must be safe
/// to call from several threads at once.
public protocol LogHandler: Sendable {
    /// Handles one event at or above ``logLevel``. The `metadata` argument contains only the event's own fields.
    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    )

    subscript(metadataKey key: String) -> Logger.Metadata.Value? { get set }

    /// Metadata sent with every event, merged under the event's own fields.
    var metadata: Logger.Metadata { get set }

    var logLevel: Logger.Level { get set }
}

extension LogHandler {
    /// Reads and writes one key of ``metadata``. swift-log has no such default, but every handler
    /// here stores its metadata in that one property.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Returns the handler's metadata overlaid with an event's fields, which win on a shared key.
    public func merged(with event: Logger.Metadata?) -> Logger.Metadata {
        guard let event, !event.isEmpty else { return metadata }
        return metadata.merging(event) { $1 }
    }
}

/// A handler that drops every event, the default of libraries whose caller configures no logging.
public struct NoOpLogHandler: LogHandler {
    public init() {}

    public func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    public var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    public var logLevel: Logger.Level {
        get { .critical }
        set {}
    }
}

extension Logger {
    /// Returns a logger that drops every event.
    public static func disabled(label: String = "disabled") -> Logger {
        Logger(label: label) { _ in NoOpLogHandler() }
    }
}
