import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SalesforceEmulator
import Testing

@Suite("HTTPServer")
struct HTTPServerTests {
    /// Echoes the request as JSON: method, path, decoded query items, one header and the body.
    static func echoServer() throws -> HTTPServer {
        try HTTPServer { request in
            let object: [String: Any] = [
                "method": request.method,
                "target": request.target,
                "path": request.path,
                "query": request.queryItems.map { [$0.name, $0.value] },
                "xTest": request.headers["x-test"] ?? "",
                "body": String(decoding: request.body, as: UTF8.self),
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return .json(status: 200, String(decoding: data, as: UTF8.self))
        }
    }

    @Test func getDecodesPathAndQuery() async throws {
        let server = try Self.echoServer()
        try server.start()
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/services/data/v62.0/query?q=SELECT+Id%2C+Name+FROM+Account&x=%C3%A9"))

        let reply = try await LoopbackClient.send(url, headers: ["X-Test": "yes"])
        let object = try #require(try reply.json() as? [String: Any])

        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/json;charset=UTF-8")
        #expect(object["method"] as? String == "GET")
        #expect(object["path"] as? String == "/services/data/v62.0/query")
        #expect(object["target"] as? String == "/services/data/v62.0/query?q=SELECT+Id%2C+Name+FROM+Account&x=%C3%A9")
        #expect(object["query"] as? [[String]] == [["q", "SELECT Id, Name FROM Account"], ["x", "é"]])
        #expect(object["xTest"] as? String == "yes")
    }

    @Test func postBodyReachesHandler() async throws {
        let server = try Self.echoServer()
        try server.start()
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/services/oauth2/token"))
        // Over 1 KiB, so libcurl may send `Expect: 100-continue` first.
        let body = "grant_type=x&assertion=" + String(repeating: "a", count: 5000)

        let reply = try await LoopbackClient.send(url, method: "POST", body: Data(body.utf8))
        let object = try #require(try reply.json() as? [String: Any])

        #expect(object["method"] as? String == "POST")
        #expect(object["body"] as? String == body)
    }

    @Test func keepAliveServesManyRequests() async throws {
        let server = try Self.echoServer()
        try server.start()
        defer { server.stop() }
        for index in 0..<20 {
            let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/n/\(index)"))
            let reply = try await LoopbackClient.send(url)
            let object = try #require(try reply.json() as? [String: Any])
            #expect(object["path"] as? String == "/n/\(index)")
        }
    }

    @Test func connectionCloseEndsConnection() async throws {
        let server = try Self.echoServer()
        try server.start()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }

        // Two pipelined requests: the first sends `Connection: close`, so the server must not reply to the second.
        connection.write("GET /first HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n")
        let wire = await connection.readToEnd()

        #expect(wire.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(wire.contains("Connection: close\r\n"))
        #expect(wire.contains("\"path\":\"\\/first\"") || wire.contains("\"path\":\"/first\""))
        #expect(!wire.contains("second"))
    }

    @Test func pipelinedKeepAliveAndChunkedBody() async throws {
        let server = try Self.echoServer()
        try server.start()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }

        connection.write(
            "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nxy"
        )
        let wire = await connection.readToEnd()

        #expect(wire.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        #expect(wire.contains("\"body\":\"abcde\""))
        #expect(wire.contains("\"body\":\"xy\""))
    }

    @Test func malformedRequestGets400() async throws {
        let server = try Self.echoServer()
        try server.start()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }

        connection.write("NONSENSE\r\n\r\n")
        let wire = await connection.readToEnd()

        #expect(wire.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
    }

    @Test func closeWithoutResponseFailsRequest() async throws {
        let server = try HTTPServer { _ in HTTPResponse.json(status: 200, "{}").with(fault: .closeWithoutResponse) }
        try server.start()
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/x"))

        await #expect(throws: (any Error).self) {
            _ = try await LoopbackClient.send(url)
        }
    }

    @Test func closeMidBodySendsPartialBody() async throws {
        let body = String(repeating: "x", count: 10_000)
        let server = try HTTPServer { _ in HTTPResponse.json(status: 200, body).with(fault: .closeMidBody(afterBytes: 100)) }
        try server.start()
        defer { server.stop() }

        let connection = try RawConnection(port: server.port)
        defer { connection.close() }
        connection.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        let wire = await connection.readToEnd()
        let parts = wire.components(separatedBy: "\r\n\r\n")
        #expect(wire.contains("Content-Length: 10000\r\n"))
        #expect(parts.count == 2)
        #expect(parts.last?.count == 100)

        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/x"))
        await #expect(throws: (any Error).self) {
            _ = try await LoopbackClient.send(url)
        }
    }

    @Test func delayedAndStalledResponsesArriveWhole() async throws {
        let body = String(repeating: "y", count: 5000)
        let faults: [TransportFault] = [.delay(milliseconds: 50), .stallMidBody(milliseconds: 50)]
        for fault in faults {
            let server = try HTTPServer { _ in HTTPResponse.text(status: 200, body).with(fault: fault) }
            try server.start()
            defer { server.stop() }
            let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/x"))

            let reply = try await LoopbackClient.send(url)

            #expect(reply.status == 200)
            #expect(reply.text == body)
        }
    }

    @Test func stopRefusesNewConnections() async throws {
        let server = try Self.echoServer()
        try server.start()
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/x"))
        _ = try await LoopbackClient.send(url)

        server.stop()

        await #expect(throws: (any Error).self) {
            _ = try await LoopbackClient.send(url)
        }
        #expect(throws: HTTPServerError.stopped) { try server.start() }
    }
}
