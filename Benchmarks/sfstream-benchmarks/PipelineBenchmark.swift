import Foundation
import SFStream
import SalesforceEmulator

/// The whole pipeline against an emulated org in this process: query, fetch, partition, chunk
/// (by_title) and NDJSON encoding into a buffer that is discarded.
///
/// The emulator shares the process and its cores, so its HTTP serving and record generation are
/// part of the measured cost, as URLSession's per-request CPU is.
struct PipelineSetup: Sendable {
    /// EmailMessage records in the org. With `allCategories`, each other default object has as many.
    var emailMessages: Int
    /// Whether every EmailMessage body is a corpus document (the corpus repeated), rather than the
    /// emulator's default: the corpus once, then small generated e-mails and edge cases.
    var corpusBodies: Bool
    var latencyMilliseconds: Int
    var allCategories: Bool
    /// Partition workers; `nil` keeps the pipeline's default (the number of cores).
    var workers: Int? = nil
    var fetchConcurrency: Int? = nil
    var fetchBatchSize: Int? = nil
    var channelCapacity: Int? = nil
    /// Records per query page requested (`Sforce-Query-Options: batchSize`); `nil`: the client's default.
    var queryBatchSize: Int? = nil

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

/// An emulator serving `setup`'s records on loopback, with `repeatsCorpus` and latency applied.
enum EmulatorLauncher {
    static let username = "bench@example.com"
    static let consumerKey = "3MVG9benchmark.consumer.key"

    static func start(_ setup: PipelineSetup, certificatePEM: String) throws -> SalesforceEmulator {
        var configuration = EmulatorConfiguration(certificatePEM: certificatePEM)
        if setup.allCategories {
            configuration.recordCount = setup.emailMessages
        } else {
            configuration.recordCountsByObject = ["EmailMessage": setup.emailMessages]
        }
        configuration.latencyMilliseconds = setup.latencyMilliseconds
        configuration.repeatsCorpus = setup.corpusBodies
        configuration.apiRequestLimit = Int.max / 2
        configuration.username = username
        configuration.consumerKey = consumerKey
        let emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
        return emulator
    }
}

/// A client authenticated against an emulator, with the pipeline configuration `sfstream demo`
/// would use (by_title chunking, categories resolved with describe), ready for several runs.
struct PipelineDriver: Sendable {
    let client: SalesforceClient
    let configuration: PipelineConfiguration

    init(_ setup: PipelineSetup, loginURL: URL, privateKeyPEM: String) async throws {
        let credentials = try SalesforceCredentials(
            username: EmulatorLauncher.username,
            consumerKey: EmulatorLauncher.consumerKey,
            privateKey: try PrivateKey.load(privateKeyPEM, setting: "benchmark key"),
            loginURL: loginURL
        )
        var clientConfiguration = ClientConfiguration()
        if let queryBatchSize = setup.queryBatchSize { clientConfiguration.queryBatchSize = queryBatchSize }
        client = SalesforceClient(credentials: credentials, configuration: clientConfiguration)
        try await client.authenticate()
        let names = setup.allCategories ? SObjectCategory.defaultNames : ["EmailMessage"]
        let categories = try await CategoryResolver.resolve(names, client: client)
        var configuration = PipelineConfiguration(categories: categories, chunking: try ChunkingOptions(strategy: .byTitle))
        if let workers = setup.workers { configuration.partitionWorkers = workers }
        if let concurrency = setup.fetchConcurrency { configuration.fetchConcurrency = concurrency }
        if let batchSize = setup.fetchBatchSize { configuration.fetchBatchSize = batchSize }
        if let capacity = setup.channelCapacity { configuration.channelCapacity = capacity }
        self.configuration = configuration
    }

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
        let emulator = try EmulatorLauncher.start(setup, certificatePEM: keyPair.certificatePEM)
        defer { emulator.stop() }
        let driver = try await PipelineDriver(setup, loginURL: emulator.loginURL, privateKeyPEM: keyPair.privateKeyPEM)
        var last = PipelineRun()
        let samples = try await Measurement.samples(runs: runs, warmUp: false) {
            last = try await driver.run()
        }
        guard last.failures == 0 else {
            throw BenchmarkError("\(last.failures) records failed in the pipeline run with \(setup.label)")
        }
        let seconds = Measurement.median(samples.map(\.wall))
        var note = "\(last.records) records, \(last.elements) chunks, workers \(driver.configuration.partitionWorkers), fetch concurrency \(driver.configuration.fetchConcurrency)"
        if setup.allCategories { note += ", all five categories" }
        return Figure(
            name: "pipeline", input: setup.label, runs: samples.count, medianSeconds: seconds,
            documentsPerSecond: Double(last.records) / seconds,
            megabytesPerSecond: Double(last.outputBytes) / 1e6 / seconds,
            elementsPerSecond: Double(last.elements) / seconds,
            cpuMillisecondsPerDocument: Measurement.median(samples.map(\.cpu)) * 1000 / Double(last.records),
            note: note
        )
    }
}
