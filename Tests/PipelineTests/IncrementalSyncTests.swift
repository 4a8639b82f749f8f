import Foundation
import SalesforceEmulator
import Testing

@testable import SFStream

/// Incremental runs, deletions, shards and the API allowance against an emulated org.
@Suite(.timeLimit(.minutes(10))) struct IncrementalSyncTests {
    @Test func secondRunEmitsOnlyChangedRecords() async throws {
        let org = try EmulatedOrg { $0.recordCount = 10 }
        defer { org.stop() }
        let client = try org.client()
        let names = ["Account", "Contact", "EmailMessage"]
        let resolved = try await categories(names, client: client)

        var first = PipelineConfiguration(categories: resolved)
        first.tracker = DeliveryTracker(initial: SyncState(), lookbackSeconds: 300)
        let firstResult = await runPipeline(client, first)
        #expect(firstResult.failures.isEmpty)
        for name in names {
            #expect(Set(try org.emulator.recordIDs(name)).isSubset(of: firstResult.deliveredIDs))
        }
        let saved = try #require(first.tracker).snapshot()
        #expect(Set(saved.categories.keys) == Set(names))

        var second = PipelineConfiguration(categories: resolved)
        second.tracker = DeliveryTracker(initial: saved, lookbackSeconds: 300)
        let secondResult = await runPipeline(client, second)
        #expect(secondResult.failures.isEmpty)
        #expect(secondResult.elements.isEmpty, "unchanged records were sent again: \(secondResult.deliveredIDs.sorted())")

        let accounts = try org.emulator.recordIDs("Account")
        try org.emulator.updateRecord("Account", id: accounts[0], fields: ["Description": .string("Renewed for two years.")])
        let contacts = try org.emulator.recordIDs("Contact")
        try org.emulator.updateRecord("Contact", id: contacts[1], fields: ["Title": .string("Head of Support")])
        let inserted = try org.emulator.insertRecord("Account", fields: ["Name": .string("Newly Added Ltd")])

        var third = PipelineConfiguration(categories: resolved)
        third.tracker = DeliveryTracker(initial: try #require(second.tracker).snapshot(), lookbackSeconds: 300)
        let thirdResult = await runPipeline(client, third)
        #expect(thirdResult.failures.isEmpty)
        #expect(thirdResult.deliveredIDs == [accounts[0], contacts[1], inserted])
        let renewed = try #require(thirdResult.elements[accounts[0]])
        #expect(renewed.elements.contains { $0.text.contains("Renewed for two years.") })
    }

    @Test func includeDeletedEmitsTombstones() async throws {
        let org = try EmulatedOrg { $0.recordCount = 8 }
        defer { org.stop() }
        let client = try org.client()
        let resolved = try await categories(["Case"], client: client)
        let ids = try org.emulator.recordIDs("Case")
        try org.emulator.deleteRecord("Case", id: ids[2])

        var configuration = PipelineConfiguration(categories: resolved)
        configuration.includeDeleted = true
        let result = await runPipeline(client, configuration)
        #expect(result.failures.isEmpty)
        #expect(result.deleted.map(\.id) == [ids[2]])
        #expect(result.deleted.first?.category == "Case")
        #expect(result.deliveredIDs == Set(ids).subtracting([ids[2]]))

        let withoutDeleted = await runPipeline(client, PipelineConfiguration(categories: resolved))
        #expect(withoutDeleted.deleted.isEmpty)
        #expect(!withoutDeleted.deliveredIDs.contains(ids[2]))
    }

    @Test func threeShardsCoverEveryRecordOnce() async throws {
        let org = try EmulatedOrg { $0.recordCount = 30 }
        defer { org.stop() }
        let client = try org.client()
        let names = ["Account", "Case", "Lead"]
        let resolved = try await categories(names, client: client)

        var seen: [String: Int] = [:]
        for index in 1...3 {
            var configuration = PipelineConfiguration(categories: resolved)
            configuration.shard = (ShardSpec(index: index, count: 3), nil)
            let result = await runPipeline(client, configuration)
            #expect(result.failures.isEmpty)
            #expect(!result.elements.isEmpty, "shard \(index)/3 read nothing")
            for id in result.deliveredIDs { seen[id, default: 0] += 1 }
        }
        var all = Set<String>()
        for name in names { all.formUnion(try org.emulator.recordIDs(name)) }
        #expect(Set(seen.keys) == all)
        #expect(seen.values.allSatisfy { $0 == 1 })
    }

    @Test func maxAPIUsageStopsTheRun() async throws {
        let org = try EmulatedOrg { $0.recordCount = 100; $0.pageSize = 10; $0.apiRequestLimit = 40 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(categories: try await categories(["Account", "Lead"], client: client))
        configuration.maxAPIUsagePercent = 50
        let result = await runPipeline(client, configuration)

        let stop = try #require(result.statistics?.stopReason)
        guard case .apiAllowance(let used, let limit) = stop else {
            Issue.record("expected the API allowance stop, got \(stop)")
            return
        }
        #expect(limit == 40)
        #expect(used >= 20)
        #expect(used < 40)
        #expect(result.deliveredIDs.count < 200)
    }

    @Test func requestLimitExceededStopsTheRun() async throws {
        let org = try EmulatedOrg { $0.recordCount = 30; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        let configuration = PipelineConfiguration(categories: try await categories(["Account"], client: client))
        org.emulator.inject(.requestLimitExceeded, on: .queryMore, times: 1)
        let result = await runPipeline(client, configuration)

        let stop = try #require(result.statistics?.stopReason)
        guard case .requestLimitExceeded = stop else {
            Issue.record("expected REQUEST_LIMIT_EXCEEDED to stop the run, got \(stop)")
            return
        }
        #expect(stop.description.hasPrefix("stopped early: Salesforce API request limit exceeded"), "\(stop)")
        #expect(stop.description.components(separatedBy: "REQUEST_LIMIT_EXCEEDED").count == 2, "\(stop)")
        #expect(result.failures.isEmpty)
    }

    @Test func requestLimitOnFetchStopsTheRun() async throws {
        let org = try EmulatedOrg { $0.recordCount = 60; $0.pageSize = 10 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(categories: try await categories(["EmailMessage"], client: client))
        configuration.fetchBatchSize = 5
        configuration.fetchConcurrency = 1
        org.emulator.inject(.requestLimitExceeded, on: .collections, times: 1)
        let result = await runPipeline(client, configuration)

        let stop = try #require(result.statistics?.stopReason)
        guard case .requestLimitExceeded = stop else {
            Issue.record("expected REQUEST_LIMIT_EXCEEDED on a fetch to stop the run, got \(stop)")
            return
        }
        // Every record the queries read either has elements or a failure naming it.
        let read = result.statistics?.recordsRead["EmailMessage"] ?? 0
        #expect(read > 0)
        #expect(result.elements.isEmpty)
        #expect(result.failures.count == read)
        #expect(result.failures.allSatisfy { $0.recordID != nil })
        #expect(result.failures.allSatisfy { $0.stage == .fetch })
    }

    @Test func maxAPIUsageStopsFetchesToo() async throws {
        // One request per fetched record, so without a check in the fetch stage the usage runs
        // far past the threshold after the query stage has stopped.
        let org = try EmulatedOrg { $0.recordCount = 60; $0.pageSize = 20; $0.apiRequestLimit = 60 }
        defer { org.stop() }
        let client = try org.client()
        var configuration = PipelineConfiguration(categories: try await categories(["EmailMessage"], client: client))
        configuration.fetchBatchSize = 1
        configuration.fetchConcurrency = 2
        configuration.maxAPIUsagePercent = 50
        let result = await runPipeline(client, configuration)

        let stop = try #require(result.statistics?.stopReason)
        guard case .apiAllowance = stop else {
            Issue.record("expected the API allowance stop, got \(stop)")
            return
        }
        let used = try #require(client.statistics().apiUsage?.used)
        // 30 is the threshold; requests in flight when it is reached may still complete.
        #expect(used <= 30 + configuration.fetchConcurrency + 1, "\(used) requests used")
        let read = result.statistics?.recordsRead["EmailMessage"] ?? 0
        #expect(result.elements.count + result.failures.count == read)
    }
}
