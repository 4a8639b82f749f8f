#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads HTTP/1.1 requests one after another from a connected socket (RFC 9112).
struct HTTPRequestReader {
    struct Parsed {
        var request: HTTPRequest
        var keepAlive: Bool
    }

    /// A request the server cannot read. The server replies with `status` and closes the connection.
    struct Failure: Error {
        var status: Int
        var message: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []
    /// Start of the unread bytes in `buffer`; bytes before it belong to requests already returned.
    private var start = 0

    init(socket: Int32) {
        self.socket = socket
    }

    /// Returns the next request, or `nil` when the peer closed the connection between requests.
    mutating func readRequest() throws -> Parsed? {
        guard let headEnd = try readHead() else { return nil }
        let head = String(decoding: buffer[start..<headEnd], as: UTF8.self)
        start = headEnd + 4
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, !requestLine[1].isEmpty else {
            throw Failure(status: 400, message: "malformed request line")
        }
        let version = String(requestLine[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Failure(status: 505, message: "unsupported HTTP version \(version)")
        }

        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw Failure(status: 400, message: "malformed header line")
            }
            let name = String(line[..<colon])
            guard !name.contains(" "), !name.contains("\t") else {
                throw Failure(status: 400, message: "whitespace in header name '\(name)'")
            }
            let value = line[line.index(after: colon)...].trimmingASCIIWhitespace()
            headers.add(name: name, value: value)
        }

        if headers["Expect"]?.lowercased() == "100-continue" {
            _ = SocketWriter.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: socket)
        }
        let body = try readBody(headers: headers)
        compactBuffer()

        let connection = headers["Connection"]?.lowercased() ?? ""
        let keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        let request = HTTPRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
        return Parsed(request: request, keepAlive: keepAlive)
    }

    // MARK: - Head and body

    /// Reads until the blank line that ends the head and returns the index of its `\r\n\r\n`.
    private mutating func readHead() throws -> Int? {
        var searchFrom = start
        while true {
            if let end = findHeadEnd(from: searchFrom) { return end }
            searchFrom = max(start, buffer.count - 3)
            guard buffer.count - start <= HTTPServer.maximumHeadBytes else {
                throw Failure(status: 431, message: "request head exceeds \(HTTPServer.maximumHeadBytes) bytes")
            }
            guard try receiveMore() else {
                if buffer.count > start {
                    throw Failure(status: 400, message: "connection closed inside the request head")
                }
                return nil
            }
        }
    }

    private func findHeadEnd(from index: Int) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var position = max(index, start)
        while position + 3 < buffer.count {
            if buffer[position] == 13, buffer[position + 1] == 10, buffer[position + 2] == 13, buffer[position + 3] == 10 {
                return position
            }
            position += 1
        }
        return nil
    }

    private mutating func readBody(headers: HTTPHeaders) throws -> [UInt8] {
        if let encoding = headers["Transfer-Encoding"]?.lowercased() {
            guard encoding == "chunked" else {
                throw Failure(status: 501, message: "unsupported Transfer-Encoding '\(encoding)'")
            }
            return try readChunkedBody()
        }
        guard let lengthText = headers["Content-Length"] else { return [] }
        guard let length = Int(lengthText), length >= 0 else {
            throw Failure(status: 400, message: "invalid Content-Length '\(lengthText)'")
        }
        guard length <= HTTPServer.maximumBodyBytes else {
            throw Failure(status: 413, message: "request body exceeds \(HTTPServer.maximumBodyBytes) bytes")
        }
        try receive(atLeast: length)
        let body = Array(buffer[start..<start + length])
        start += length
        return body
    }

    private mutating func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingASCIIWhitespace() } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw Failure(status: 400, message: "invalid chunk size '\(sizeText)'")
            }
            guard body.count + size <= HTTPServer.maximumBodyBytes else {
                throw Failure(status: 413, message: "request body exceeds \(HTTPServer.maximumBodyBytes) bytes")
            }
            if size == 0 {
                // Trailer fields, ended by an empty line; they are read and dropped.
                while try !readLine().isEmpty {}
                return body
            }
            try receive(atLeast: size + 2)
            body += buffer[start..<start + size]
            guard buffer[start + size] == 13, buffer[start + size + 1] == 10 else {
                throw Failure(status: 400, message: "chunk data not followed by CRLF")
            }
            start += size + 2
        }
    }

    private mutating func readLine() throws -> String {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                var end = newline
                if end > start, buffer[end - 1] == 13 { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return line
            }
            guard buffer.count - start <= HTTPServer.maximumHeadBytes else {
                throw Failure(status: 400, message: "chunk line too long")
            }
            guard try receiveMore() else {
                throw Failure(status: 400, message: "connection closed inside the chunked body")
            }
        }
    }

    // MARK: - Socket

    private mutating func receive(atLeast count: Int) throws {
        while buffer.count - start < count {
            guard try receiveMore() else {
                throw Failure(status: 400, message: "connection closed inside the request body")
            }
        }
    }

    /// Appends what the socket has; returns `false` at end of stream or on a reset.
    private mutating func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let received = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                buffer += chunk.prefix(received)
                return true
            }
            if received < 0, errno == EINTR { continue }
            return false
        }
    }

    private mutating func compactBuffer() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var lower = 0, upper = bytes.count
        while lower < upper, bytes[lower] == 32 || bytes[lower] == 9 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 32 || bytes[upper - 1] == 9 { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
