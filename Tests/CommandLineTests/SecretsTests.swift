import Foundation
import SalesforceEmulator
import Testing

/// A marker planted in the access token and in the private key must appear in no output.
@Suite(.timeLimit(.minutes(2))) struct SecretsTests {
    @Test func tokenAndKeyNeverReachAnyOutput() async throws {
        let tokenMarker = "SECRETTOKENMARKER42"
        let keyPair = try TestKeyPair.generate()
        var configuration = EmulatorConfiguration(certificatePEM: keyPair.certificatePEM)
        configuration.recordCount = 8
        configuration.pageSize = 4
        configuration.faultRate = 0.2
        configuration.seed = 3
        configuration.accessTokenMarker = tokenMarker
        let emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
        defer { emulator.stop() }
        // Two sessions end mid-pagination, so the run re-authenticates, and random faults make it retry.
        emulator.inject(.invalidSession, on: .queryMore, times: 2)

        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = folder.appendingPathComponent("errors.ndjson")
        let result = try await ToolProcess.run(
            [
                "salesforce", "--login-url", emulator.loginURL.absoluteString, "--errors", errors.path,
                "--categories", "Case,EmailMessage,Lead",
            ],
            environment: [
                "SALESFORCE_USERNAME": configuration.username,
                "SALESFORCE_CONSUMER_KEY": configuration.consumerKey,
                "SALESFORCE_PRIVATE_KEY": keyPair.privateKeyPEM,
            ]
        )
        #expect(!result.stdout.isEmpty, "\(result.stderr)")

        let everything = result.stdoutText + result.stderr + ((try? String(contentsOf: errors, encoding: .utf8)) ?? "")
        #expect(!everything.contains(tokenMarker))
        #expect(!everything.contains("Bearer "))
        let keyBody = keyPair.privateKeyPEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        for start in stride(from: 0, to: keyBody.count - 16, by: 4) {
            let run = String(keyBody.dropFirst(start).prefix(16))
            #expect(!everything.contains(run), "key material at offset \(start)")
        }
    }
}
