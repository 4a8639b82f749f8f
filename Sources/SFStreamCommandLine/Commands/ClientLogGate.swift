import SFStreamLogging
import Synchronization

/// Holds back the client's log lines until the run has started, so that a failed start prints
/// one line (the error) rather than every retry before it. At `info` and below everything shows
/// from the start, token requests included.
final class ClientLogGate: Sendable {
    private let state = Atomic<Bool>(false)

    var isOpen: Bool { state.load(ordering: .relaxed) }

    func open() {
        state.store(true, ordering: .relaxed)
    }

    /// Returns `logger` with its events dropped while the gate is closed, unless its level is `info` or lower.
    func gatedLogger(_ logger: Logger) -> Logger {
        var gated = logger
        gated.handler = GatedLogHandler(wrapped: logger.handler, gate: self)
        return gated
    }
}

/// The handler behind ``ClientLogGate/gatedLogger(_:)``.
struct GatedLogHandler: LogHandler {
    var wrapped: any LogHandler
    let gate: ClientLogGate

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        guard gate.isOpen || wrapped.logLevel <= .info else { return }
        wrapped.log(level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line)
    }
}
