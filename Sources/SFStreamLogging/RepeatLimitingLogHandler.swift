import Synchronization

/// Passes at most `limit` events of one level and message per `window` to the wrapped handler,
/// and counts the rest. A message repeated for every request of a long run (a retry while a
/// host is down) then prints a few lines and a count. Events below the limiter's
/// `minimumLevel` (by default `debug` and `trace`, which a user turns on to see every event)
/// all pass.
///
/// The next event of that message to pass carries the count as `repeats_suppressed`, and
/// ``RepeatLimiter/flush()`` reports counts no later event carried.
public struct RepeatLimitingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    private let limiter: RepeatLimiter

    public init(wrapping wrapped: any LogHandler, limiter: RepeatLimiter) {
        self.wrapped = wrapped
        self.limiter = limiter
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        guard let suppressed = limiter.admit(level: level, message: message, handler: wrapped) else { return }
        var fields = metadata ?? [:]
        if suppressed > 0 { fields["repeats_suppressed"] = .stringConvertible(suppressed) }
        wrapped.log(level: level, message: message, metadata: fields, source: source, file: file, function: function, line: line)
    }
}

/// The counts a group of ``RepeatLimitingLogHandler``s share.
public final class RepeatLimiter: Sendable {
    public let limit: Int
    public let window: Duration
    /// The minimum level that is limited.
    public let minimumLevel: Logger.Level

    private struct Key: Hashable {
        var level: Logger.Level
        var message: String
    }

    private struct Count {
        var windowStart: ContinuousClock.Instant
        var passed: Int
        var suppressed: Int
        /// The handler of the last suppressed event, which reports the count at ``RepeatLimiter/flush()``.
        var handler: any LogHandler
    }

    private let counts = Mutex<[Key: Count]>([:])

    /// - Parameters:
    ///   - limit: events of one level and message passed per window, at least 1.
    ///   - window: the span after which the count starts again.
    ///   - minimumLevel: the minimum level that is limited. Less severe events all pass.
    public init(limit: Int = 10, window: Duration = .seconds(60), minimumLevel: Logger.Level = .info) {
        self.limit = max(1, limit)
        self.window = window
        self.minimumLevel = minimumLevel
    }

    /// Returns `nil` when the event is over the limit, else the number suppressed since the last one passed.
    func admit(
        level: Logger.Level, message: Logger.Message, handler: any LogHandler, now: ContinuousClock.Instant = .now
    ) -> Int? {
        guard level >= minimumLevel else { return 0 }
        return counts.withLock { counts in
            let key = Key(level: level, message: message.description)
            var count = counts[key] ?? Count(windowStart: now, passed: 0, suppressed: 0, handler: handler)
            if now - count.windowStart >= window {
                count.windowStart = now
                count.passed = 0
            }
            guard count.passed < limit else {
                count.suppressed += 1
                count.handler = handler
                counts[key] = count
                return nil
            }
            let suppressed = count.suppressed
            count.passed += 1
            count.suppressed = 0
            counts[key] = count
            return suppressed
        }
    }

    /// Sends one event per message that has suppressed repeats not yet reported, with the count
    /// in `repeats_suppressed`, and resets the counts. Call it once at the end of a run.
    public func flush() {
        let pending = counts.withLock { counts -> [(key: Key, count: Count)] in
            let pending = counts.filter { $0.value.suppressed > 0 }.map { (key: $0.key, count: $0.value) }
            counts.removeAll()
            return pending
        }
        for (key, count) in pending.sorted(by: { $0.key.message < $1.key.message }) {
            count.handler.log(
                level: key.level, message: Logger.Message(key.message),
                metadata: ["repeats_suppressed": .stringConvertible(count.suppressed)],
                source: "SFStreamLogging", file: #fileID, function: #function, line: #line
            )
        }
    }
}
