import Testing
@testable import SFStreamLogging

@Suite struct RepeatLimitingLogHandlerTests {
    private func limitedLogger(_ store: LogEventStore, limiter: RepeatLimiter) -> Logger {
        Logger(label: "test") { RepeatLimitingLogHandler(wrapping: store.handler(label: $0), limiter: limiter) }
    }

    @Test func repeatsOverLimitCountedThenFlushed() {
        let store = LogEventStore()
        let limiter = RepeatLimiter(limit: 3, window: .seconds(3600))
        let logger = limitedLogger(store, limiter: limiter)
        for attempt in 1...10 {
            logger.warning("retrying request", metadata: ["attempt": "\(attempt)"])
        }
        logger.warning("another message")
        #expect(store.events.count == 4)
        #expect(store.events.prefix(3).map { $0.field("attempt") } == ["1", "2", "3"])

        limiter.flush()
        let last = store.events.last
        #expect(store.events.count == 5)
        #expect(last?.message == "retrying request")
        #expect(last?.field("repeats_suppressed") == "7")

        limiter.flush()
        #expect(store.events.count == 5)
    }

    @Test func debugAndTraceNeverLimited() {
        let store = LogEventStore()
        let logger = limitedLogger(store, limiter: RepeatLimiter(limit: 1, window: .seconds(3600)))
        for _ in 1...5 {
            logger.trace("served request")
            logger.debug("served request")
            logger.info("renewing token")
        }
        #expect(store.events.filter { $0.level == .trace }.count == 5)
        #expect(store.events.filter { $0.level == .debug }.count == 5)
        #expect(store.events.filter { $0.level == .info }.count == 1)
    }

    @Test func levelsCountedApart() {
        let store = LogEventStore()
        let logger = limitedLogger(store, limiter: RepeatLimiter(limit: 1, window: .seconds(3600)))
        logger.warning("same text")
        logger.error("same text")
        logger.warning("same text")
        #expect(store.events.map(\.level) == [.warning, .error])
    }

    @Test func newWindowPassesAndCarriesCount() {
        let store = LogEventStore()
        let limiter = RepeatLimiter(limit: 1, window: .seconds(60))
        let handler = store.handler(label: "test")
        let start = ContinuousClock.now
        #expect(limiter.admit(level: .warning, message: "m", handler: handler, now: start) == 0)
        #expect(limiter.admit(level: .warning, message: "m", handler: handler, now: start + .seconds(1)) == nil)
        #expect(limiter.admit(level: .warning, message: "m", handler: handler, now: start + .seconds(2)) == nil)
        #expect(limiter.admit(level: .warning, message: "m", handler: handler, now: start + .seconds(61)) == 2)
        #expect(limiter.admit(level: .warning, message: "m", handler: handler, now: start + .seconds(62)) == nil)
    }
}
