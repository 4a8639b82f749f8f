/// A response for `HTTPServer` to send. The server adds `Content-Length`, `Date` and `Connection`.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// A transport failure to act out in place of, or while, sending this response; `nil` sends it whole.
    public var fault: TransportFault?

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], fault: TransportFault? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.fault = fault
    }

    /// Makes a response with `Content-Type: application/json;charset=UTF-8` and `text` as its UTF-8 body.
    public static func json(status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": "application/json;charset=UTF-8"],
            body: Array(text.utf8)
        )
    }

    /// Makes a response with `Content-Type: text/plain;charset=UTF-8`.
    public static func text(status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain;charset=UTF-8"], body: Array(text.utf8))
    }

    /// Returns a copy that acts out `fault`.
    public func with(fault: TransportFault) -> HTTPResponse {
        var copy = self
        copy.fault = fault
        return copy
    }
}

/// A transport failure that a test server can act out, so clients can be tested against
/// connections that break the way real networks and proxies break them.
public enum TransportFault: Sendable, Equatable {
    /// Close the connection after reading the request, without sending a byte of the response.
    case closeWithoutResponse
    /// Send the status line, the headers (with the full `Content-Length`) and only the first
    /// `bytes` bytes of the body, then close the connection.
    case closeMidBody(afterBytes: Int)
    /// Wait `milliseconds` before sending the response, which is then sent whole.
    case delay(milliseconds: Int)
    /// Send the headers and the first half of the body, wait `milliseconds`, then send the rest.
    case stallMidBody(milliseconds: Int)
}

enum HTTPStatusReason {
    static func phrase(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 420: "Method Failure"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
