import Foundation
import SFStreamLogging
import Synchronization

/// A query cursor: the matching record indices, fixed when the query ran, and its page size.
struct QueryLocator: Sendable {
    let query: SOQLQuery
    let indices: [Int]
    let pageSize: Int
    var lastUsedMilliseconds: Int64
}

/// Everything the emulator changes while it runs, kept under one lock.
struct EmulatorState: Sendable {
    var store: RecordStore
    /// Access token → issue time in milliseconds.
    var sessions: [String: Int64] = [:]
    var locators: [String: QueryLocator] = [:]
    /// Locator ids, oldest first, for closing the oldest when too many are open.
    var locatorOrder: [String] = []
    var locatorCounter: UInt64 = 0
    var apiUsage = 0
    var faults: FaultPlan
}

/// Routes requests to the endpoints and owns the emulator's state. `SalesforceEmulator` is its
/// public face.
final class EmulatorCore: Sendable {
    /// Salesforce closes the oldest cursor when a user opens more than 10.
    static let maximumOpenQueryLocators = 10
    /// The API versions listed by `GET /services/data`; any `vNN.N` from 20.0 is served.
    static let listedVersions = [("Summer '25", "64.0"), ("Winter '26", "65.0"), ("Spring '26", "66.0")]

    let configuration: EmulatorConfiguration
    let verifier: JWTBearerVerifier
    let loginURL: URL
    let organizationID: String
    let userID: String
    let state: Mutex<EmulatorState>

    init(configuration: EmulatorConfiguration, port: UInt16, corpus: EmailCorpus) throws {
        self.configuration = configuration
        loginURL = URL(string: "http://127.0.0.1:\(port)")!
        let counts = Self.recordCounts(configuration: configuration, corpusSize: corpus.documents.count)
        let generator = RecordGenerator(
            seed: configuration.seed, corpus: corpus, counts: counts, repeatsCorpus: configuration.repeatsCorpus
        )
        organizationID = SalesforceID(keyPrefix: "00D", instance: generator.instance, number: generator.idBase).value18
        userID = SalesforceID(keyPrefix: "005", instance: generator.instance, number: generator.idBase).value18
        verifier = JWTBearerVerifier(
            publicKey: try CertificatePublicKey(certificatePEM: configuration.certificatePEM),
            consumerKey: configuration.consumerKey,
            username: configuration.username,
            acceptedAudiences: (configuration.acceptedAudiences + [loginURL.absoluteString]).map(JWTBearerVerifier.trimmingSlash),
            maximumLifetimeSeconds: Int64(configuration.maximumAssertionLifetimeSeconds)
        )
        state = Mutex(EmulatorState(
            store: RecordStore(generator: generator),
            faults: FaultPlan(seed: configuration.seed, rate: configuration.faultRate)
        ))
    }

    static func recordCounts(configuration: EmulatorConfiguration, corpusSize: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for object in OrgSchema.all {
            if let count = configuration.recordCount {
                counts[object.name] = count
            } else {
                counts[object.name] = object.name == "EmailMessage" ? corpusSize + 6 : 25
            }
        }
        for (name, count) in configuration.recordCountsByObject {
            if let object = OrgSchema.object(named: name) {
                counts[object.name] = count
            }
        }
        return counts
    }

