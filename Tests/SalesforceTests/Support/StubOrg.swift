import Foundation
import SalesforceEmulator
import SFStreamLogging
import SFStreamSalesforce
import Synchronization

/// A loopback HTTP server that plays a Salesforce org from a script, recording every request.
final class StubOrg: Sendable {
    struct Recorded: Sendable, CustomStringConvertible {
        let method: String
        let path: String
        let target: String
        let authorization: String?
        let headers: HTTPHeaders
        let form: [String: String]

        var description: String { "\(method) \(path) \(authorization ?? "-")" }
    }

    typealias Handler = @Sendable (_ request: HTTPRequest, _ org: StubOrg) async -> HTTPResponse

    private let server: Mutex<HTTPServer?> = Mutex(nil)
    private let recorded = Mutex<[Recorded]>([])
    private let portStorage = Mutex<UInt16>(0)

    init(handler: @escaping Handler) throws {
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { [weak self] request in
            guard let self else { return .text(status: 503, "stub gone") }
            var form: [String: String] = [:]
            for item in request.formItems() { form[item.name] = item.value }
            self.recorded.withLock {
                $0.append(Recorded(
                    method: request.method, path: request.path, target: request.target,
                    authorization: request.headers["Authorization"], headers: request.headers, form: form
                ))
            }
            return await handler(request, self)
        }
        portStorage.withLock { $0 = server.port }
        try server.start()
        self.server.withLock { $0 = server }
    }

    deinit {
        server.withLock { $0?.stop() }
    }

    var baseURL: String { "http://127.0.0.1:\(portStorage.withLock { $0 })" }

    var requests: [Recorded] { recorded.withLock { $0 } }

    /// Requests other than token requests.
    var apiRequests: [Recorded] { requests.filter { $0.path != "/services/oauth2/token" } }

    var tokenRequests: [Recorded] { requests.filter { $0.path == "/services/oauth2/token" } }

    /// Returns the token response of a successful JWT bearer exchange, pointing at this stub.
    func tokenResponse(_ token: String) -> HTTPResponse {
        .json(status: 200, #"{"access_token":"\#(token)","instance_url":"\#(baseURL)","token_type":"Bearer","scope":"api","id":"\#(baseURL)/id/00Dxx/005xx"}"#)
    }

    /// A fixture body with its example instance URL replaced by this stub's.
    func fixture(_ path: String, status: Int = 200) -> HTTPResponse {
        let text = (try? Fixtures.text(path)) ?? "missing fixture \(path)"
        return .json(status: status, text.replacingOccurrences(of: "https://acme-dev.example.com", with: baseURL))
    }

    func makeClient(configuration: ClientConfiguration = .fastRetries()) throws -> SalesforceClient {
        let key = try PrivateKey.load(try TestKeys.path("key-pkcs8.pem"), setting: "--private-key-file")
        let credentials = try SalesforceCredentials(
            username: "integration@example.com", consumerKey: "3MVG9EXAMPLE", privateKey: key,
            loginURL: URL(string: baseURL)!
        )
        return SalesforceClient(credentials: credentials, configuration: configuration)
    }
}

extension ClientConfiguration {
    /// Short backoff waits, so retry tests finish quickly; counts stay as in production.
    static func fastRetries(maxRetries: Int = 5, logger: Logger = .disabled()) -> ClientConfiguration {
        ClientConfiguration(requestTimeout: 10, maxRetries: maxRetries, retryBaseDelay: 0.01, retryMaxDelay: 0.05, logger: logger)
    }
}

/// Collects the client's log events so tests can assert on them.
final class LogCollector: Sendable {
    private let store = LogEventStore()

    var logger: Logger { store.logger(label: "sfstream.salesforce") }

    var all: [LogEvent] { store.events }

    /// Each event as one line: message, then `key=value` fields in key order.
    var lines: [String] {
        all.map { event in
            ([event.message.description] + event.metadata.keys.sorted().map { "\($0)=\(event.metadata[$0]!)" }).joined(separator: " ")
        }
    }
}

/// Collects query pages delivered to `onPage`.
final class PageCollector: Sendable {
    private let pages = Mutex<[QueryPage]>([])

    func append(_ page: QueryPage) {
        pages.withLock { $0.append(page) }
    }

    var all: [QueryPage] { pages.withLock { $0 } }
    var recordIDs: [String] { all.flatMap { $0.records.map(\.id) } }
}
