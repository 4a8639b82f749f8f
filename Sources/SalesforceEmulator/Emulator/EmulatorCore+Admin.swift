import Foundation

/// Loopback-only control endpoints under `/emulator/`, for scripts and demos that cannot call the
/// Swift API: inject and clear faults, list served faults, end sessions. They need no token.
extension EmulatorCore {
    func adminResponse(_ request: HTTPRequest) -> HTTPResponse {
        switch (request.method, request.path) {
        case ("POST", "/emulator/faults"):
            return injectFaultResponse(request)
        case ("DELETE", "/emulator/faults"):
            state.withLock { $0.faults.removeAll() }
            return HTTPResponse(status: 204)
        case ("GET", "/emulator/faults"):
            return faultsResponse()
        case ("POST", "/emulator/sessions/expire"):
            state.withLock { $0.sessions.removeAll() }
            return HTTPResponse(status: 204)
        default:
            return SalesforceResponses.notFound
        }
    }

    /// Reads `{"fault": "<name>", "status": 503, "milliseconds": 100, "endpoint": "<name>", "times": 1}`,
    /// where only `fault` is required and `endpoint` defaults to every data endpoint.
    private func injectFaultResponse(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
              let name = body["fault"] as? String
        else {
            return SalesforceResponses.error(status: 400, code: "JSON_PARSER_ERROR", message: "expected a JSON object with a \"fault\" name")
        }
        let fault: EmulatorFault
        switch name {
        case "status":
            guard let status = (body["status"] as? NSNumber)?.intValue, (400...599).contains(status) else {
                return SalesforceResponses.error(status: 400, code: "INVALID_FIELD", message: "status must be a number within 400...599")
            }
            fault = .status(status)
        case "delay":
            guard let milliseconds = (body["milliseconds"] as? NSNumber)?.intValue, milliseconds >= 0 else {
                return SalesforceResponses.error(status: 400, code: "INVALID_FIELD", message: "milliseconds must be a number of at least 0")
            }
            fault = .delay(milliseconds: milliseconds)
        case "invalidSession": fault = .invalidSession
        case "invalidQueryLocator": fault = .invalidQueryLocator
        case "requestLimitExceeded": fault = .requestLimitExceeded
        case "concurrentRequestLimitExceeded": fault = .concurrentRequestLimitExceeded
        case "queryTimeout": fault = .queryTimeout
        case "closeWithoutResponse": fault = .closeWithoutResponse
        case "closeMidBody": fault = .closeMidBody
        case "truncatedJSON": fault = .truncatedJSON
        default:
            return SalesforceResponses.error(status: 400, code: "INVALID_FIELD", message: "unknown fault '\(name)'")
        }
        var target = FaultTarget.anyDataEndpoint
        if let endpointName = body["endpoint"] as? String, endpointName != "any" {
            guard let endpoint = EmulatorEndpoint(rawValue: endpointName) else {
                let names = EmulatorEndpoint.allCases.map(\.rawValue).joined(separator: ", ")
                return SalesforceResponses.error(status: 400, code: "INVALID_FIELD", message: "unknown endpoint '\(endpointName)'; expected any, \(names)")
            }
            target = .endpoint(endpoint)
        }
        let times = (body["times"] as? NSNumber)?.intValue ?? 1
        guard times >= 1 else {
            return SalesforceResponses.error(status: 400, code: "INVALID_FIELD", message: "times must be at least 1")
        }
        let pending = state.withLock { state -> Int in
            state.faults.inject(fault, on: target, times: times)
            return state.faults.pendingCount
        }
        return .json(status: 201, "{\"pending\":\(pending)}")
    }

    private func faultsResponse() -> HTTPResponse {
        let (pending, served) = state.withLock { ($0.faults.pendingCount, $0.faults.log) }
        var writer = JSONWriter()
        writer.object { root in
            root.raw("pending", String(pending))
            var list = JSONWriter()
            list.raw("[")
            for (position, entry) in served.enumerated() {
                if position > 0 { list.raw(",") }
                list.object { item in
                    item.string("endpoint", entry.endpoint.rawValue)
                    item.string("fault", entry.fault.description)
                    item.raw("random", entry.isRandom ? "true" : "false")
                }
            }
            list.raw("]")
            root.raw("served", list.text)
        }
        return .json(status: 200, writer.text)
    }
}
