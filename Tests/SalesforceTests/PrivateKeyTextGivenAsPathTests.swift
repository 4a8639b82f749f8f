import Foundation
import Testing

@testable import SFStreamSalesforce

/// Key text given to a setting that expects a path: it must load, and never appear in a message.
@Suite struct PrivateKeyTextGivenAsPathTests {
    static let keyText: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sfstream-key-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", folder.appendingPathComponent("key.pem").path]
        process.standardError = FileHandle.nullDevice
        try! process.run()
        process.waitUntilExit()
        return try! String(contentsOf: folder.appendingPathComponent("key.pem"), encoding: .utf8)
    }()

    @Test func pemTextGivenAsPathLoads() throws {
        let key = try PrivateKey.load(fileAt: Self.keyText, setting: "--private-key-file")
        #expect(key.bits == 2048)
    }

    @Test func bodyOnlyGivenAsPathLoads() throws {
        let body = Self.keyText.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let key = try PrivateKey.load(fileAt: body, setting: "--private-key-file")
        #expect(key.bits == 2048)
    }

    @Test func truncatedTextGivenAsPathIsNotEchoed() throws {
        let lines = Self.keyText.split(separator: "\n")
        let truncated = lines.dropLast(5).joined(separator: "\n") + "\n-----END PRIVATE KEY-----\n"
        do {
            _ = try PrivateKey.load(fileAt: truncated, setting: "--private-key-file")
            Issue.record("a truncated key must not load")
        } catch {
            let message = error.description
            #expect(message.hasPrefix("--private-key-file: "))
            let body = lines.filter { !$0.hasPrefix("-----") }.joined()
            for start in stride(from: 0, to: body.count - 16, by: 8) {
                #expect(!message.contains(String(body.dropFirst(start).prefix(16))))
            }
        }
    }
}
