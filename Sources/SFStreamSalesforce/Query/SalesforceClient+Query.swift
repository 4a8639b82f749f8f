extension SalesforceClient {
    /// Runs a SOQL query and hands each result page to `onPage`, following `nextRecordsUrl`
    /// until a page has `done: true`.
    ///
    /// The end is never inferred from a page's length: Salesforce picks page sizes per object
    /// and request. Suspends for each page request and for `onPage`, so a slow consumer slows
    /// the query. A `nextRecordsUrl` seen before ends with `.repeatedQueryLocator`, and
    /// `done: false` without a locator with `.missingQueryLocator`; both after the page that
    /// revealed the problem was delivered.
    /// - Parameter includeDeleted: use `queryAll`, which also returns deleted and archived records.
    public func query(
        _ soql: String,
        includeDeleted: Bool = false,
        onPage: @Sendable (QueryPage) async throws -> Void
    ) async throws {
        let resource = includeDeleted ? "queryAll" : "query"
        var headers: [String: String] = [:]
        if let batchSize = configuration.queryBatchSize {
            headers["Sforce-Query-Options"] = "batchSize=\(batchSize)"
        }
        var request = APIRequest(
            method: "GET", path: "\(dataPath)/\(resource)", query: "q=" + PercentEncoding.queryValue(soql), headers: headers
        )
        var requestedLocators: Set<String> = []
        var index = 0
        while true {
            let json = try await performJSON(request)
            guard let page = QueryPage(json: json, index: index) else {
                throw SalesforceError(
                    kind: .invalidResponse, httpStatus: 200, request: request.display,
                    detail: "a query page lacks done or records, or a record lacks attributes"
                )
            }
            try await onPage(page)
            if page.done { return }

            guard let next = page.nextRecordsURL else {
                throw SalesforceError(kind: .missingQueryLocator, httpStatus: 200, request: request.display)
            }
            guard requestedLocators.insert(next).inserted else {
                throw SalesforceError(kind: .repeatedQueryLocator, httpStatus: 200, request: request.display, locator: next)
            }
            request = try Self.request(following: next, headers: headers)
            index += 1
        }
    }

    /// Makes the request for a `nextRecordsUrl`, which Salesforce sends as an instance-relative path.
    private static func request(following locator: String, headers: [String: String]) throws -> APIRequest {
        guard locator.hasPrefix("/services/data/"), !locator.contains("//"), !locator.contains("..") else {
            throw SalesforceError(
                kind: .invalidResponse, locator: locator,
                detail: "nextRecordsUrl \(locator) is not a path under /services/data/"
            )
        }
        let parts = locator.split(separator: "?", maxSplits: 1).map(String.init)
        return APIRequest(
            method: "GET", path: parts[0], query: parts.count > 1 ? parts[1] : nil, headers: headers, locator: locator
        )
    }
}
