import Synchronization
import Testing
@testable import SFStreamLogging

@Suite struct LoggerTests {
    @Test func levelsOrderedBySeverity() {
        let levels: [Logger.Level] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        #expect(Logger.Level.allCases == levels)
        #expect(levels.sorted() == levels)
        #expect(Logger.Level.notice > .info)
        #expect(Logger.Level(name: "WARNING") == .warning)
        #expect(Logger.Level(name: "verbose") == nil)
    }

    @Test func eventsBelowLevelDropped() {
        let store = LogEventStore()
        let logger = store.logger(logLevel: .notice)
        logger.trace("trace")
        logger.debug("debug")
        logger.info("info")
        logger.notice("notice")
        logger.warning("warning")
        logger.error("error")
        logger.critical("critical")
        #expect(store.events.map(\.message.description) == ["notice", "warning", "error", "critical"])
        #expect(store.events.map(\.level) == [.notice, .warning, .error, .critical])
    }

    @Test func droppedMessageNotBuilt() {
        let store = LogEventStore()
        let logger = store.logger(logLevel: .warning)
        let built = Atomic<Int>(0)
        func message() -> Logger.Message {
            built.add(1, ordering: .relaxed)
            return "expensive"
        }
        logger.debug(message())
        #expect(built.load(ordering: .relaxed) == 0)
        logger.warning(message())
        #expect(built.load(ordering: .relaxed) == 1)
    }

    @Test func loggerMetadataMergedUnderEventFields() throws {
        let store = LogEventStore()
        var logger = store.logger()
        logger[metadataKey: "run"] = "7"
        logger[metadataKey: "category"] = "Case"
        logger.info("category read", metadata: ["category": "Lead", "records": "3"])
        let event = try #require(store.events.first)
        #expect(event.field("run") == "7")
        #expect(event.field("category") == "Lead")
        #expect(event.field("records") == "3")
        #expect(logger[metadataKey: "run"]?.description == "7")
    }

    @Test func logLevelChangeStaysWithCopy() {
        let store = LogEventStore()
        let quiet = store.logger(logLevel: .error)
        var loud = quiet
        loud.logLevel = .trace
        quiet.info("dropped")
        loud.info("kept")
        #expect(store.events.map(\.message.description) == ["kept"])
    }

    @Test func disabledLoggerDropsEverything() {
        let logger = Logger.disabled()
        #expect(logger.logLevel == .critical)
        logger.critical("nowhere")
    }

    @Test func bootstrapSetsFactoryOfNewLoggers() {
        let store = LogEventStore()
        LoggingSystem.bootstrap { store.handler(label: $0) }
        defer { LoggingSystem.bootstrap { _ in NoOpLogHandler() } }
        Logger(label: "component").notice("started")
        #expect(store.events.map(\.label) == ["component"])
    }

    @Test func sourceDefaultsToModule() {
        #expect(Logger.module(of: "SFStreamSalesforce/SalesforceClient+Send.swift") == "SFStreamSalesforce")
    }
}
