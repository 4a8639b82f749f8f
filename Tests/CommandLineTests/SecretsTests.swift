import Foundation
import SalesforceEmulator
import Testing

/// A marker planted in the access token and in the private key must appear in no output.
@Suite(.timeLimit(.minutes(10))) struct SecretsTests {
    static let tokenMarker = "SECRETTOKENMARKER42"

    /// What a `salesforce` run against an emulated org with a marked token wrote, and the key it used.
    struct MarkedRun {
        var result: ToolProcess.Result
        /// Stdout, stderr and the `--errors` file together.
        var everything: String
        var privateKeyPEM: String
    }

    /// Runs `salesforce` with `extraArguments` against an org that ends two sessions mid-pagination
    /// (so the run re-authenticates) and injects random faults (so it retries).
    func runMarked(_ extraArguments: [String]) async throws -> MarkedRun {
        let keyPair = try TestKeyPair.generate()
        var configuration = EmulatorConfiguration(certificatePEM: keyPair.certificatePEM)
        configuration.recordCount = 8
        configuration.pageSize = 4
        configuration.faultRate = 0.2
        configuration.seed = 3
        configuration.accessTokenMarker = Self.tokenMarker
        let emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
        defer { emulator.stop() }
        emulator.inject(.invalidSession, on: .queryMore, times: 2)

        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = folder.appendingPathComponent("errors.ndjson")
        let result = try await ToolProcess.run(
            [
                "salesforce", "--login-url", emulator.loginURL.absoluteString, "--errors", errors.path,
                "--categories", "Case,EmailMessage,Lead",
            ] + extraArguments,
            environment: [
                "SALESFORCE_USERNAME": configuration.username,
                "SALESFORCE_CONSUMER_KEY": configuration.consumerKey,
                "SALESFORCE_PRIVATE_KEY": keyPair.privateKeyPEM,
            ]
        )
        let everything = result.stdoutText + result.stderr + ((try? String(contentsOf: errors, encoding: .utf8)) ?? "")
        return MarkedRun(result: result, everything: everything, privateKeyPEM: keyPair.privateKeyPEM)
    }

    func expectNoSecret(in run: MarkedRun) {
        #expect(!run.everything.contains(Self.tokenMarker))
        #expect(!run.everything.contains("Bearer "))
        let keyBody = run.privateKeyPEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        for start in stride(from: 0, to: keyBody.count - 16, by: 4) {
            let piece = String(keyBody.dropFirst(start).prefix(16))
            #expect(!run.everything.contains(piece), "key material at offset \(start)")
        }
    }

    @Test func tokenAndKeyNeverReachAnyOutput() async throws {
        let run = try await runMarked([])
        #expect(!run.result.stdout.isEmpty, "\(run.result.stderr)")
        expectNoSecret(in: run)
    }

    @Test func tokenAndKeyNeverReachTraceLog() async throws {
        let run = try await runMarked(["--log-level", "trace"])
        #expect(!run.result.stdout.isEmpty, "\(run.result.stderr)")
        // The run logged the events most likely to carry a secret, so their absence means something.
        #expect(run.result.stderr.contains("sfstream salesforce: info: obtained Salesforce access token"))
        #expect(run.result.stderr.contains("sfstream salesforce: info: renewing Salesforce access token after a rejected request"))
        #expect(run.result.stderr.contains("sfstream salesforce: info: renewed Salesforce access token"))
        #expect(run.result.stderr.contains("sfstream salesforce: debug: querying category category=Case"))
        expectNoSecret(in: run)
    }
}
