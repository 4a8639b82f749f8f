import Foundation
import Testing
@testable import SFStreamSalesforce

@Suite("Private key loading")
struct PrivateKeyLoadingTests {
    let setting = "--private-key-file"

    @Test func pkcs8FromPath() throws {
        let key = try PrivateKey.load(try TestKeys.path("key-pkcs8.pem"), setting: setting)
        #expect(key.bits == 2048)
    }

    @Test func pkcs8FromText() throws {
        let fromText = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        let fromFile = try PrivateKey.load(fileAt: try TestKeys.path("key-pkcs8.pem"), setting: setting)
        #expect(fromText.pkcs1DER == fromFile.pkcs1DER)
    }

    @Test func pkcs1MatchesPKCS8() throws {
        let pkcs1 = try PrivateKey.load(try TestKeys.text("key-pkcs1.pem"), setting: setting)
        let pkcs8 = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        #expect(pkcs1.pkcs1DER == pkcs8.pkcs1DER)
    }

    @Test(arguments: [
        "key-pkcs8-crlf.pem", "key-pkcs8-bom.pem", "key-pkcs8-trailing-space.pem",
        "key-pkcs8-literal-backslash-n.txt", "key-pkcs8-spaces.txt", "key-pkcs8-quoted.txt", "key-pkcs8-body-only.txt",
    ])
    func pastedVariantLoads(file: String) throws {
        let original = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        let fromText = try PrivateKey.load(try TestKeys.text(file), setting: setting)
        let fromPath = try PrivateKey.load(try TestKeys.path(file), setting: setting)
        #expect(fromText.pkcs1DER == original.pkcs1DER)
        #expect(fromPath.pkcs1DER == original.pkcs1DER)
    }

    @Test func surroundingSpacesAndSingleQuotes() throws {
        let original = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        let wrapped = "  '" + (try TestKeys.text("key-pkcs8.pem")) + "'  \n"
        #expect(try PrivateKey.load(wrapped, setting: setting).pkcs1DER == original.pkcs1DER)
    }

