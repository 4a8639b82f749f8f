import Foundation
import SalesforceEmulator
import Testing
@testable import SFStreamSalesforce

@Suite("Secrets stay out of messages")
struct SecretsTests {
    static let tokenMarker = "00Dxx!SECRET-TOKEN-MARKER-7f3a9c"

    @Test func tokenMarkerInNoErrorOrLogLine() async throws {
        let calls = Counter()
        let org = try StubOrg { request, org in
            if request.path == "/services/oauth2/token" { return org.tokenResponse(Self.tokenMarker) }
            switch calls.increment() {
            case 1: return .json(status: 503, #"[{"errorCode":"SERVER_UNAVAILABLE","message":"busy"}]"#)
            case 2: return .json(status: 200, #"{"totalSize":1,"done":true,"records":["#)
            case 3, 4: return .json(status: 401, #"[{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}]"#)
            default: return .json(status: 400, #"[{"errorCode":"MALFORMED_QUERY","message":"bad"}]"#)
            }
        }
        let logs = LogCollector()
        let client = try org.makeClient(configuration: .fastRetries(logger: logs.logger))
        var messages: [String] = []
        do {
            try await client.query("SELECT Id FROM Case") { _ in }
        } catch {
            messages.append("\(error)")
            messages.append(String(reflecting: error))
        }
        do {
            _ = try await client.describe(sObject: "Case")
        } catch {
            messages.append("\(error)")
        }
        messages += logs.lines
        messages.append("\(AccessToken(Self.tokenMarker))")
        messages.append(String(reflecting: AccessToken(Self.tokenMarker)))
        messages.append("\(client.statistics())")

        #expect(messages.count > 6)
        #expect(logs.lines.contains { $0.hasPrefix("retrying Salesforce request") })
        for message in messages {
            #expect(!message.contains("SECRET-TOKEN-MARKER"), "\(message)")
        }
    }

    @Test func keyMarkerInNoError() throws {
        // The marker sits in the base64 body, where a corrupt key would be echoed if errors quoted input.
        let pem = try TestKeys.text("key-pkcs8.pem")
        var lines = pem.split(separator: "\n").map(String.init)
        lines[3] = "SECRETKEYMARKER" + String(lines[3].dropFirst(15))
        let marked = lines.joined(separator: "\n")
        for value in [marked, lines.dropFirst().dropLast().joined(separator: "\n"), lines[3], String(marked.prefix(400))] {
            let error = try #require(throws: CredentialError.self) {
                try PrivateKey.load(value, setting: "SALESFORCE_PRIVATE_KEY")
            }
            #expect(!error.description.contains("SECRETKEYMARKER"), "\(error)")
            #expect(!String(reflecting: error).contains("SECRETKEYMARKER"))
        }
    }
}

@Suite("Token exchange")
struct TokenExchangeTests {
    @Test func insecureInstanceURLRejected() async throws {
        let org = try StubOrg { request, _ in
            .json(status: 200, #"{"access_token":"T","instance_url":"http://acme.my.salesforce.com"}"#)
        }
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FROM Case") { _ in }
        }
        #expect(error.kind == .insecureInstanceURL)
        #expect(error.description.contains("http://acme.my.salesforce.com"))
        #expect(org.apiRequests.isEmpty)
    }

    @Test(arguments: [
        ("user hasn't approved this consumer", "pre-authorize the user"),
        ("audience is invalid", "audience"),
        ("invalid assertion", "certificate uploaded to the app matches the private key"),
    ])
    func invalidGrantExplained(description: String, advice: String) async throws {
        let org = try StubOrg { _, _ in
            .json(status: 400, #"{"error":"invalid_grant","error_description":"\#(description)"}"#)
        }
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) { try await client.authenticate() }
        #expect(error.kind == .authenticationFailed)
        #expect(error.errorCode == "invalid_grant")
        #expect(error.description.contains(description))
        #expect(error.description.contains(advice))
        #expect(!error.description.contains("\n"))
        #expect(org.tokenRequests.count == 1)
    }

    @Test func tokenRequestCarriesSignedAssertion() async throws {
        let org = try StubOrg { _, org in org.tokenResponse("T") }
        let client = try org.makeClient()
        try await client.authenticate()
        try await client.authenticate()
        let request = try #require(org.tokenRequests.first)
        #expect(org.tokenRequests.count == 1)
        #expect(request.method == "POST")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        let assertion = try #require(request.form["assertion"])
        let parts = assertion.split(separator: ".")
        try #require(parts.count == 3)
        let signature = try #require(Base64URL.decode(parts[2]))
        #expect(try OpenSSLCommand.verifyRS256(
            message: Array("\(parts[0]).\(parts[1])".utf8), signature: signature, publicKeyPath: try TestKeys.path("public.pem")
        ))
    }
}
