import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SalesforceEmulator
import Testing

/// One RSA key and certificate for the whole test process, because generating a 2048-bit key
/// takes noticeable time in a debug build.
enum TestKeys {
    static let pair: (privateKeyPEM: String, certificatePEM: String) = try! TestKeyPair.generate()
    static let otherPair: (privateKeyPEM: String, certificatePEM: String) = try! TestKeyPair.generate()
}

/// A started emulator and a client for it.
struct EmulatorHarness {
    let emulator: SalesforceEmulator
    let configuration: EmulatorConfiguration
    static let version = "v62.0"

    init(_ configure: (inout EmulatorConfiguration) -> Void = { _ in }) throws {
        var configuration = EmulatorConfiguration(certificatePEM: TestKeys.pair.certificatePEM)
        configure(&configuration)
        self.configuration = configuration
        emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
    }

    func stop() {
        emulator.stop()
    }

    func url(_ pathAndQuery: String) throws -> URL {
        try #require(URL(string: emulator.instanceURL.absoluteString + pathAndQuery))
    }

    func claims(
        issuer: String? = nil, subject: String? = nil, audience: Any = "https://login.salesforce.com",
        expiresIn seconds: Int = 120
    ) -> [String: Any] {
        [
            "iss": issuer ?? configuration.consumerKey,
            "sub": subject ?? configuration.username,
            "aud": audience,
            "exp": Int(Date().timeIntervalSince1970) + seconds,
        ]
    }

    func assertion(_ claims: [String: Any]? = nil, privateKeyPEM: String = TestKeys.pair.privateKeyPEM) throws -> String {
        try JWTSigner.sign(claims: claims ?? self.claims(), privateKeyPEM: privateKeyPEM)
    }

    /// Posts a token request with the JWT bearer grant.
    func requestToken(assertion: String, grantType: String = "urn:ietf:params:oauth:grant-type:jwt-bearer") async throws -> LoopbackClient.Reply {
        let body = "grant_type=\(formEncode(grantType))&assertion=\(formEncode(assertion))"
        return try await LoopbackClient.send(
            try url("/services/oauth2/token"), method: "POST",
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8)
        )
    }

    /// Requests a token with a valid assertion and returns it.
    func accessToken() async throws -> String {
        let reply = try await requestToken(assertion: try assertion())
        try #require(reply.status == 200, "token request failed: \(reply.text)")
        let object = try #require(try reply.json() as? [String: Any])
        return try #require(object["access_token"] as? String)
    }

    func get(_ pathAndQuery: String, token: String?, headers: [String: String] = [:]) async throws -> LoopbackClient.Reply {
        var allHeaders = headers
        if let token { allHeaders["Authorization"] = "Bearer \(token)" }
        return try await LoopbackClient.send(try url(pathAndQuery), headers: allHeaders)
    }

    func send(_ method: String, _ pathAndQuery: String, token: String, json: String? = nil) async throws -> LoopbackClient.Reply {
        var headers = ["Authorization": "Bearer \(token)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return try await LoopbackClient.send(try url(pathAndQuery), method: method, headers: headers, body: json.map { Data($0.utf8) })
    }

    /// `GET /query?q=` with the query percent-encoded.
    func query(_ soql: String, token: String, all: Bool = false, batchSize: Int? = nil) async throws -> LoopbackClient.Reply {
        var headers: [String: String] = [:]
        if let batchSize { headers["Sforce-Query-Options"] = "batchSize=\(batchSize)" }
        return try await get("/services/data/\(Self.version)/\(all ? "queryAll" : "query")?q=\(formEncode(soql))", token: token, headers: headers)
    }

    /// Follows `nextRecordsUrl` until `done` and returns every page's decoded body.
    func queryAllPages(_ soql: String, token: String, batchSize: Int? = nil, all: Bool = false) async throws -> [[String: Any]] {
        var pages: [[String: Any]] = []
        var reply = try await query(soql, token: token, all: all, batchSize: batchSize)
        while true {
            try #require(reply.status == 200, "query failed: \(reply.text)")
            let page = try #require(try reply.json() as? [String: Any])
            pages.append(page)
            guard let next = page["nextRecordsUrl"] as? String else { break }
            try #require(pages.count < 1000)
            reply = try await get(next, token: token)
        }
        return pages
    }
}

func formEncode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}

/// Returns the `errorCode` and `message` of the first object in a REST error body.
func restError(_ reply: LoopbackClient.Reply) throws -> (code: String, message: String) {
    let list = try #require(try reply.json() as? [[String: Any]], "not an error array: \(reply.text)")
    let first = try #require(list.first)
    return (try #require(first["errorCode"] as? String), try #require(first["message"] as? String))
}

func records(_ page: [String: Any]) throws -> [[String: Any]] {
    try #require(page["records"] as? [[String: Any]])
}
