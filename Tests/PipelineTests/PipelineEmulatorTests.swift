import Foundation
import SalesforceEmulator
import Testing

@testable import SFStream

/// The whole pipeline against an emulated org over loopback sockets.
@Suite(.timeLimit(.minutes(10))) struct PipelineEmulatorTests {
    static let defaultNames = SObjectCategory.defaultNames

    @Test func everySeededRecordYieldsElements() async throws {
        let org = try EmulatedOrg { $0.recordCount = 12 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(categories: try await categories(Self.defaultNames, client: client))
        configuration.chunking = try ChunkingOptions(strategy: .byTitle)
        let result = await runPipeline(client, configuration)

        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.duplicates.isEmpty)
        for name in Self.defaultNames {
            let ids = Set(try org.emulator.recordIDs(name))
            #expect(!ids.isEmpty)
            #expect(ids.isSubset(of: result.deliveredIDs), "\(name): missing \(ids.subtracting(result.deliveredIDs).sorted())")
        }
        for (id, record) in result.elements {
            #expect(!record.elements.isEmpty, "\(record.category) \(id) has no elements")
            for element in record.elements {
                #expect(element.metadata.dataSource?.recordLocator?["id"] == id)
                #expect(element.metadata.dataSource?.recordLocator?["category"] == record.category)
                #expect(element.metadata.dataSource?.url?.hasSuffix("/\(id)") == true)
            }
        }
    }

    @Test func emailBodiesBecomeHTMLElements() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["EmailMessage": 20] }
        defer { org.stop() }
        let client = try org.client()
        let configuration = PipelineConfiguration(categories: try await categories(["EmailMessage"], client: client))
        let result = await runPipeline(client, configuration)

        #expect(result.failures.isEmpty, "\(result.failures)")
        let htmlRecords = result.elements.values.filter { $0.elements.first?.metadata.filetype == "text/html" }
        #expect(htmlRecords.count >= 15)
        let allTypes = Set(result.elements.values.flatMap { $0.elements.map(\.type) })
        #expect(allTypes.contains(.narrativeText))
        #expect(allTypes.contains(.title))
        #expect(result.elements.values.contains { $0.elements.first?.metadata.sentFrom != nil })
    }

    @Test func expiredSessionMidPaginationReauthenticatesOnce() async throws {
        let org = try EmulatedOrg { $0.recordCount = 30; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        let configuration = PipelineConfiguration(categories: try await categories(["Case"], client: client))
        org.emulator.inject(.invalidSession, on: .queryMore, times: 1)
        let result = await runPipeline(client, configuration)

        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.deliveredIDs == Set(try org.emulator.recordIDs("Case")))
        #expect(result.duplicates.isEmpty)
        #expect(client.statistics().reauthentications == 1)
    }

    @Test func pageFailingTwiceThenSucceedingLosesNothing() async throws {
        let org = try EmulatedOrg { $0.recordCount = 30; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        let configuration = PipelineConfiguration(categories: try await categories(["Lead"], client: client))
        org.emulator.inject(.status(503), on: .queryMore, times: 2)
        let result = await runPipeline(client, configuration)

        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.deliveredIDs == Set(try org.emulator.recordIDs("Lead")))
        #expect(client.statistics().retries >= 2)
    }

    @Test func lostQueryLocatorResumesAfterLastRecord() async throws {
        let org = try EmulatedOrg { $0.recordCount = 40; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        let configuration = PipelineConfiguration(categories: try await categories(["Account"], client: client))
        org.emulator.inject(.invalidQueryLocator, on: .queryMore, times: 1)
        let result = await runPipeline(client, configuration)

        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.duplicates.isEmpty)
        #expect(result.deliveredIDs == Set(try org.emulator.recordIDs("Account")))
    }

    @Test func mixedRandomFaultsDeliverTheCleanRunsRecords() async throws {
        let clean = try EmulatedOrg { $0.recordCount = 15; $0.pageSize = 5; $0.seed = 7 }
        let cleanClient = try clean.client()
        let cleanResult = await runPipeline(cleanClient, PipelineConfiguration(categories: try await categories(Self.defaultNames, client: cleanClient)))
        clean.stop()

        let faulty = try EmulatedOrg { $0.recordCount = 15; $0.pageSize = 5; $0.seed = 7; $0.faultRate = 0.1 }
        defer { faulty.stop() }
        let client = try faulty.client { $0.requestTimeout = 5; $0.maxRetries = 8 }
        let result = await runPipeline(client, PipelineConfiguration(categories: try await categories(Self.defaultNames, client: client)))

        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.duplicates.isEmpty)
        #expect(result.deliveredIDs == cleanResult.deliveredIDs)
        #expect(!faulty.emulator.servedFaults.isEmpty)
        #expect(client.statistics().retries > 0)
        let cleanTexts = cleanResult.elements.mapValues { $0.elements.map(\.text) }
        let faultyTexts = result.elements.mapValues { $0.elements.map(\.text) }
        #expect(cleanTexts == faultyTexts)
    }

    @Test func cancellingTheOutputStopsEveryStage() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["EmailMessage": 2_000]; $0.pageSize = 200 }
        defer { org.stop() }
        let client = try org.client()
        let configuration = PipelineConfiguration(categories: try await categories(["EmailMessage"], client: client))
        let output = BoundedChannel<[RecordOutput]>(capacity: 1)
        let pipeline = SalesforcePipeline(client: client, configuration: configuration)
        let run = Task { await pipeline.run(into: output) }

        let first = try await output.receive()
        #expect(first != nil)
        output.cancel()
        let statistics = await run.value
        let read = statistics.recordsRead["EmailMessage"] ?? 0
        #expect(read < 2_000)
    }

    @Test func slowConsumerHoldsBackTheQueries() async throws {
        let org = try EmulatedOrg { $0.recordCountsByObject = ["EmailMessage": 3_000]; $0.pageSize = 200 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(categories: try await categories(["EmailMessage"], client: client))
        configuration.channelCapacity = 1
        configuration.fetchConcurrency = 2
        configuration.partitionWorkers = 1
        let output = BoundedChannel<[RecordOutput]>(capacity: 1)
        let pipeline = SalesforcePipeline(client: client, configuration: configuration)
        let run = Task { await pipeline.run(into: output) }

        // Nothing is consumed: wait until the emulator has seen no request for a while.
        var last = -1
        var stableChecks = 0
        for _ in 0..<400 where stableChecks < 10 {
            try await Task.sleep(for: .milliseconds(50))
            let count = org.emulator.apiRequestCount
            stableChecks = count == last ? stableChecks + 1 : 0
            last = count
        }
        #expect(stableChecks >= 10)
        // 3,000 records need 15 query pages and 15 body requests; a stalled pipeline holds a few.
        #expect(org.emulator.apiRequestCount < 20)

        var delivered = 0
        for try await batch in output {
            delivered += batch.count
        }
        _ = await run.value
        #expect(delivered == 3_000)
    }
}
