import Synchronization
import Testing

@testable import SFStream

/// Yields until `condition` holds, at most `limit` times; returns whether it held.
/// A gate for tests: it waits for a state, never for a duration.
func eventually(limit: Int = 100_000, _ condition: () -> Bool) async -> Bool {
    for _ in 0..<limit {
        if condition() { return true }
        await Task.yield()
    }
    return condition()
}

@Suite struct BoundedChannelTests {
    @Test func deliversItemsInSendOrder() async throws {
        let channel = BoundedChannel<Int>(capacity: 4)
        let producer = Task {
            for value in 0..<1_000 { try await channel.send(value) }
            channel.finish()
        }
        var received: [Int] = []
        for try await value in channel { received.append(value) }
        try await producer.value
        #expect(received == Array(0..<1_000))
    }

    @Test(arguments: [1, 16, 256])
    func acceptsExactlyCapacityWithoutReceiver(capacity: Int) async throws {
        let channel = BoundedChannel<Int>(capacity: capacity)
        let sent = Atomic<Int>(0)
        let producer = Task {
            for value in 0..<(capacity + 1) {
                try await channel.send(value)
                sent.add(1, ordering: .sequentiallyConsistent)
            }
        }
        #expect(await eventually { channel.count == capacity })
        // Give the producer many chances to run: the send past capacity must stay suspended.
        for _ in 0..<1_000 { await Task.yield() }
        #expect(sent.load(ordering: .sequentiallyConsistent) == capacity)

        #expect(try await channel.receive() == 0)
        #expect(await eventually { sent.load(ordering: .sequentiallyConsistent) == capacity + 1 })
        try await producer.value
        #expect(channel.count == capacity)
    }

    @Test func finishDrainsThenEnds() async throws {
        let channel = BoundedChannel<String>(capacity: 3)
        try await channel.send("a")
        try await channel.send("b")
        channel.finish()
        #expect(try await channel.receive() == "a")
        #expect(try await channel.receive() == "b")
        #expect(try await channel.receive() == nil)
        #expect(try await channel.receive() == nil)
        await #expect(throws: ChannelClosed.self) { try await channel.send("c") }
    }

    @Test func finishWithErrorReachesReceiverAfterDrain() async throws {
        struct Failure: Error {}
        let channel = BoundedChannel<Int>(capacity: 2)
        try await channel.send(1)
        channel.finish(throwing: Failure())
        #expect(try await channel.receive() == 1)
        await #expect(throws: Failure.self) { try await channel.receive() }
    }

    @Test func cancelReleasesWaitingSender() async throws {
        let channel = BoundedChannel<Int>(capacity: 1)
        try await channel.send(1)
        let waiting = Task { try await channel.send(2) }
        for _ in 0..<1_000 { await Task.yield() }
        channel.cancel()
        await #expect(throws: ChannelClosed.self) { try await waiting.value }
        #expect(channel.count == 0)
        #expect(try await channel.receive() == nil)
    }

    @Test func cancelEndsWaitingReceiver() async throws {
        let channel = BoundedChannel<Int>(capacity: 1)
        let waiting = Task { try await channel.receive() }
        for _ in 0..<1_000 { await Task.yield() }
        channel.cancel()
        #expect(try await waiting.value == nil)
    }

    @Test func cancelledSenderTaskThrowsAndChannelStaysUsable() async throws {
        let channel = BoundedChannel<Int>(capacity: 1)
        try await channel.send(1)
        let waiting = Task { try await channel.send(2) }
        for _ in 0..<1_000 { await Task.yield() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }

        #expect(try await channel.receive() == 1)
        try await channel.send(3)
        #expect(try await channel.receive() == 3)
    }

    @Test func cancelledReceiverTaskThrows() async throws {
        let channel = BoundedChannel<Int>(capacity: 1)
        let waiting = Task { try await channel.receive() }
        for _ in 0..<1_000 { await Task.yield() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        try await channel.send(5)
        #expect(try await channel.receive() == 5)
    }

    @Test func manyProducersAndConsumersDeliverEachItemOnce() async throws {
        let channel = BoundedChannel<Int>(capacity: 2)
        let producers = 4
        let perProducer = 2_500
        let total = try await withThrowingTaskGroup(of: [Int].self) { group in
            for producer in 0..<producers {
                group.addTask {
                    for index in 0..<perProducer { try await channel.send(producer * perProducer + index) }
                    return []
                }
            }
            for _ in 0..<3 {
                group.addTask {
                    var received: [Int] = []
                    while let value = try await channel.receive() { received.append(value) }
                    return received
                }
            }
            var producersDone = 0
            var all: [Int] = []
            while let result = try await group.next() {
                if result.isEmpty {
                    producersDone += 1
                    if producersDone == producers { channel.finish() }
                } else {
                    all += result
                }
            }
            return all
        }
        #expect(total.count == producers * perProducer)
        #expect(Set(total).count == producers * perProducer)
    }
}
