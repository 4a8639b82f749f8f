import Foundation

/// Wall-clock timing of repeated runs; the median is reported because the machine is shared and
/// single runs vary up to 2×.
enum Measurement {
    /// Runs `body` once untimed, to fault in code and caches, then `runs` times timed, and returns
    /// the seconds of each timed run.
    static func seconds(runs: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> [Double] {
        if warmUp { try body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            samples.append(start.duration(to: .now).seconds)
        }
        return samples
    }

    static func seconds(runs: Int, warmUp: Bool = true, _ body: () async throws -> Void) async rethrows -> [Double] {
        if warmUp { try await body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try await body()
            samples.append(start.duration(to: .now).seconds)
        }
        return samples
    }

    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no samples")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
