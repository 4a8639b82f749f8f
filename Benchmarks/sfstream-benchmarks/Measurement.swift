import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One timed run: wall-clock seconds and the CPU seconds (user + system) spent meanwhile.
struct Sample: Sendable {
    var wall: Double
    var cpu: Double
}

/// Timing of repeated runs. Medians are reported because the machine is shared and single runs
/// vary up to 2×; CPU time varies less than wall time when other processes take the cores.
enum Measurement {
    /// Whose CPU time a sample counts.
    enum CPUScope {
        /// The calling thread, for synchronous work on one thread.
        case thread
        /// The whole process, for work spread over tasks and threads.
        case process
    }

    /// Runs every body once to warm up, then `runs` rounds in which each body runs once, in
    /// order, and returns each body's samples. Interleaving exposes every body to the same load
    /// on a shared machine, so ratios of bodies compare like with like.
    static func interleavedSamples(runs: Int, _ bodies: [() -> Void]) -> [[Sample]] {
        for body in bodies { body() }
        var samples = [[Sample]](repeating: [], count: bodies.count)
        for _ in 0..<runs {
            for (index, body) in bodies.enumerated() {
                let cpuStart = cpuSeconds(.thread)
                let start = ContinuousClock.now
                body()
                samples[index].append(Sample(wall: start.duration(to: .now).seconds, cpu: cpuSeconds(.thread) - cpuStart))
            }
        }
        return samples
    }

    /// Runs `body` once untimed, to fault in code and caches, then `runs` times timed, counting
    /// the CPU time of the whole process.
    static func samples(
        runs: Int, warmUp: Bool = true, _ body: () async throws -> Void
    ) async rethrows -> [Sample] {
        if warmUp { try await body() }
        var samples: [Sample] = []
        for _ in 0..<runs {
            let cpuStart = cpuSeconds(.process)
            let start = ContinuousClock.now
            try await body()
            samples.append(Sample(wall: start.duration(to: .now).seconds, cpu: cpuSeconds(.process) - cpuStart))
        }
        return samples
    }

    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no samples")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// User plus system CPU seconds of the thread or the process so far.
    static func cpuSeconds(_ scope: CPUScope) -> Double {
        var usage = rusage()
        // RUSAGE_THREAD (1) is Linux-specific and does not import as a constant.
        getrusage(scope == .thread ? 1 : __rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
