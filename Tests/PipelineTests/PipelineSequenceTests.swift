import Foundation
import SalesforceEmulator
import Synchronization
import Testing

@testable import SFStream

/// `records()` and `elements()`: the pipeline as asynchronous sequences, against an emulated org.
@Suite(.timeLimit(.minutes(10))) struct PipelineSequenceTests {
    @Test func recordsDeliversEverySeededRecord() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["Case": 30, "Lead": 20] }
        defer { org.stop() }
        let client = try org.client()
        let pipeline = SalesforcePipeline(
            client: client, configuration: PipelineConfiguration(categories: try await categories(["Case", "Lead"], client: client))
        )

        let records = pipeline.records()
        #expect(await records.statistics() == nil)
        var delivered: [String: Set<String>] = [:]
        for try await record in records {
            guard case .elements(let elements) = record else {
                Issue.record("unexpected output \(record)")
                continue
            }
            delivered[elements.category, default: []].insert(elements.recordID)
        }

        #expect(delivered["Case"] == Set(try org.emulator.recordIDs("Case")))
        #expect(delivered["Lead"] == Set(try org.emulator.recordIDs("Lead")))
        let statistics = try #require(await records.statistics())
        #expect(statistics.recordsRead == ["Case": 30, "Lead": 20])
        #expect(statistics.stopReason == nil)
    }

    @Test func earlyBreakCancelsRun() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["Case": 5000]; $0.pageSize = 200 }
        defer { org.stop() }
        let client = try org.client { $0.queryBatchSize = 200 }
        var configuration = PipelineConfiguration(categories: try await categories(["Case"], client: client))
        configuration.channelCapacity = 2
        let pipeline = SalesforcePipeline(client: client, configuration: configuration)

        let records = pipeline.records()
        var received = 0
        for try await _ in records {
            received += 1
            if received == 3 { break }
        }

        // Without cancellation the stages would wait on a full channel and this would not return,
        // or the run would read all 5,000 records.
        let statistics = try #require(await records.statistics())
        let read = statistics.recordsRead["Case", default: 0]
        #expect(received == 3)
        #expect(read < 5000, "the run read \(read) records after the consumer stopped")
    }

    @Test func fetchFailuresArriveAsValues() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["EmailMessage": 10, "Case": 5] }
        defer { org.stop() }
        let client = try org.client { $0.maxRetries = 1 }
        let pipeline = SalesforcePipeline(
            client: client, configuration: PipelineConfiguration(categories: try await categories(["EmailMessage", "Case"], client: client))
        )
        org.emulator.inject(.status(500), on: .collections, times: 1000)

        var failures: [RecordFailure] = []
        var deliveredCategories: Set<String> = []
        for try await record in pipeline.records() {
            switch record {
            case .failure(let failure): failures.append(failure)
            case .elements(let elements): deliveredCategories.insert(elements.category)
            case .deleted: Issue.record("no record was deleted")
            }
        }

        #expect(failures.count == 10)
        #expect(failures.allSatisfy { $0.stage == .fetch })
        #expect(failures.allSatisfy { $0.category == "EmailMessage" })
        #expect(Set(failures.compactMap(\.recordID)) == Set(try org.emulator.recordIDs("EmailMessage")))
        #expect(deliveredCategories == ["Case"])
    }

    @Test func elementsFlattensRecordsAndReportsFailures() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["EmailMessage": 6, "Account": 8] }
        defer { org.stop() }
        let client = try org.client { $0.maxRetries = 1 }
        let configuration = PipelineConfiguration(categories: try await categories(["Account", "EmailMessage"], client: client))
        let expected = await runPipeline(client, configuration)
        #expect(expected.failures.isEmpty, "\(expected.failures)")
        let expectedCount = expected.elements.values.reduce(0) { $0 + $1.elements.count }

        let pipeline = SalesforcePipeline(client: client, configuration: configuration)
        var count = 0
        var recordIDs: Set<String> = []
        for try await element in pipeline.elements() {
            count += 1
            recordIDs.insert(try #require(element.metadata.dataSource?.recordLocator?["id"]))
        }
        #expect(count == expectedCount)
        #expect(recordIDs == expected.deliveredIDs)

        org.emulator.inject(.status(500), on: .collections, times: 1000)
        let failed = Mutex<[RecordFailure]>([])
        let elements = pipeline.elements { failure in failed.withLock { $0.append(failure) } }
        var accountElements = 0
        for try await element in elements {
            #expect(element.metadata.dataSource?.recordLocator?["category"] == "Account")
            accountElements += 1
        }
        #expect(accountElements > 0)
        #expect(failed.withLock { $0.count } == 6)
        #expect(await elements.statistics()?.recordsRead == ["Account": 8, "EmailMessage": 6])
    }

    @Test func twoRunsGiveSameRecordOrder() async throws {
        let org = try EmulatedOrg { $0.recordCount = 15 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(
            categories: try await categories(["Account", "Case", "EmailMessage", "Lead"], client: client)
        )
        configuration.partitionWorkers = 2
        configuration.recordBatchSize = 2
        configuration.fetchBatchSize = 5
        let pipeline = SalesforcePipeline(client: client, configuration: configuration)

        func order() async throws -> [String] {
            var ids: [String] = []
            for try await record in pipeline.records() {
                if case .elements(let elements) = record { ids.append(elements.recordID) }
            }
            return ids
        }
        let first = try await order()
        let second = try await order()
        #expect(first.count >= 60)
        #expect(first == second)
        // The categories alternate, batch by batch, in the order they were given.
        let firstCategories = try await pipeline.records().reduce(into: [String]()) { categories, record in
            if case .elements(let elements) = record, categories.last != elements.category { categories.append(elements.category) }
        }
        #expect(Array(firstCategories.prefix(4)) == ["Account", "Case", "EmailMessage", "Lead"])
    }
}
