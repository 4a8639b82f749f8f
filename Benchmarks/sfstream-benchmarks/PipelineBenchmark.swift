import Foundation
import SFStream
import SalesforceEmulator

/// The whole pipeline against an emulated org in this process: query, fetch, partition, chunk
/// (by_title) and NDJSON encoding into a buffer that is discarded.
///
/// The emulator shares the process and its cores, so its HTTP serving and record generation are
/// part of the measured cost, as URLSession's per-request CPU is.
struct PipelineSetup: Sendable {
    /// EmailMessage records the org holds. With `allCategories`, every other object holds as many.
    var emailMessages: Int
    /// Whether every EmailMessage body is a corpus document (the corpus repeated), rather than the
    /// emulator's default: the corpus once, then small generated e-mails and edge cases.
    var corpusBodies: Bool
    var latencyMilliseconds: Int
    var allCategories: Bool
    /// Partition workers; `nil` keeps the pipeline's default (the number of cores).
    var workers: Int? = nil
    var fetchConcurrency: Int? = nil

    var label: String {
        var label = "\(emailMessages) EmailMessage" + (corpusBodies ? " (corpus)" : " (generated)")
        if allCategories { label += " + \(emailMessages) each of 4 objects" }
        label += ", \(latencyMilliseconds) ms"
        return label
    }
}

/// One run's counts.
struct PipelineRun: Sendable {
    var records = 0
    var elements = 0
    var outputBytes = 0
    var failures = 0
}

/// An emulator started once, with a client authenticated against it, ready for several runs.
final class EmulatedOrg: Sendable {
    let emulator: SalesforceEmulator
    let client: SalesforceClient
    let configuration: PipelineConfiguration

    init(_ setup: PipelineSetup, keyPair: (privateKeyPEM: String, certificatePEM: String)) async throws {
        var emulatorConfiguration = EmulatorConfiguration(certificatePEM: keyPair.certificatePEM)
        if setup.allCategories {
            emulatorConfiguration.recordCount = setup.emailMessages
        } else {
            emulatorConfiguration.recordCountsByObject = ["EmailMessage": setup.emailMessages]
        }
        emulatorConfiguration.latencyMilliseconds = setup.latencyMilliseconds
        emulatorConfiguration.repeatsCorpus = setup.corpusBodies
        emulatorConfiguration.apiRequestLimit = Int.max / 2
        emulator = try SalesforceEmulator(configuration: emulatorConfiguration)
        try emulator.start()

        let credentials = try SalesforceCredentials(
            username: emulatorConfiguration.username,
            consumerKey: emulatorConfiguration.consumerKey,
            privateKey: try PrivateKey.load(keyPair.privateKeyPEM, setting: "benchmark key"),
            loginURL: emulator.loginURL
        )
        client = SalesforceClient(credentials: credentials)
        try await client.authenticate()
        let names = setup.allCategories ? SObjectCategory.defaultNames : ["EmailMessage"]
        let categories = try await CategoryResolver.resolve(names, client: client)
        var configuration = PipelineConfiguration(categories: categories, chunking: try ChunkingOptions(strategy: .byTitle))
        if let workers = setup.workers { configuration.partitionWorkers = workers }
        if let concurrency = setup.fetchConcurrency { configuration.fetchConcurrency = concurrency }
        self.configuration = configuration
    }

    deinit { emulator.stop() }

    /// Runs the pipeline once and consumes its output as `sfstream salesforce` does.
    func run() async throws -> PipelineRun {
        let pipeline = SalesforcePipeline(client: client, configuration: configuration)
        let output = BoundedChannel<[RecordOutput]>(capacity: configuration.channelCapacity)
        let task = Task { await pipeline.run(into: output) }
        var writer = ElementJSONWriter(reservingCapacity: 1 << 16)
        var counts = PipelineRun()
        for try await batch in output {
            for item in batch {
                switch item {
                case .elements(let record):
                    counts.records += 1
                    counts.elements += record.elements.count
                    for element in record.elements { writer.write(element) }
                case .deleted:
                    break
                case .failure:
                    counts.failures += 1
                }
            }
            counts.outputBytes += writer.buffer.count
            writer.removeAll()
        }
        _ = await task.value
        return counts
    }
}

enum PipelineBenchmark {
    static func figure(_ setup: PipelineSetup, runs: Int, keyPair: (privateKeyPEM: String, certificatePEM: String)) async throws -> Figure {
        let org = try await EmulatedOrg(setup, keyPair: keyPair)
        var last = PipelineRun()
        let samples = try await Measurement.seconds(runs: runs, warmUp: false) {
            last = try await org.run()
        }
        guard last.failures == 0 else {
            throw BenchmarkError("\(last.failures) records failed in the pipeline run with \(setup.label)")
        }
        let seconds = Measurement.median(samples)
        var note = "\(last.records) records, \(last.elements) chunks, workers \(org.configuration.partitionWorkers), fetch concurrency \(org.configuration.fetchConcurrency)"
        if setup.allCategories { note += ", all five categories" }
        return Figure(
            name: "pipeline", input: setup.label, runs: samples.count, medianSeconds: seconds,
            documentsPerSecond: Double(last.records) / seconds,
            megabytesPerSecond: Double(last.outputBytes) / 1e6 / seconds,
            elementsPerSecond: Double(last.elements) / seconds,
            note: note
        )
    }
}
