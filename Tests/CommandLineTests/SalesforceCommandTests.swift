import Foundation
import SalesforceEmulator
import Testing

/// `sfstream emulator` and `sfstream salesforce` as two processes, with keys made by `openssl`.
@Suite(.timeLimit(.minutes(10))) struct SalesforceCommandTests {
    /// A key pair and certificate made with the openssl command line, as the README tells users.
    struct Keys: Sendable {
        let folder: URL
        var key: URL { folder.appendingPathComponent("key.pem") }
        var certificate: URL { folder.appendingPathComponent("cert.pem") }
        var otherKey: URL { folder.appendingPathComponent("other.pem") }

        init() throws {
            folder = try ToolProcess.temporaryFolder()
            try ToolProcess.openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem"], in: folder)
            try ToolProcess.openssl(["req", "-new", "-x509", "-key", "key.pem", "-subj", "/CN=sfstream-test", "-days", "2", "-out", "cert.pem"], in: folder)
            try ToolProcess.openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.pem"], in: folder)
        }

        func remove() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Starts `sfstream emulator` and reads its start-up line.
    func startEmulator(_ keys: Keys, records: Int) async throws -> (Process, [String: Any]) {
        let (process, stdout, _) = try ToolProcess.start(["emulator", "--certificate", keys.certificate.path, "--records", String(records)])
        let line = try await ToolProcess.blocking { ToolProcess.readFirstLine(stdout.fileHandleForReading) }
        let startup = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        return (process, startup)
    }

    @Test func salesforceCommandReadsEverySeededRecord() async throws {
        let keys = try await ToolProcess.blocking { try Keys() }
        defer { keys.remove() }
        let (emulator, startup) = try await startEmulator(keys, records: 5)
        defer { emulator.terminate() }

        let loginURL = try #require(startup["login_url"] as? String)
        #expect(startup["instance_url"] is String)
        let counts = try #require(startup["records"] as? [String: Int])
        let errors = keys.folder.appendingPathComponent("errors.ndjson")
        let result = try await ToolProcess.run([
            "salesforce", "--username", try #require(startup["username"] as? String),
            "--consumer-key", try #require(startup["consumer_key"] as? String),
            "--private-key-file", keys.key.path, "--login-url", loginURL, "--errors", errors.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")

        let recordsByCategory = try result.recordIdsByCategory()
        for category in ["Account", "Campaign", "Case", "Lead"] {
            #expect(recordsByCategory[category]?.count == counts[category], "\(category)")
        }
        // Empty e-mails yield no elements, so they must appear as failures instead.
        let emailElements = recordsByCategory["EmailMessage"]?.count ?? 0
        let emailFailures = (try? String(contentsOf: errors, encoding: .utf8))?.split(separator: "\n").count ?? 0
        #expect(emailElements + emailFailures == counts["EmailMessage"])

        emulator.interrupt()
        let status = try await ToolProcess.blocking {
            emulator.waitUntilExit()
            return emulator.terminationStatus
        }
        #expect(status == 0)
    }

    @Test func wrongKeyIsRejectedWithOneLine() async throws {
        let keys = try await ToolProcess.blocking { try Keys() }
        defer { keys.remove() }
        let (emulator, startup) = try await startEmulator(keys, records: 1)
        defer { emulator.terminate() }

        let result = try await ToolProcess.run([
            "salesforce", "--username", try #require(startup["username"] as? String),
            "--consumer-key", try #require(startup["consumer_key"] as? String),
            "--private-key-file", keys.otherKey.path, "--login-url", try #require(startup["login_url"] as? String),
        ])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("invalid_grant"))
    }

    @Test func missingSettingsAreListedTogether() async throws {
        let result = try await ToolProcess.run(["salesforce"])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderr.contains("--username"))
        #expect(result.stderr.contains("--consumer-key"))
        #expect(result.stderr.contains("--private-key-file"))
    }

    @Test func unreachableHostIsOneLine() async throws {
        let keys = try await ToolProcess.blocking { try Keys() }
        defer { keys.remove() }
        // Port 9 on loopback has no listener on these machines; the connection is refused at once.
        let result = try await ToolProcess.run([
            "salesforce", "--username", "u@example.com", "--consumer-key", "k", "--private-key-file", keys.key.path,
            "--login-url", "http://127.0.0.1:9", "--request-timeout", "2",
        ])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
    }

    @Test func plainHTTPLoginURLIsRejectedForRemoteHosts() async throws {
        let keys = try await ToolProcess.blocking { try Keys() }
        defer { keys.remove() }
        let result = try await ToolProcess.run([
            "salesforce", "--username", "u@example.com", "--consumer-key", "k", "--private-key-file", keys.key.path,
            "--login-url", "http://login.example.com",
        ])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderr.contains("https"))
    }

    @Test(arguments: ["--private-key-file", "--private-key"])
    func unreadableKeyIsOneLineWithoutKeyText(setting: String) async throws {
        let keys = try await ToolProcess.blocking { try Keys() }
        defer { keys.remove() }
        let text = try String(contentsOf: keys.key, encoding: .utf8)
        let truncated = String(text.split(separator: "\n").dropLast(4).joined(separator: "\n")) + "\n-----END PRIVATE KEY-----\n"
        let truncatedFile = keys.folder.appendingPathComponent("truncated.pem")
        try truncated.write(to: truncatedFile, atomically: true, encoding: .utf8)

        let value = setting == "--private-key-file" ? truncatedFile.path : truncated
        let result = try await ToolProcess.run([
            "salesforce", "--username", "u@example.com", "--consumer-key", "k", setting, value,
            "--login-url", "http://127.0.0.1:9",
        ])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains(setting))
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        for start in stride(from: 0, to: body.count - 16, by: 8) {
            let run = String(body.dropFirst(start).prefix(16))
            #expect(!result.stderr.contains(run))
        }
    }
}
