extension SalesforceClient {
    /// Fetches an sObject's describe result (`GET /sobjects/<sObject>/describe`): its fields and whether it can be queried.
    public func describe(sObject: String) async throws -> SObjectDescription {
        try Self.validateName(sObject, what: "sObject name", allowDots: false)
        let request = APIRequest(method: "GET", path: "\(dataPath)/sobjects/\(sObject)/describe", query: nil)
        let json = try await performJSON(request)
        guard let description = SObjectDescription(json: json) else {
            throw SalesforceError(
                kind: .invalidResponse, httpStatus: 200, request: request.display, detail: "the describe result lacks name or fields"
            )
        }
        return description
    }
}
