import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// One URLSession shared by the tests, with proxies cleared so loopback requests stay on loopback.
enum LoopbackClient {
    static let session: URLSession = {
        unsetenv("http_proxy")
        unsetenv("https_proxy")
        unsetenv("HTTP_PROXY")
        unsetenv("HTTPS_PROXY")
        setenv("no_proxy", "127.0.0.1,localhost", 1)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        func json() throws -> Any {
            try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        }
    }

    static func send(
        _ url: URL,
        method: String = "GET",
        headers: [String: String] = [:],
        body: Data? = nil
    ) async throws -> Reply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headerMap: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headerMap["\(key)"] = "\(value)"
        }
        return Reply(status: http.statusCode, headers: headerMap, body: data)
    }
}

import Testing

/// A blocking TCP client for checks URLSession hides: exact bytes on the wire and connection closes.
struct RawConnection {
    let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(result == 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection (or 20 s pass). The blocking recv(2) runs on a
    /// thread of its own: on Linux the Swift concurrency pool and Dispatch's global queues share
    /// about one thread per core, and a blocked one there delays the server's handlers.
    func readToEnd() async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: readToEndBlocking())
            }.start()
        }
    }

    private func readToEndBlocking() -> String {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            result += chunk.prefix(count)
        }
        return String(decoding: result, as: UTF8.self)
    }

    func close() {
        Glibc.close(socket)
    }
}
