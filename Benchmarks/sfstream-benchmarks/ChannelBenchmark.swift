import SFStream

/// Items per second through four tasks linked by three `BoundedChannel`s: a producer, two
/// forwarding stages and a consumer, as the pipeline links its stages.
enum ChannelBenchmark {
    static func figure(capacity: Int, items: Int, runs: Int) async throws -> Figure {
        let samples = try await Measurement.samples(runs: runs) {
            let total = try await pass(capacity: capacity, items: items)
            precondition(total == items * (items - 1) / 2, "items were lost or duplicated in the channels")
        }
        let seconds = Measurement.median(samples.map(\.wall))
        return Figure(
            name: "channel", input: "capacity \(capacity), 4 stages", runs: samples.count, medianSeconds: seconds,
            itemsPerSecond: Double(items) / seconds,
            note: "\(items) Int items"
        )
    }

    /// Sends `0..<items` through three hops and returns the sum the consumer saw.
    private static func pass(capacity: Int, items: Int) async throws -> Int {
        let first = BoundedChannel<Int>(capacity: capacity)
        let second = BoundedChannel<Int>(capacity: capacity)
        let third = BoundedChannel<Int>(capacity: capacity)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for item in 0..<items { try await first.send(item) }
                first.finish()
                return 0
            }
            group.addTask { try await forward(from: first, to: second) }
            group.addTask { try await forward(from: second, to: third) }
            group.addTask {
                var sum = 0
                for try await item in third { sum += item }
                return sum
            }
            return try await group.reduce(0, +)
        }
    }

    private static func forward(from input: BoundedChannel<Int>, to output: BoundedChannel<Int>) async throws -> Int {
        for try await item in input { try await output.send(item) }
        output.finish()
        return 0
    }
}
