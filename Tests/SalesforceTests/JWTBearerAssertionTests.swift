import Foundation
import Testing
@testable import SFStreamSalesforce

@Suite("JWT bearer assertion")
struct JWTBearerAssertionTests {
    func credentials(keyFile: String, loginURL: String = "https://login.salesforce.com") throws -> SalesforceCredentials {
        let key = try PrivateKey.load(try TestKeys.path(keyFile), setting: "--private-key-file")
        return try SalesforceCredentials(
            username: "integration@example.com",
            consumerKey: "3MVG9EXAMPLE.consumer\"key",
            privateKey: key,
            loginURL: try #require(URL(string: loginURL))
        )
    }

    @Test(arguments: ["key-pkcs8.pem", "key-pkcs1.pem"])
    func signatureVerifiesWithPublicKey(keyFile: String) throws {
        let assertion = try JWTBearerAssertion.make(for: try credentials(keyFile: keyFile))
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        let signature = try #require(Base64URL.decode(parts[2]))
        let signingInput = Array("\(parts[0]).\(parts[1])".utf8)
        #expect(try OpenSSLCommand.verifyRS256(message: signingInput, signature: signature, publicKeyPath: try TestKeys.path("public.pem")))
    }

    @Test func tamperedClaimsFailVerification() throws {
        let assertion = try JWTBearerAssertion.make(for: try credentials(keyFile: "key-pkcs8.pem"))
        let parts = assertion.split(separator: ".")
        let signature = try #require(Base64URL.decode(parts[2]))
        let tampered = Array("\(parts[0]).\(parts[1])x".utf8)
        #expect(try !OpenSSLCommand.verifyRS256(message: tampered, signature: signature, publicKeyPath: try TestKeys.path("public.pem")))
    }

    @Test func headerAndClaims() throws {
        let now = Date()
        let assertion = try JWTBearerAssertion.make(for: try credentials(keyFile: "key-pkcs8.pem"), now: now)
        let parts = assertion.split(separator: ".")
        #expect(!assertion.contains("="))
        let header = String(decoding: try #require(Base64URL.decode(parts[0])), as: UTF8.self)
        #expect(header == #"{"alg":"RS256"}"#)

        let claimsBytes = try #require(Base64URL.decode(parts[1]))
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(claimsBytes)) as? [String: Any])
        #expect(claims["iss"] as? String == "3MVG9EXAMPLE.consumer\"key")
        #expect(claims["sub"] as? String == "integration@example.com")
        #expect(claims["aud"] as? String == "https://login.salesforce.com")
        let expiry = try #require((claims["exp"] as? NSNumber)?.doubleValue)
        #expect(expiry > now.timeIntervalSince1970)
        #expect(expiry <= now.timeIntervalSince1970 + 180)
    }

    @Test func sandboxAudience() throws {
        let assertion = try JWTBearerAssertion.make(for: try credentials(keyFile: "key-pkcs8.pem", loginURL: "https://test.salesforce.com"))
        let claimsBytes = try #require(Base64URL.decode(assertion.split(separator: ".")[1]))
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(claimsBytes)) as? [String: Any])
        #expect(claims["aud"] as? String == "https://test.salesforce.com")
    }
}
