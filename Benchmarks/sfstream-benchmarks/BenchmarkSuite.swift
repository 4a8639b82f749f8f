import Foundation
import SalesforceEmulator

struct BenchmarkOptions {
    var json = false
    /// Fewer runs and smaller inputs, for a check that everything still works.
    var quick = false
    /// Groups to run (`stages`, `pipeline`, `channel`, `memory`); empty runs all.
    var only: Set<String> = []
    /// Pipeline settings for the memory children (`--child-settings=fetch-concurrency=2,...`),
    /// for experiments; see `MemoryBenchmark.runChild`.
    var childSettings: [String] = []

    static let usage = """
        usage: sfstream-benchmarks [--json] [--quick] [--only=GROUP,...]
          --json    write the figures as JSON to stdout instead of a table
          --quick   fewer runs and no 100,000-record memory run
          --only    run only these groups: stages, pipeline, channel, memory
        """

    func includes(_ group: String) -> Bool { only.isEmpty || only.contains(group) }
}

/// Runs every benchmark group in one process on the same inputs and checks the targets.
struct BenchmarkSuite {
    var options: BenchmarkOptions

    func run() async throws -> Report {
        let quick = options.quick
        var figures: [Figure] = []

        // Memory first, so that the children's wait4 figures are not raised by this process's peak.
        if options.includes("memory") {
            let keyPair = try TestKeyPair.generate()
            for count in quick ? [1_000, 10_000] : [1_000, 10_000, 100_000] {
                progress("peak RSS with \(count) records")
                figures.append(try MemoryBenchmark.figure(emailMessages: count, keyPair: keyPair, childSettings: options.childSettings))
            }
        }
        if options.includes("stages") {
            progress("stages on the corpus")
            let corpus = try DocumentSet.corpus()
            figures += StageBenchmarks(set: corpus, runs: quick ? 3 : 7, passes: quick ? 2 : 5).figures()
            progress("stages on the synthetic e-mail")
            figures += StageBenchmarks(set: .syntheticEmail(count: quick ? 100 : 250), runs: quick ? 3 : 7, passes: 1).figures()
        }
        if options.includes("channel") {
            for capacity in [1, 16, 256] {
                progress("channel at capacity \(capacity)")
                figures.append(try await ChannelBenchmark.figure(capacity: capacity, items: quick ? 20_000 : 100_000, runs: quick ? 2 : 5))
            }
        }
        if options.includes("pipeline") {
            let keyPair = try TestKeyPair.generate()
            let runs = quick ? 1 : 3
            let setups = [
                PipelineSetup(emailMessages: 10_000, corpusBodies: true, latencyMilliseconds: 0, allCategories: false),
                PipelineSetup(emailMessages: 10_000, corpusBodies: true, latencyMilliseconds: 100, allCategories: false),
                PipelineSetup(emailMessages: 10_000, corpusBodies: false, latencyMilliseconds: 0, allCategories: false),
                PipelineSetup(emailMessages: 10_000, corpusBodies: false, latencyMilliseconds: 0, allCategories: true),
            ]
            for setup in setups {
                progress("pipeline with \(setup.label)")
                figures.append(try await PipelineBenchmark.figure(setup, runs: runs, keyPair: keyPair))
            }
        }
    // Pipeline rows over corpus bodies parse the same documents as the corpus floor.
        if let floor = figures.first(where: { $0.name == "libxml2 floor" && $0.input == "corpus" })?.documentsPerSecond {
            for index in figures.indices where figures[index].name == "pipeline" && figures[index].input.contains("(corpus)") {
                figures[index].ratioToFloor = figures[index].documentsPerSecond.map { $0 / floor }
            }
        }
        return Report(machine: .current, quick: quick, figures: figures, targets: Self.targets(figures))
    }

    /// Checks the performance goals against this run's figures, where they were measured.
    static func targets(_ figures: [Figure]) -> [Report.Target] {
        func find(_ name: String, _ input: String) -> Figure? {
            figures.first { $0.name == name && $0.input == input }
        }
        var targets: [Report.Target] = []
        if let partitionChunk = find("partition+chunk", "corpus"), let ratio = partitionChunk.ratioToFloor {
            targets.append(.init(
                goal: "partition+chunk on one worker >= 0.7x the libxml2 floor (corpus)",
                measured: String(format: "%.2fx", ratio), met: ratio >= 0.7))
        }
        let zero = find("pipeline", "10000 EmailMessage (corpus), 0 ms")
        if let zero, let partition = find("partition", "corpus") {
            let ratio = zero.documentsPerSecond! / partition.documentsPerSecond!
            var measured = String(format: "%.2fx", ratio)
            // Other processes on a shared machine take cores from the pipeline but not from the
            // one-thread partition figure, so the CPU cost per document is shown too: the ratio
            // the pipeline would reach with every core to itself.
            if let pipelineCPU = zero.cpuMillisecondsPerDocument, let partitionCPU = partition.cpuMillisecondsPerDocument {
                let processors = Double(ProcessInfo.processInfo.activeProcessorCount)
                measured += String(
                    format: " (CPU %.3f ms a record, whole process, against %.3f ms a document: %.2fx with all %d cores free)",
                    pipelineCPU, partitionCPU, partitionCPU * processors / pipelineCPU, Int(processors))
            }
            targets.append(.init(
                goal: "pipeline at 0 ms >= 0.6x partition-only documents/s (corpus bodies)",
                measured: measured, met: ratio >= 0.6))
        }
        if let zero, let slow = find("pipeline", "10000 EmailMessage (corpus), 100 ms") {
            let ratio = slow.documentsPerSecond! / zero.documentsPerSecond!
            targets.append(.init(
                goal: "pipeline at 100 ms >= 0.5x the 0 ms documents/s (corpus bodies)",
                measured: String(format: "%.2fx", ratio), met: ratio >= 0.5))
        }
        if let small = find("peak RSS", "1000 EmailMessage (corpus), 0 ms")?.peakRSSMiB,
            let large = find("peak RSS", "10000 EmailMessage (corpus), 0 ms")?.peakRSSMiB
        {
            targets.append(.init(
                goal: "peak RSS at 10,000 records <= 1.25x that at 1,000, and < 128 MiB (corpus bodies)",
                measured: String(format: "%.1f MiB vs %.1f MiB (%.2fx)", large, small, large / small),
                met: large <= 1.25 * small && large < 128))
        }
        return targets
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("sfstream-benchmarks: \(message)\n".utf8))
    }
}

extension Report.Machine {
    static var current: Report.Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return Report.Machine(processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model)
    }
}