    // MARK: - Dispatch

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let (response, fault) = await respond(to: request)
        // The path only: the query string may hold SOQL literals, and nothing here logs tokens or assertions.
        configuration.logger.debug("served request", metadata: {
            var metadata: Logger.Metadata = [
                "method": "\(request.method)", "path": "\(request.path)", "status": "\(response.status)",
            ]
            if let fault { metadata["fault"] = "\(fault)" }
            return metadata
        }())
        return response
    }

    private func respond(to request: HTTPRequest) async -> (HTTPResponse, EmulatorFault?) {
        if configuration.latencyMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(configuration.latencyMilliseconds))
        }
        if request.path.hasPrefix("/emulator/") {
            return (adminResponse(request), nil)
        }
        let route = Route(path: request.path)
        if route.endpoint == .token {
            if let fault = state.withLock({ $0.faults.nextFault(for: .token) }) {
                return (await apply(fault, on: route, request: request, token: nil), fault)
            }
            return (tokenResponse(request), nil)
        }
        guard route.isDataAPI else { return (SalesforceResponses.notFound, nil) }
        if route.isVersionList {
            return (versionList(), nil)
        }
        guard let version = route.version else { return (SalesforceResponses.notFound, nil) }

        let token = Self.bearerToken(in: request)
        let now = SalesforceDateTime.nowMilliseconds()
        guard let token, isSessionValid(token, now: now) else {
            return (SalesforceResponses.invalidSession, nil)
        }
        let (usage, fault) = state.withLock { state -> (Int, EmulatorFault?) in
            state.apiUsage += 1
            // A request over the allowance is rejected before any fault is drawn for it.
            guard state.apiUsage <= configuration.apiRequestLimit else { return (state.apiUsage, nil) }
            return (state.apiUsage, state.faults.nextFault(for: route.endpoint))
        }
        var response: HTTPResponse
        if usage > configuration.apiRequestLimit {
            response = SalesforceResponses.requestLimitExceeded
        } else if let fault {
            response = await apply(fault, on: route, request: request, token: token)
        } else {
            response = dataResponse(request, route: route, version: version, now: now)
        }
        response.headers["Sforce-Limit-Info"] = "api-usage=\(min(usage, configuration.apiRequestLimit))/\(configuration.apiRequestLimit)"
        return (response, fault)
    }

    private func dataResponse(_ request: HTTPRequest, route: Route, version: String, now: Int64) -> HTTPResponse {
        let rest = route.resource
        switch (rest.first, rest.count) {
        case ("query"?, 1), ("queryAll"?, 1):
            guard request.method == "GET" else { return SalesforceResponses.methodNotAllowed(request.method, allowed: "GET,HEAD") }
            return queryResponse(request, version: version, includeDeleted: rest[0] == "queryAll", now: now)
        case ("query"?, 2), ("queryAll"?, 2):
            guard request.method == "GET" else { return SalesforceResponses.methodNotAllowed(request.method, allowed: "GET,HEAD") }
            return queryMoreResponse(locatorPath: rest[1], version: version, now: now)
        case ("composite"?, 3) where rest[1] == "sobjects":
            return collectionsResponse(request, objectName: rest[2], version: version)
        case ("sobjects"?, 1):
            return globalDescribeResponse(version: version)
        case ("sobjects"?, 2):
            return insertResponse(request, objectName: rest[1], now: now)
        case ("sobjects"?, 3) where rest[2] == "describe":
            return describeResponse(objectName: rest[1], version: version)
        case ("sobjects"?, 3):
            return recordResponse(request, objectName: rest[1], idText: rest[2], version: version, now: now)
        case ("limits"?, 1):
            return limitsResponse()
        case (nil, _):
            return versionResources(version: version)
        default:
            return SalesforceResponses.notFound
        }
    }

    // MARK: - Sessions

    static func bearerToken(in request: HTTPRequest) -> String? {
        guard let header = request.headers["Authorization"] else { return nil }
        for scheme in ["Bearer ", "OAuth "] where header.count > scheme.count {
            if header.prefix(scheme.count).lowercased() == scheme.lowercased() {
                return String(header.dropFirst(scheme.count)).trimmingASCIIWhitespace()
            }
        }
        return nil
    }

    private func isSessionValid(_ token: String, now: Int64) -> Bool {
        state.withLock { state in
            guard let issued = state.sessions[token] else { return false }
            if let lifetime = configuration.sessionLifetimeSeconds, now >= issued + Int64(lifetime) * 1000 {
                state.sessions[token] = nil
                return false
            }
            return true
        }
    }

    // MARK: - Faults

    private func apply(_ fault: EmulatorFault, on route: Route, request: HTTPRequest, token: String?) async -> HTTPResponse {
        switch fault {
        case .status(let status):
            if route.endpoint == .token {
                return SalesforceResponses.oauthError(status: status, error: "unknown_error", description: "retry your request")
            }
            return SalesforceResponses.serverError(status: status)
        case .invalidSession:
            if let token {
                state.withLock { _ = $0.sessions.removeValue(forKey: token) }
            }
            return SalesforceResponses.invalidSession
        case .invalidQueryLocator:
            return SalesforceResponses.invalidQueryLocator
        case .requestLimitExceeded:
            return SalesforceResponses.requestLimitExceeded
        case .concurrentRequestLimitExceeded:
            return SalesforceResponses.concurrentRequestLimitExceeded
        case .queryTimeout:
            return SalesforceResponses.queryTimeout
        case .closeWithoutResponse:
            return HTTPResponse(status: 200).with(fault: .closeWithoutResponse)
        case .closeMidBody:
            let response = unfaultedResponse(request, route: route)
            return response.with(fault: .closeMidBody(afterBytes: response.body.count / 2))
        case .truncatedJSON:
            var response = unfaultedResponse(request, route: route)
            response.body = Array(response.body.prefix(response.body.count / 2))
            return response
        case .delay(let milliseconds):
            try? await Task.sleep(for: .milliseconds(milliseconds))
            return unfaultedResponse(request, route: route)
        }
    }

    private func unfaultedResponse(_ request: HTTPRequest, route: Route) -> HTTPResponse {
        if route.endpoint == .token {
            return tokenResponse(request)
        }
        return dataResponse(request, route: route, version: route.version ?? "66.0", now: SalesforceDateTime.nowMilliseconds())
    }

    // MARK: - Small resources

    private func versionList() -> HTTPResponse {
        var writer = JSONWriter()
        writer.raw("[")
        for (position, (label, version)) in Self.listedVersions.enumerated() {
            if position > 0 { writer.raw(",") }
            writer.object { object in
                object.string("label", label)
                object.string("url", "/services/data/v\(version)")
                object.string("version", version)
            }
        }
        writer.raw("]")
        return .json(status: 200, writer.text)
    }

    private func versionResources(version: String) -> HTTPResponse {
        var writer = JSONWriter()
        writer.object { object in
            for resource in ["composite", "limits", "query", "queryAll", "sobjects"] {
                object.string(resource, "/services/data/v\(version)/\(resource)")
            }
        }
        return .json(status: 200, writer.text)
    }

    private func limitsResponse() -> HTTPResponse {
        let used = state.withLock { $0.apiUsage }
        let remaining = max(0, configuration.apiRequestLimit - used)
        return .json(status: 200, "{\"DailyApiRequests\":{\"Max\":\(configuration.apiRequestLimit),\"Remaining\":\(remaining)}}")
    }
}

