import Foundation

extension EmulatorCore {
    /// `GET /query?q=` and `GET /queryAll?q=`: runs the query, returns the first page and, when more
    /// records match, opens a query locator for the rest.
    func queryResponse(_ request: HTTPRequest, version: String, includeDeleted: Bool, now: Int64) -> HTTPResponse {
        guard let text = request.queryValue("q"), !text.isEmpty else {
            return SalesforceResponses.error(status: 400, code: "MALFORMED_QUERY", message: "A query string has to be specified")
        }
        let query: SOQLQuery
        do {
            query = try SOQLParser.parse(text)
        } catch {
            return SalesforceResponses.error(status: 400, code: error.code.rawValue, message: error.message(query: text))
        }
        let pageSize = effectivePageSize(request)
        let store = state.withLock { $0.store }
        let indices = QueryEvaluator(store: store).matchingIndices(of: query, includeDeleted: includeDeleted)

        var locatorID: String?
        if indices.count > pageSize {
            locatorID = state.withLock { state in
                openLocator(QueryLocator(query: query, indices: indices, pageSize: pageSize, lastUsedMilliseconds: now), in: &state)
            }
        }
        return page(of: query, indices: indices, from: 0, pageSize: pageSize, locatorID: locatorID, store: store, version: version)
    }

    /// `GET /query/<locator>-<offset>`: the page of an open cursor that starts at `offset`.
    func queryMoreResponse(locatorPath: String, version: String, now: Int64) -> HTTPResponse {
        guard let dash = locatorPath.lastIndex(of: "-"), let offset = Int(locatorPath[locatorPath.index(after: dash)...]), offset >= 0 else {
            return SalesforceResponses.invalidQueryLocator
        }
        let locatorID = String(locatorPath[..<dash])
        let lifetime = Int64(configuration.queryLocatorLifetimeSeconds) * 1000
        let found = state.withLock { state -> (QueryLocator, RecordStore)? in
            guard var locator = state.locators[locatorID] else { return nil }
            guard now - locator.lastUsedMilliseconds < lifetime else {
                state.locators[locatorID] = nil
                state.locatorOrder.removeAll { $0 == locatorID }
                return nil
            }
            locator.lastUsedMilliseconds = now
            state.locators[locatorID] = locator
            return (locator, state.store)
        }
        guard let (locator, store) = found, offset <= locator.indices.count else {
            return SalesforceResponses.invalidQueryLocator
        }
        return page(
            of: locator.query, indices: locator.indices, from: offset, pageSize: locator.pageSize,
            locatorID: locatorID, store: store, version: version
        )
    }

    /// Returns the configured page size, lowered by `Sforce-Query-Options: batchSize=N` with N clamped to
    /// 200...2,000, the range the REST API documents for the Query Options header.
    private func effectivePageSize(_ request: HTTPRequest) -> Int {
        var pageSize = max(1, configuration.pageSize)
        if let options = request.headers["Sforce-Query-Options"] {
            for option in options.split(separator: ",") {
                let parts = option.split(separator: "=", maxSplits: 1).map { $0.trimmingASCIIWhitespace() }
                if parts.count == 2, parts[0].lowercased() == "batchsize", let size = Int(parts[1]) {
                    pageSize = min(pageSize, min(max(size, 200), 2000))
                }
            }
        }
        return pageSize
    }

    private func openLocator(_ locator: QueryLocator, in state: inout EmulatorState) -> String {
        state.locatorCounter += 1
        let generator = state.store.generator
        let id = SalesforceID(keyPrefix: "01g", instance: generator.instance, number: generator.idBase + state.locatorCounter).value18
        state.locators[id] = locator
        state.locatorOrder.append(id)
        while state.locatorOrder.count > Self.maximumOpenQueryLocators {
            let oldest = state.locatorOrder.removeFirst()
            state.locators[oldest] = nil
        }
        return id
    }

    private func page(
        of query: SOQLQuery, indices: [Int], from offset: Int, pageSize: Int, locatorID: String?,
        store: RecordStore, version: String
    ) -> HTTPResponse {
        let end = min(indices.count, offset + pageSize)
        let isDone = end >= indices.count
        var writer = JSONWriter(capacity: 256 + (end - offset) * 256)
        writer.object { object in
            object.raw("totalSize", String(indices.count))
            object.raw("done", isDone ? "true" : "false")
            if !isDone, let locatorID {
                object.string("nextRecordsUrl", "/services/data/v\(version)/query/\(locatorID)-\(end)")
            }
            object.key("records")
            var records = JSONWriter(capacity: (end - offset) * 256)
            records.raw("[")
            for position in offset..<end {
                if position > offset { records.raw(",") }
                RecordJSON.write(&records, store: store, object: query.object, index: indices[position], fields: query.fields, version: version)
            }
            records.raw("]")
            object.appendValue(records.text)
        }
        return .json(status: 200, writer.text)
    }
}
