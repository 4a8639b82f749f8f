/// One measured row of the report: a stage or run, its median rates and its ratio to the floor.
struct Figure: Codable, Sendable {
    /// The measured stage or run, for example `partition+chunk`.
    var name: String
    /// The input: `corpus`, `synthetic`, or the emulator setup.
    var input: String
    var runs: Int
    var medianSeconds: Double
    var documentsPerSecond: Double?
    /// Megabytes (10⁶ bytes) of input HTML per second; for pipeline rows, of NDJSON output.
    var megabytesPerSecond: Double?
    /// Elements the partitioner produced per second; for pipeline rows, chunks written.
    var elementsPerSecond: Double?
    /// Channel items per second, for the channel rows.
    var itemsPerSecond: Double?
    /// Documents per second divided by the floor's documents per second on the same input.
    var ratioToFloor: Double?
    /// Median CPU milliseconds (user + system) per document: of the measuring thread for the stage
    /// rows, of the whole process (emulator included) for the pipeline rows.
    var cpuMillisecondsPerDocument: Double?
    /// Peak resident set size of a child process, in MiB.
    var peakRSSMiB: Double?
    var note: String?

    /// Returns the row for runs over `documents` documents of `bytes` bytes that yielded `elements`
    /// elements.
    static func documents(
        _ name: String, input: String, samples: [Sample], documents: Int, bytes: Int, elements: Int, note: String? = nil
    ) -> Figure {
        let seconds = Measurement.median(samples.map(\.wall))
        return Figure(
            name: name, input: input, runs: samples.count, medianSeconds: seconds,
            documentsPerSecond: Double(documents) / seconds,
            megabytesPerSecond: Double(bytes) / 1e6 / seconds,
            elementsPerSecond: Double(elements) / seconds,
            cpuMillisecondsPerDocument: Measurement.median(samples.map(\.cpu)) * 1000 / Double(documents),
            note: note
        )
    }
}

/// Everything one benchmark run measured, with the machine it ran on.
struct Report: Codable, Sendable {
    var machine: Machine
    var quick: Bool
    var figures: [Figure]
    var targets: [Target]

    struct Machine: Codable, Sendable {
        var processors: Int
        var cpuModel: String
    }

    /// A goal from the project's performance requirements and whether this run met it.
    struct Target: Codable, Sendable {
        var goal: String
        var measured: String
        var met: Bool
    }
}