/// A request path split into the parts the emulator routes on.
struct Route {
    let endpoint: EmulatorEndpoint
    let isDataAPI: Bool
    let isVersionList: Bool
    /// `62.0` for `/services/data/v62.0/...`, or `nil` when the path names no valid version.
    let version: String?
    /// The path segments after the version.
    let resource: [String]

    init(path: String) {
        let segments = path.split(separator: "/").map(String.init)
        if segments == ["services", "oauth2", "token"] {
            self.init(endpoint: .token, isDataAPI: false, isVersionList: false, version: nil, resource: [])
            return
        }
        guard segments.count >= 2, segments[0] == "services", segments[1] == "data" else {
            self.init(endpoint: .other, isDataAPI: false, isVersionList: false, version: nil, resource: [])
            return
        }
        guard segments.count >= 3 else {
            self.init(endpoint: .other, isDataAPI: true, isVersionList: true, version: nil, resource: [])
            return
        }
        let version = Route.version(from: segments[2])
        let resource = Array(segments.dropFirst(3))
        let endpoint: EmulatorEndpoint
        switch (resource.first, resource.count) {
        case ("query"?, 1), ("queryAll"?, 1): endpoint = .query
        case ("query"?, 2), ("queryAll"?, 2): endpoint = .queryMore
        case ("composite"?, 3) where resource[1] == "sobjects": endpoint = .collections
        case ("sobjects"?, 1): endpoint = .describe
        case ("sobjects"?, 3) where resource[2] == "describe": endpoint = .describe
        case ("sobjects"?, _): endpoint = .sobject
        default: endpoint = .other
        }
        self.init(endpoint: endpoint, isDataAPI: true, isVersionList: false, version: version, resource: resource)
    }

    private init(endpoint: EmulatorEndpoint, isDataAPI: Bool, isVersionList: Bool, version: String?, resource: [String]) {
        self.endpoint = endpoint
        self.isDataAPI = isDataAPI
        self.isVersionList = isVersionList
        self.version = version
        self.resource = resource
    }

    private static func version(from segment: String) -> String? {
        guard segment.hasPrefix("v") else { return nil }
        let number = segment.dropFirst()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), parts[1] == "0", major >= 20 else { return nil }
        return String(number)
    }
}
