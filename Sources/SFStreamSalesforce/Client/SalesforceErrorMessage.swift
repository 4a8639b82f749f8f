/// Writes every `SalesforceError` message, so the wording lives in one place.
enum SalesforceErrorMessage {
    static func render(_ error: SalesforceError) -> String {
        let on = error.request.map { " on \($0)" } ?? ""
        let server = serverText(error)
        let attempts = error.attempts > 1 ? " after \(error.attempts) attempts" : ""

        switch error.kind {
        case .authenticationFailed:
            return authenticationText(error)
        case .insecureInstanceURL:
            return "Salesforce token response names an instance_url that is not https (\(error.detail ?? "?")); "
                + "refusing to send the access token unencrypted; check that the login URL points at Salesforce"
        case .sessionInvalidAfterReauthentication:
            return "Salesforce rejected the request with INVALID_SESSION_ID\(on) again right after a new access token was issued; "
                + "re-authentication did not help; check the connected app's session policies (IP restrictions, "
                + "\"Admin approved users are pre-authorized\") and that the user may use the API"
        case .requestLimitExceeded:
            // The text names the code already, so only the server's message follows it.
            let detail = error.message.map { ": \($0)" } ?? ""
            return "Salesforce API request limit exceeded (REQUEST_LIMIT_EXCEEDED\(detail))\(on); "
                + "wait until the org's 24-hour API usage drops or ask an administrator for a higher limit"
        case .invalidQueryLocator:
            return "Salesforce query locator \(error.locator ?? "?") is no longer valid (INVALID_QUERY_LOCATOR\(server))\(on); "
                + "the cursor expired or too many were open; restart the query after the last record received"
        case .repeatedQueryLocator:
            return "Salesforce query pagination loops: nextRecordsUrl \(error.locator ?? "?") was already requested\(on); "
                + "stopped so that no record is read twice; the run is incomplete, retry it later"
        case .missingQueryLocator:
            return "Salesforce query page has done=false but nextRecordsUrl missing\(on); "
                + "the remaining records cannot be requested, so the run is incomplete; retry it later"
        case .requestRejected:
            let status = error.httpStatus.map { "HTTP \($0)" } ?? "an error"
            return "Salesforce rejected the request\(on) with \(status)\(server.isEmpty ? "" : " (\(server.dropFirst(2)))"); "
                + "check the object, field and query names and the user's permissions"
        case .serverUnavailable:
            let status = error.httpStatus.map { "HTTP \($0)" } ?? "a server error"
            return "Salesforce answered \(status)\(server.isEmpty ? "" : " (\(server.dropFirst(2)))")\(on)\(attempts); "
                + "the service is unavailable or overloaded; retry later"
        case .network:
            return "request to Salesforce failed\(on)\(attempts): \(error.detail ?? "network error"); "
                + "check the network connection, proxy settings and the login URL"
        case .invalidResponse:
            return "Salesforce response\(on) is not the expected JSON (\(error.detail ?? "unreadable body")); "
                + "check that the login URL and instance_url point at Salesforce"
        case .invalidArgument, .invalidConfiguration:
            return error.detail ?? "invalid value"
        default:
            return "Salesforce request failed\(on)\(server)"
        }
    }

    /// Returns `": CODE: message"` style text, or an empty string when the server sent nothing.
    private static func serverText(_ error: SalesforceError) -> String {
        switch (error.errorCode, error.message) {
        case let (code?, message?): return ": \(code): \(message)"
        case let (code?, nil): return ": \(code)"
        case let (nil, message?): return ": \(message)"
        case (nil, nil): return ""
        }
    }

    /// Turns the token endpoint's error response into what to check, from the `error_description` texts
    /// Salesforce documents for the JWT bearer flow.
    private static func authenticationText(_ error: SalesforceError) -> String {
        guard error.errorCode != nil || error.message != nil else {
            return "Salesforce authentication failed: \(error.detail ?? "no token was issued"); "
                + "check that the login URL is https://login.salesforce.com, https://test.salesforce.com or the org's My Domain URL"
        }
        let description = (error.message ?? "").lowercased()
        let check: String
        if description.contains("approved") || description.contains("not admin") {
            check = "pre-authorize the user for the connected app (Admin approved users are pre-authorized, "
                + "then add the user's profile or a permission set)"
        } else if description.contains("audience") {
            check = "check the audience and login URL: use https://test.salesforce.com for sandboxes, https://login.salesforce.com otherwise"
        } else if description.contains("client") || error.errorCode == "invalid_client_id" || error.errorCode == "invalid_client" {
            check = "check the consumer key of the connected app"
        } else if description.contains("expired") {
            check = "check the system clock: the assertion's exp claim is only 3 minutes ahead"
        } else if description.contains("user") {
            check = "check the username (sub claim) and that the user is active in this org"
        } else {
            check = "check that the user is pre-authorized for the connected app, that the certificate uploaded to the app "
                + "matches the private key, that the audience and login URL fit the org (sandbox or production), and the consumer key"
        }
        let status = error.httpStatus.map { "HTTP \($0) " } ?? ""
        let code = error.errorCode ?? "error"
        let message = error.message.map { " (\($0))" } ?? ""
        return "Salesforce rejected the JWT bearer token request: \(status)\(code)\(message); \(check)"
    }
}
