import Foundation
import SalesforceEmulator
import Synchronization

@testable import SFStream

/// One key pair for every test of this target: RSA key generation is the slowest step of a run.
let sharedKeyPair: (privateKeyPEM: String, certificatePEM: String) = {
    try! TestKeyPair.generate()
}()

/// An emulated org on 127.0.0.1 and a client logged in to it, for pipeline tests.
struct EmulatedOrg {
    let emulator: SalesforceEmulator
    let configuration: EmulatorConfiguration

    init(_ configure: (inout EmulatorConfiguration) -> Void = { _ in }) throws {
        var configuration = EmulatorConfiguration(certificatePEM: sharedKeyPair.certificatePEM)
        configure(&configuration)
        self.configuration = configuration
        emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
    }

    /// Returns a client with short retry delays, so fault tests finish quickly.
    func client(_ configure: (inout ClientConfiguration) -> Void = { _ in }) throws -> SalesforceClient {
        var clientConfiguration = ClientConfiguration(retryBaseDelay: 0.01, retryMaxDelay: 0.2)
        configure(&clientConfiguration)
        let credentials = try SalesforceCredentials(
            username: configuration.username,
            consumerKey: configuration.consumerKey,
            privateKey: try PrivateKey.load(sharedKeyPair.privateKeyPEM, setting: "test key"),
            loginURL: emulator.loginURL
        )
        return SalesforceClient(credentials: credentials, configuration: clientConfiguration)
    }

    func stop() {
        emulator.stop()
    }
}

/// What one pipeline run delivered, by record.
struct PipelineResult {
    var elements: [String: RecordElements] = [:]
    var duplicates: [String] = []
    var deleted: [RecordLocator] = []
    var failures: [RecordFailure] = []
    var statistics: PipelineStatistics?

    var deliveredIDs: Set<String> { Set(elements.keys) }
}

/// Runs `configuration` against `client` and collects every output, marking records delivered
/// in the configuration's tracker as the command line does.
func runPipeline(_ client: SalesforceClient, _ configuration: PipelineConfiguration) async -> PipelineResult {
    let output = BoundedChannel<[RecordOutput]>(capacity: 4)
    let pipeline = SalesforcePipeline(client: client, configuration: configuration)
    let task = Task { await pipeline.run(into: output) }
    var result = PipelineResult()
    do {
        for try await batch in output {
            for item in batch {
                switch item {
                case .elements(let record):
                    if result.elements[record.recordID] != nil { result.duplicates.append(record.recordID) }
                    result.elements[record.recordID] = record
                    configuration.tracker?.markDelivered(category: record.category, id: record.recordID)
                case .deleted(let locator):
                    result.deleted.append(locator)
                    configuration.tracker?.markDelivered(category: locator.category, id: locator.id)
                case .failure(let failure):
                    result.failures.append(failure)
                }
            }
        }
    } catch {
        result.failures.append(RecordFailure(category: "-", recordID: nil, stage: .query, reason: "\(error)"))
    }
    result.statistics = await task.value
    return result
}

/// Returns the named categories, restricted to the emulator's describe results.
func categories(_ names: [String], client: SalesforceClient) async throws -> [SObjectCategory] {
    try await client.authenticate()
    return try await CategoryResolver.resolve(names, client: client)
}
