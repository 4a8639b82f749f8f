import Foundation
import Testing
@testable import SFStreamSalesforce

@Suite("Credentials and configuration")
struct CredentialsTests {
    func make(loginURL: String, audience: String? = nil) throws -> SalesforceCredentials {
        let key = try PrivateKey.load(try TestKeys.path("key-pkcs8.pem"), setting: "--private-key-file")
        return try SalesforceCredentials(
            username: "user@example.com", consumerKey: "consumer", privateKey: key,
            loginURL: try #require(URL(string: loginURL)), audience: audience
        )
    }

    @Test(arguments: [
        ("https://login.salesforce.com", "https://login.salesforce.com"),
        ("https://test.salesforce.com", "https://test.salesforce.com"),
        ("https://acme--dev.sandbox.my.salesforce.com", "https://test.salesforce.com"),
        ("https://acme.my.salesforce.com", "https://login.salesforce.com"),
        ("http://127.0.0.1:8443", "https://login.salesforce.com"),
    ])
    func defaultAudience(loginURL: String, audience: String) throws {
        #expect(try make(loginURL: loginURL).audience == audience)
    }

    @Test func explicitAudienceKept() throws {
        #expect(try make(loginURL: "https://acme.my.salesforce.com", audience: "https://acme.my.salesforce.com").audience
            == "https://acme.my.salesforce.com")
    }

    @Test(arguments: ["http://login.salesforce.com", "http://10.0.0.5:8080", "ftp://login.salesforce.com"])
    func insecureLoginURLRejected(loginURL: String) throws {
        let error = try #require(throws: CredentialError.self) { try make(loginURL: loginURL) }
        #expect(error.description.contains("login URL"))
        #expect(error.description.contains("https"))
    }

    @Test(arguments: ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"])
    func loopbackHTTPAccepted(loginURL: String) throws {
        _ = try make(loginURL: loginURL)
    }

    @Test func emptyUsernameRejected() throws {
        let key = try PrivateKey.load(try TestKeys.path("key-pkcs8.pem"), setting: "--private-key-file")
        #expect(throws: CredentialError.self) {
            try SalesforceCredentials(username: " ", consumerKey: "c", privateKey: key, loginURL: URL(string: "https://login.salesforce.com")!)
        }
    }

    @Test func defaultConfigurationIsValid() throws {
        try ClientConfiguration().validate()
        #expect(ClientConfiguration().apiVersion == "62.0")
    }

    @Test func configurationListsEveryProblem() throws {
        let configuration = ClientConfiguration(apiVersion: "v62", requestTimeout: 0, maxRetries: -1, queryBatchSize: 100)
        let error = try #require(throws: SalesforceError.self) { try configuration.validate() }
        #expect(error.kind == .invalidConfiguration)
        #expect(error.description.contains("API version \"v62\""))
        #expect(error.description.contains("request timeout"))
        #expect(error.description.contains("max retries"))
        #expect(error.description.contains("query batch size 100"))
    }

    @Test(arguments: [200, 2000])
    func batchSizeBoundsAccepted(size: Int) throws {
        try ClientConfiguration(queryBatchSize: size).validate()
    }

    @Test(arguments: [199, 2001])
    func batchSizeOutsideBoundsRejected(size: Int) throws {
        #expect(throws: SalesforceError.self) { try ClientConfiguration(queryBatchSize: size).validate() }
    }

    @Test func limitInfoHeader() throws {
        let usage = try #require(APIUsage(headerValue: "api-usage=18/5000, per-app-api-usage=17/250(appName=sample)"))
        #expect(usage.used == 18)
        #expect(usage.limit == 5000)
        #expect(APIUsage(headerValue: "per-app-api-usage=17/250") == nil)
    }
}
