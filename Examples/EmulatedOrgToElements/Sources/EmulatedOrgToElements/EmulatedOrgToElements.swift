import Foundation
import SFStream
import SalesforceEmulator

/// Starts an emulated Salesforce org on 127.0.0.1, streams its records through the sfstream
/// pipeline with `records()`, and prints the element types found in each category.
@main
struct EmulatedOrgToElements {
    static func main() async throws {
        // The emulator trusts the certificate of a key pair made for this run, as a connected
        // app trusts the certificate uploaded to it.
        let keyPair = try TestKeyPair.generate()
        var emulatorConfiguration = EmulatorConfiguration(certificatePEM: keyPair.certificatePEM)
        emulatorConfiguration.recordCount = 10
        let emulator = try SalesforceEmulator(configuration: emulatorConfiguration)
        try emulator.start()
        defer { emulator.stop() }

        let credentials = try SalesforceCredentials(
            username: emulatorConfiguration.username,
            consumerKey: emulatorConfiguration.consumerKey,
            privateKey: try PrivateKey.load(keyPair.privateKeyPEM, setting: "example key"),
            loginURL: emulator.loginURL
        )
        let client = SalesforceClient(credentials: credentials, configuration: ClientConfiguration())
        try await client.authenticate()
        let categories = try await CategoryResolver.resolve(SObjectCategory.defaultNames, client: client)

        // Without chunking the elements keep the types the HTML and text partitioners gave them.
        let pipeline = SalesforcePipeline(client: client, configuration: PipelineConfiguration(categories: categories))
        var summaries: [String: CategorySummary] = [:]
        let records = pipeline.records()
        for try await record in records {
            switch record {
            case .elements(let recordElements):
                summaries[recordElements.category, default: CategorySummary()].add(recordElements)
            case .failure(let failure):
                print("failed: \(failure)")
            case .deleted:
                // Only runs with `includeDeleted` receive deletions.
                break
            }
        }

        for category in categories.map(\.name) {
            guard let summary = summaries[category] else {
                print("\(category): no records")
                continue
            }
            print(summary.report(category: category))
        }
        if let statistics = await records.statistics() {
            print("records read: \(statistics.recordsRead.values.reduce(0, +))")
        }
    }
}

/// Records, element counts by type, and the first title of one category.
struct CategorySummary {
    var records = 0
    var elementsByType: [String: Int] = [:]
    var firstTitle: String?

    mutating func add(_ record: RecordElements) {
        records += 1
        for element in record.elements {
            elementsByType[element.type.rawValue, default: 0] += 1
            if firstTitle == nil, element.type == .title {
                firstTitle = element.text
            }
        }
    }

    func report(category: String) -> String {
        let counts = elementsByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var lines = ["\(category): \(records) records; \(counts)"]
        if let firstTitle {
            lines.append("  first title: \(firstTitle.prefix(80))")
        }
        return lines.joined(separator: "\n")
    }
}
