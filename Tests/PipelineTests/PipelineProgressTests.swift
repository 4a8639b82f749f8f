import Foundation
import SalesforceEmulator
import Testing

@testable import SFStream

/// The live counters and log events of a pipeline run against an emulated org.
@Suite(.timeLimit(.minutes(10))) struct PipelineProgressTests {
    @Test func countersMatchDeliveredOutput() async throws {
        let org = try EmulatedOrg { $0.recordCount = 30; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(categories: try await categories(["Account", "Case"], client: client))
        configuration.channelCapacity = 1
        let output = BoundedChannel<[RecordOutput]>(capacity: 1)
        let pipeline = SalesforcePipeline(client: client, configuration: configuration)
        let run = Task { await pipeline.run(into: output) }

        var delivered: [String: Int] = [:]
        var elements: [String: Int] = [:]
        var midRun: PipelineProgress.Snapshot?
        for try await batch in output {
            if midRun == nil { midRun = pipeline.progress.snapshot() }
            for case .elements(let record) in batch {
                delivered[record.category, default: 0] += 1
                elements[record.category, default: 0] += record.elements.count
            }
        }
        let statistics = await run.value

        // The first batch was counted before the consumer took it, and more were still to come.
        let early = try #require(midRun)
        #expect(early.categories.map(\.name) == ["Account", "Case"])
        #expect(early.categories.contains { $0.isRunning })
        #expect(early.categories.reduce(0) { $0 + $1.recordsDelivered } > 0)
        #expect(early.categories.reduce(0) { $0 + $1.recordsDelivered } < 60)

        let final = pipeline.progress.snapshot()
        for category in final.categories {
            #expect(category.queryFinished, "\(category.name)")
            #expect(!category.isRunning, "\(category.name)")
            #expect(category.recordsRead == statistics.recordsRead[category.name], "\(category.name)")
            #expect(category.recordsDelivered == delivered[category.name], "\(category.name)")
            #expect(category.elements == elements[category.name], "\(category.name)")
            #expect(category.recordsFailed == 0)
        }
        #expect(final.recordsRead == 60)
        #expect(final.elements == elements.values.reduce(0, +))
    }

    @Test func lostQueryLocatorLogsWarning() async throws {
        let org = try EmulatedOrg { $0.recordCount = 40; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        let events = LogEventStore()
        var configuration = PipelineConfiguration(categories: try await categories(["Account"], client: client))
        configuration.logger = events.logger(label: "sfstream.pipeline")
        org.emulator.inject(.invalidQueryLocator, on: .queryMore, times: 1)
        let result = await runPipeline(client, configuration)

        #expect(result.failures.isEmpty, "\(result.failures)")
        let warnings = events.events.filter { $0.level == .warning }
        #expect(warnings.map(\.message) == ["resuming query after the query locator was lost"])
        #expect(warnings.first?.field("category") == "Account")
        #expect(warnings.first?.field("resumption") == "1")
        let ended = events.events.first { $0.message == "category query ended" }
        #expect(ended?.field("records_read") == "40")
    }
}
