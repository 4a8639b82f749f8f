/// Responses in the shapes the REST API and the OAuth endpoint use.
enum SalesforceResponses {
    /// Builds the REST API's error body: a JSON array of `{"message","errorCode"}` objects.
    static func error(status: Int, code: String, message: String) -> HTTPResponse {
        var writer = JSONWriter()
        writer.raw("[")
        writer.object { object in
            object.string("message", message)
            object.string("errorCode", code)
        }
        writer.raw("]")
        return .json(status: status, writer.text)
    }

    /// Builds an OAuth 2.0 error body (RFC 6749 §5.2).
    static func oauthError(status: Int = 400, error: String, description: String) -> HTTPResponse {
        var writer = JSONWriter()
        writer.object { object in
            object.string("error", error)
            object.string("error_description", description)
        }
        var response = HTTPResponse.json(status: status, writer.text)
        response.headers["Cache-Control"] = "no-cache,must-revalidate,max-age=0,no-store,private"
        return response
    }

    static let invalidSession = error(status: 401, code: "INVALID_SESSION_ID", message: "Session expired or invalid")
    static let notFound = error(status: 404, code: "NOT_FOUND", message: "The requested resource does not exist")
    static let invalidQueryLocator = error(status: 400, code: "INVALID_QUERY_LOCATOR", message: "invalid query locator")
    static let queryTimeout = error(
        status: 400, code: "QUERY_TIMEOUT",
        message: "Your query request was running for too long. Please try again later or contact support."
    )
    static let requestLimitExceeded = error(status: 403, code: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded.")
    static let concurrentRequestLimitExceeded = error(
        status: 403, code: "REQUEST_LIMIT_EXCEEDED", message: "ConcurrentPerOrgLongTxn Limit exceeded."
    )

    static func methodNotAllowed(_ method: String, allowed: String) -> HTTPResponse {
        var response = error(
            status: 405, code: "METHOD_NOT_ALLOWED", message: "HTTP Method '\(method)' not allowed. Allowed are \(allowed)"
        )
        response.headers["Allow"] = allowed
        return response
    }

    /// Builds the response Salesforce, or the load balancer in front of it, sends with an error status.
    static func serverError(status: Int) -> HTTPResponse {
        switch status {
        case 502, 504:
            let reason = HTTPStatusReason.phrase(for: status)
            return HTTPResponse(
                status: status,
                headers: ["Content-Type": "text/html"],
                body: Array("<html><head><title>\(status) \(reason)</title></head><body><h1>\(reason)</h1></body></html>\n".utf8)
            )
        case 503:
            return error(status: 503, code: "SERVER_UNAVAILABLE", message: "Server temporarily unavailable. Please retry your request later.")
        case 500:
            return error(
                status: 500, code: "UNKNOWN_EXCEPTION",
                message: "An unexpected error occurred. Please include this ErrorId if you contact support: 1460275136-52316 (-1370722811)"
            )
        default:
            return error(status: status, code: "UNKNOWN_EXCEPTION", message: "An unexpected error occurred (emulated status \(status)).")
        }
    }
}
