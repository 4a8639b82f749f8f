import Foundation
import Testing

@testable import SFStream

@Suite struct SalesforceTimestampTests {
    @Test func parsesSalesforceFormat() throws {
        let stamp = try #require(SalesforceTimestamp(parsing: "2026-03-01T10:15:00.250+0000"))
        #expect(stamp.millisecondsSince1970 == 1_772_360_100_250)
        #expect(stamp.soqlLiteral == "2026-03-01T10:15:00Z")
    }

    @Test func appliesOffsets() throws {
        let utc = try #require(SalesforceTimestamp(parsing: "2026-03-01T10:15:00Z"))
        let plusTwo = try #require(SalesforceTimestamp(parsing: "2026-03-01T12:15:00+02:00"))
        let minusOne = try #require(SalesforceTimestamp(parsing: "2026-03-01T09:15:00-0100"))
        #expect(utc == plusTwo)
        #expect(utc == minusOne)
    }

    @Test func parsesPlainDateAsMidnight() throws {
        let date = try #require(SalesforceTimestamp(parsing: "1970-01-02"))
        #expect(date.millisecondsSince1970 == 86_400_000)
        #expect(date.soqlLiteral == "1970-01-02T00:00:00Z")
    }

    @Test(arguments: ["", "2026-13-01", "2026-03-01T25:00:00Z", "2026-03-01T10:15:00+", "yesterday", "2026-03-01T10:15:00Zjunk"])
    func rejectsInvalidText(text: String) {
        #expect(SalesforceTimestamp(parsing: text) == nil)
    }

    @Test func roundTripsAcrossLeapDay() throws {
        let stamp = try #require(SalesforceTimestamp(parsing: "2028-02-29T23:59:59Z"))
        #expect(stamp.soqlLiteral == "2028-02-29T23:59:59Z")
        #expect(stamp.adding(seconds: 1).soqlLiteral == "2028-03-01T00:00:00Z")
    }
}

@Suite struct ShardSpecTests {
    @Test func parsesValidShards() {
        #expect(ShardSpec(parsing: "2/3") == ShardSpec(index: 2, count: 3))
        #expect(ShardSpec(parsing: "1/1") == ShardSpec(index: 1, count: 1))
    }

    @Test(arguments: ["0/3", "4/3", "3", "a/b", "1/0", "1/2/3"])
    func rejectsInvalidShards(text: String) {
        #expect(ShardSpec(parsing: text) == nil)
    }

    @Test func singleShardHasNoCondition() throws {
        let from = try #require(SalesforceTimestamp(parsing: "2026-01-01"))
        let to = try #require(SalesforceTimestamp(parsing: "2026-02-01"))
        #expect(ShardSpec(index: 1, count: 1).condition(from: from, to: to) == nil)
    }

    @Test func slicesAreContiguousAndOpenAtTheEnds() throws {
        let from = try #require(SalesforceTimestamp(parsing: "2026-01-01"))
        let to = try #require(SalesforceTimestamp(parsing: "2026-01-04"))
        let conditions = (1...3).map { ShardSpec(index: $0, count: 3).condition(from: from, to: to) }
        #expect(conditions[0] == "CreatedDate < 2026-01-02T00:00:00Z")
        #expect(conditions[1] == "CreatedDate >= 2026-01-02T00:00:00Z AND CreatedDate < 2026-01-03T00:00:00Z")
        #expect(conditions[2] == "CreatedDate >= 2026-01-03T00:00:00Z")
    }
}

@Suite struct DeliveryTrackerTests {
    @Test func watermarkAdvancesOnlyOverDeliveredPrefix() {
        let tracker = DeliveryTracker(initial: SyncState(), lookbackSeconds: 300)
        tracker.register(category: "Case", id: "a", stamp: "2026-03-01T10:00:00.000+0000")
        tracker.register(category: "Case", id: "b", stamp: "2026-03-01T10:01:00.000+0000")
        tracker.register(category: "Case", id: "c", stamp: "2026-03-01T10:02:00.000+0000")

        tracker.markDelivered(category: "Case", id: "b")
        #expect(tracker.snapshot().categories["Case"] == nil)

        tracker.markDelivered(category: "Case", id: "a")
        #expect(tracker.snapshot().categories["Case"]?.watermark == "2026-03-01T10:01:00.000+0000")

        tracker.markDelivered(category: "Case", id: "c")
        let state = tracker.snapshot().categories["Case"]
        #expect(state?.watermark == "2026-03-01T10:02:00.000+0000")
        #expect(state?.recent.keys.sorted() == ["a", "b", "c"])
    }

    @Test func undeliveredRecordHoldsWatermark() {
        let tracker = DeliveryTracker(initial: SyncState(), lookbackSeconds: 300)
        tracker.register(category: "Lead", id: "x", stamp: "2026-03-01T10:00:00.000+0000")
        tracker.register(category: "Lead", id: "y", stamp: "2026-03-01T11:00:00.000+0000")
        tracker.markDelivered(category: "Lead", id: "y")
        #expect(tracker.snapshot().categories["Lead"] == nil)
    }

    @Test func recognisesUnchangedRecordsFromSavedState() {
        let saved = SyncState(categories: [
            "Case": .init(watermark: "2026-03-01T10:00:00.000+0000", recent: ["a": "2026-03-01T10:00:00.000+0000"])
        ])
        let tracker = DeliveryTracker(initial: saved, lookbackSeconds: 300)
        #expect(tracker.isUnchanged(category: "Case", id: "a", stamp: "2026-03-01T10:00:00.000+0000"))
        #expect(!tracker.isUnchanged(category: "Case", id: "a", stamp: "2026-03-01T10:05:00.000+0000"))
        #expect(!tracker.isUnchanged(category: "Case", id: "b", stamp: "2026-03-01T10:00:00.000+0000"))
    }

    @Test func prunesRecordsOlderThanLookback() {
        let tracker = DeliveryTracker(initial: SyncState(), lookbackSeconds: 60)
        for minute in 0..<100 {
            let stamp = String(format: "2026-03-01T%02d:%02d:00.000+0000", 10 + minute / 60, minute % 60)
            tracker.register(category: "Case", id: "r\(minute)", stamp: stamp)
            tracker.markDelivered(category: "Case", id: "r\(minute)")
        }
        let recent = tracker.snapshot().categories["Case"]?.recent ?? [:]
        #expect(recent["r99"] != nil)
        #expect(recent["r0"] == nil)
        #expect(recent.count < 70)
    }
}

@Suite struct SyncStateTests {
    @Test func savesAtomicallyAndLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sfstream-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path

        #expect(try SyncState.load(from: path) == SyncState())
        let state = SyncState(categories: ["Case": .init(watermark: "2026-03-01T10:00:00.000+0000", recent: ["a": "x"])])
        try state.save(to: path)
        #expect(try SyncState.load(from: path) == state)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["state.json"])
    }

    @Test func rejectsCorruptFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sfstream-bad-\(UUID().uuidString).json").path
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SyncStateError.self) { try SyncState.load(from: path) }
    }
}
