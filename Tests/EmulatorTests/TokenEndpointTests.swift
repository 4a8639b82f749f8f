import Foundation
import SalesforceEmulator
import Testing

@Suite("Token endpoint")
struct TokenEndpointTests {
    @Test func validAssertionGetsToken() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }

        let reply = try await harness.requestToken(assertion: try harness.assertion())
        let object = try #require(try reply.json() as? [String: Any])

        #expect(reply.status == 200)
        #expect((object["access_token"] as? String)?.contains("!") == true)
        #expect(object["token_type"] as? String == "Bearer")
        #expect(object["scope"] as? String == "api")
        #expect(object["instance_url"] as? String == harness.emulator.instanceURL.absoluteString)
        #expect((object["id"] as? String)?.hasPrefix(harness.emulator.loginURL.absoluteString + "/id/00D") == true)
        #expect(Int64(object["issued_at"] as? String ?? "") != nil)
    }

    @Test func audiencesAccepted() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let audiences: [Any] = [
            "https://login.salesforce.com", "https://test.salesforce.com", "https://login.salesforce.com/",
            harness.emulator.loginURL.absoluteString, ["https://other.example.com", "https://test.salesforce.com"],
        ]
        for audience in audiences {
            let reply = try await harness.requestToken(assertion: try harness.assertion(harness.claims(audience: audience)))
            #expect(reply.status == 200, "audience \(audience)")
        }
    }

    /// Each case: how the assertion is made, and the OAuth error Salesforce returns for it.
    @Test func rejectedAssertions() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let valid = try harness.assertion()
        let parts = valid.split(separator: ".").map(String.init)
        var tamperedClaims = harness.claims()
        tamperedClaims["sub"] = "someone.else@example.com"
        let forgedPayload = JWTSigner.base64URL(JWTSigner.json(tamperedClaims))

        let cases: [(name: String, assertion: String, error: String, description: String)] = [
            ("wrong key", try harness.assertion(privateKeyPEM: TestKeys.otherPair.privateKeyPEM), "invalid_grant", "invalid assertion"),
            ("wrong audience", try harness.assertion(harness.claims(audience: "https://evil.example.com")), "invalid_grant", "audience is invalid"),
            ("wrong issuer", try harness.assertion(harness.claims(issuer: "3MVG9other")), "invalid_client_id", "client identifier invalid"),
            ("wrong subject", try harness.assertion(harness.claims(subject: "nobody@example.com")), "invalid_grant", "user hasn't approved this consumer"),
            ("expired", try harness.assertion(harness.claims(expiresIn: -30)), "invalid_grant", "expired authorization code"),
            ("exp too far", try harness.assertion(harness.claims(expiresIn: 3600)), "invalid_grant", "invalid assertion"),
            ("bad signature", parts[0] + "." + forgedPayload + "." + parts[2], "invalid_grant", "invalid assertion"),
            ("truncated signature", parts[0] + "." + parts[1] + "." + String(parts[2].dropLast(8)), "invalid_grant", "invalid assertion"),
            ("not a JWT", "not-a-jwt", "invalid_grant", "invalid assertion"),
            (
                "HS256 header",
                try JWTSigner.sign(header: ["alg": "HS256"], claims: harness.claims(), privateKeyPEM: TestKeys.pair.privateKeyPEM),
                "invalid_grant", "invalid assertion"
            ),
        ]
        for testCase in cases {
            let reply = try await harness.requestToken(assertion: testCase.assertion)
            let object = try #require(try reply.json() as? [String: String], "\(testCase.name): \(reply.text)")
            #expect(reply.status == 400, "\(testCase.name)")
            #expect(object["error"] == testCase.error, "\(testCase.name)")
            #expect(object["error_description"] == testCase.description, "\(testCase.name)")
        }
    }

    @Test func unsupportedGrantType() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }

        let reply = try await harness.requestToken(assertion: try harness.assertion(), grantType: "password")
        let object = try #require(try reply.json() as? [String: String])

        #expect(reply.status == 400)
        #expect(object["error"] == "unsupported_grant_type")
    }

    @Test func keyPairIsPKCS8AndX509() throws {
        let pair = try TestKeyPair.generate(bits: 1024)

        #expect(pair.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(pair.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(throws: EmulatorError.self) { _ = try TestKeyPair.generate(bits: 512) }
    }

    @Test func certificateMustBePEM() {
        #expect(throws: EmulatorError.self) {
            _ = try SalesforceEmulator(configuration: EmulatorConfiguration(certificatePEM: "not a certificate"))
        }
    }
}