    @Test func missingPathNamesPath() throws {
        let path = try TestKeys.path("does-not-exist.pem")
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(path, setting: setting)
        }
        #expect(error.problem.isNeitherPEMNorFile)
        #expect(error.description.contains("neither PEM data nor an existing file"))
        #expect(error.description.contains(path))
        #expect(error.description.hasPrefix("--private-key-file: "))
        #expect(!error.description.contains("\n"))
    }

    @Test func headerOnlyIsIncomplete() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load("-----BEGIN PRIVATE KEY-----", setting: "SALESFORCE_PRIVATE_KEY")
        }
        #expect(error.problem.isIncomplete)
        #expect(error.description.contains("incomplete"))
        #expect(error.description.hasPrefix("SALESFORCE_PRIVATE_KEY: "))
    }

    @Test func emptyBodyIsIncomplete() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n", setting: setting)
        }
        #expect(error.problem.isIncomplete)
    }

    @Test func encryptedWithoutPassphrase() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(try TestKeys.path("key-pkcs8-encrypted.pem"), setting: setting)
        }
        #expect(error.problem.isEncrypted)
        #expect(error.description.contains("private key is encrypted; pass --private-key-passphrase"))
    }

    @Test func encryptedWithPassphrase() throws {
        let original = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        let decrypted = try PrivateKey.load(
            try TestKeys.path("key-pkcs8-encrypted.pem"), setting: setting, passphrase: "example-passphrase"
        )
        #expect(decrypted.pkcs1DER == original.pkcs1DER)
    }

    @Test func encryptedPKCS1WithPassphrase() throws {
        // Traditional encryption: "BEGIN RSA PRIVATE KEY" with Proc-Type and DEK-Info headers.
        let directory = try TestKeys.url("key-pkcs8.pem").deletingLastPathComponent()
        let made = try OpenSSLCommand.run([
            "rsa", "-in", "key-pkcs8.pem", "-traditional", "-aes256", "-passout", "pass:example-passphrase",
            "-out", "key-pkcs1-encrypted.pem",
        ], in: directory)
        try #require(made)
        let path = directory.appendingPathComponent("key-pkcs1-encrypted.pem").path
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Proc-Type: 4,ENCRYPTED"))

        let error = try #require(throws: CredentialError.self) { try PrivateKey.load(path, setting: setting) }
        #expect(error.problem.isEncrypted)
        let original = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        let decrypted = try PrivateKey.load(path, setting: setting, passphrase: "example-passphrase")
        #expect(decrypted.pkcs1DER == original.pkcs1DER)
    }

    @Test func encryptedWithWrongPassphrase() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(try TestKeys.path("key-pkcs8-encrypted.pem"), setting: setting, passphrase: "wrong")
        }
        #expect(error.problem.isWrongPassphrase)
        #expect(!error.description.contains("wrong"))
    }

    @Test func ecKeyRejected() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(try TestKeys.path("key-ec.pem"), setting: setting)
        }
        #expect(error.problem.isNotRSA)
        #expect(error.description.contains("RS256 needs an RSA key; an EC key was given"))
    }

    @Test func openSSHKeyNamesConversion() throws {
        let path = try TestKeys.path("key-openssh.pem")
        try #require(FileManager.default.fileExists(atPath: path), "ssh-keygen did not make an OpenSSH key")
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(path, setting: setting)
        }
        #expect(error.problem.isOpenSSHFormat)
        #expect(error.description.contains("OpenSSH"))
        #expect(error.description.contains("ssh-keygen -p -m PEM -f KEY"))
    }

    @Test func truncatedKeyIsCorrupt() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(try TestKeys.text("key-pkcs8-truncated.pem"), setting: setting)
        }
        #expect(error.problem.isCorrupt)
        #expect(error.description.contains("could not be decoded (truncated or corrupt)"))
    }

    @Test func truncatedBodyOnlyIsCorrupt() throws {
        let body = try TestKeys.text("key-pkcs8-body-only.txt").split(separator: "\n").dropLast(4).joined(separator: "\n")
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(body, setting: setting)
        }
        #expect(error.problem.isCorrupt)
        #expect(error.description.contains("without BEGIN/END lines"))
    }

    @Test func publicKeyIsNotAPrivateKey() throws {
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(try TestKeys.text("public.pem"), setting: setting)
        }
        #expect(error.description.contains("PUBLIC KEY, not a private key"))
    }

    @Test func certificateBeforeKeyIsSkipped() throws {
        let combined = (try TestKeys.text("cert.pem")) + (try TestKeys.text("key-pkcs1.pem"))
        let original = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        #expect(try PrivateKey.load(combined, setting: setting).pkcs1DER == original.pkcs1DER)
    }

    @Test func garbageTextIsNotShown() throws {
        let value = String(repeating: "QUJD", count: 10) + "\nMORE"
        let error = try #require(throws: CredentialError.self) {
            try PrivateKey.load(value, setting: setting)
        }
        #expect(error.problem.isNeitherPEMNorFile)
        #expect(!error.description.contains("QUJDQUJD"))
    }

    @Test func errorsCarryNoKeyMaterial() throws {
        let runs = try TestKeys.keyMaterialRuns()
        let pkcs8 = try TestKeys.text("key-pkcs8.pem")
        let bodyLines = pkcs8.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        let failingValues: [(String, String?)] = [
            (try TestKeys.text("key-pkcs8-truncated.pem"), nil),
            (try TestKeys.text("key-pkcs8-encrypted.pem"), nil),
            (try TestKeys.text("key-pkcs8-encrypted.pem"), "wrong"),
            (try TestKeys.text("key-ec.pem"), nil),
            ("-----BEGIN PRIVATE KEY-----\n" + bodyLines.prefix(5).joined(separator: "\n"), nil),
            (bodyLines.prefix(3).joined(), nil),
            (bodyLines.dropLast(3).joined(separator: " "), nil),
            (String(bodyLines[4]), nil),
            ("-----BEGIN PRIVATE KEY-----\n" + bodyLines.joined(separator: "\n").replacingOccurrences(of: "A", with: "*") + "\n-----END PRIVATE KEY-----", nil),
        ]
        for (value, passphrase) in failingValues {
            let error = try #require(throws: CredentialError.self) {
                try PrivateKey.load(value, setting: setting, passphrase: passphrase)
            }
            #expect(TestKeys.leakedKeyMaterial(in: error.description, runs: runs) == nil, "\(error.problem)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func descriptionIsRedacted() throws {
        let key = try PrivateKey.load(try TestKeys.text("key-pkcs8.pem"), setting: setting)
        #expect("\(key)" == "PrivateKey(redacted)")
        #expect(String(reflecting: key) == "PrivateKey(redacted)")
    }
}
