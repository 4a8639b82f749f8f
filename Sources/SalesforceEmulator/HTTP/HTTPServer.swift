import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server over POSIX sockets, for tests and the emulator: one thread accepts,
/// one thread serves each connection, and an async handler returns the response to every request.
///
/// It reads `Content-Length` and chunked request bodies, sends `100 Continue` for `Expect: 100-continue`, keeps
/// connections alive unless the client sends `Connection: close` (or speaks HTTP/1.0 without
/// `keep-alive`), and always sends responses with `Content-Length`. `HTTPResponse.fault` makes it
/// break a connection on purpose.
///
/// The handler runs as a task on the shared Swift concurrency pool, so it should suspend
/// (`Task.sleep`) rather than block a thread. Blocking calls in a test client (a raw `recv`) belong
/// on a `Thread` of their own for the same reason.
public final class HTTPServer: Sendable {
    /// Limits that keep a misbehaving client from exhausting memory.
    public static let maximumHeadBytes = 64 * 1024
    public static let maximumBodyBytes = 64 * 1024 * 1024

    private struct State {
        var listeningSocket: Int32
        var isStarted = false
        var isStopped = false
        var openConnections: Set<Int32> = []
    }

    private let state: Mutex<State>
    private let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    /// The port the listening socket is bound to, known as soon as `init` returns.
    public let port: UInt16
    public let host: String

    /// Binds a listening socket to `host:port` (port 0 picks a free port). Connections wait in the
    /// backlog until `start()`.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse
    ) throws {
        let socketDescriptor = try Self.bindListeningSocket(host: host, port: port)
        self.host = host
        self.port = try Self.boundPort(of: socketDescriptor)
        self.handler = handler
        self.state = Mutex(State(listeningSocket: socketDescriptor))
    }

    deinit {
        stop()
    }

    /// Starts accepting connections on a background thread. Calling it twice is an error.
    public func start() throws {
        let listeningSocket = try state.withLock { state -> Int32 in
            guard !state.isStopped else { throw HTTPServerError.stopped }
            guard !state.isStarted else { throw HTTPServerError.alreadyStarted }
            state.isStarted = true
            return state.listeningSocket
        }
        let thread = Thread { [self] in
            acceptLoop(listeningSocket: listeningSocket)
        }
        thread.name = "HTTPServer accept :\(port)"
        thread.start()
    }

    /// Stops accepting and shuts down every open connection, so requests in flight lose their
    /// connection. Calling it again does nothing. Handlers already running finish, but their
    /// responses are dropped.
    public func stop() {
        // Every shutdown(2) and close(2) of this server's descriptors happens under the lock, so a
        // descriptor number that another thread has just closed, and the kernel has handed to a new
        // socket, is never shut down by mistake.
        state.withLock { state in
            guard !state.isStopped else { return }
            state.isStopped = true
            if state.isStarted {
                // Wakes the accept thread, which then closes the listening socket itself.
                _ = shutdown(state.listeningSocket, Int32(SHUT_RDWR))
            } else {
                close(state.listeningSocket)
            }
            for connection in state.openConnections {
                _ = shutdown(connection, Int32(SHUT_RDWR))
            }
        }
    }

    // MARK: - Accepting

    private func acceptLoop(listeningSocket: Int32) {
        defer { state.withLock { _ in _ = close(listeningSocket) } }
        while true {
            let connection = accept(listeningSocket, nil, nil)
            if connection < 0 {
                let code = errno
                if state.withLock({ $0.isStopped }) { return }
                if code == EINTR || code == ECONNABORTED { continue }
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    // Out of descriptors or memory for now; keep serving the open connections and retry.
                    usleep(10_000)
                    continue
                }
                return
            }
            let isAccepted = state.withLock { state -> Bool in
                guard !state.isStopped else { return false }
                state.openConnections.insert(connection)
                return true
            }
            guard isAccepted else {
                state.withLock { _ in _ = close(connection) }
                return
            }
            var noDelay: Int32 = 1
            _ = setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in
                serve(connection: connection)
            }
            thread.name = "HTTPServer connection \(connection)"
            thread.start()
        }
    }

    private func serve(connection: Int32) {
        defer {
            state.withLock { state in
                state.openConnections.remove(connection)
                close(connection)
            }
        }
        var reader = HTTPRequestReader(socket: connection)
        while true {
            let request: HTTPRequestReader.Parsed
            do {
                guard let parsed = try reader.readRequest() else { return }
                request = parsed
            } catch let error as HTTPRequestReader.Failure {
                var response = HTTPResponse.text(status: error.status, error.message + "\n")
                response.headers["Connection"] = "close"
                _ = SocketWriter.send(HTTPResponseSerializer.head(of: response, keepAlive: false) + response.body, to: connection)
                return
            } catch {
                return
            }

            let response = callHandler(request.request)
            let keepAlive = request.keepAlive && response.headers["Connection"]?.lowercased() != "close"
            let isHead = request.request.method == "HEAD"
            guard send(response, on: connection, keepAlive: keepAlive, omitBody: isHead) else { return }
            if !keepAlive { return }
        }
    }

    /// Runs the async handler from this connection's thread and blocks the thread until it returns.
    private func callHandler(_ request: HTTPRequest) -> HTTPResponse {
        let result = ResponseSlot()
        let semaphore = DispatchSemaphore(value: 0)
        let handler = self.handler
        Task {
            result.store(await handler(request))
            semaphore.signal()
        }
        semaphore.wait()
        return result.take()
    }

    /// Sends `response`, acting out its fault. Returns whether the connection may carry another request.
    private func send(_ response: HTTPResponse, on connection: Int32, keepAlive: Bool, omitBody: Bool) -> Bool {
        let head = HTTPResponseSerializer.head(of: response, keepAlive: keepAlive)
        let body = omitBody ? [] : response.body
        switch response.fault {
        case nil:
            return SocketWriter.send(head + body, to: connection)
        case .closeWithoutResponse:
            return false
        case .closeMidBody(let afterBytes):
            _ = SocketWriter.send(head + body.prefix(max(0, min(afterBytes, body.count))), to: connection)
            // SHUT_WR sends FIN after the partial body, so the client sees a clean early end of stream.
            _ = shutdown(connection, Int32(SHUT_WR))
            return false
        case .delay(let milliseconds):
            Self.sleep(milliseconds: milliseconds)
            return SocketWriter.send(head + body, to: connection)
        case .stallMidBody(let milliseconds):
            let half = body.count / 2
            guard SocketWriter.send(head + body.prefix(half), to: connection) else { return false }
            Self.sleep(milliseconds: milliseconds)
            return SocketWriter.send(Array(body.dropFirst(half)), to: connection)
        }
    }

    private static func sleep(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        usleep(UInt32(min(milliseconds, 3_600_000)) * 1000)
    }

    // MARK: - Socket setup

    private static func bindListeningSocket(host: String, port: UInt16) throws -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw HTTPServerError.invalidHost(host)
        }
        #if canImport(Glibc)
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketDescriptor >= 0 else { throw HTTPServerError.systemCall("socket", errno) }
        var reuse: Int32 = 1
        _ = setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bindResult = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bindResult == 0 else {
            let code = errno
            close(socketDescriptor)
            throw HTTPServerError.systemCall("bind", code)
        }
        // Connections that arrive before start() wait in the backlog.
        guard listen(socketDescriptor, 128) == 0 else {
            let code = errno
            close(socketDescriptor)
            throw HTTPServerError.systemCall("listen", code)
        }
        return socketDescriptor
    }

    private static func boundPort(of socketDescriptor: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socketDescriptor, $0, &length)
            }
        }
        guard result == 0 else {
            let code = errno
            close(socketDescriptor)
            throw HTTPServerError.systemCall("getsockname", code)
        }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// An error that kept an `HTTPServer` from being set up or started.
public enum HTTPServerError: Error, CustomStringConvertible, Equatable {
    case invalidHost(String)
    case systemCall(String, Int32)
    case alreadyStarted
    case stopped

    public var description: String {
        switch self {
        case .invalidHost(let host): "invalid IPv4 address '\(host)'"
        case .systemCall(let name, let code): "\(name) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .alreadyStarted: "the server is already started"
        case .stopped: "the server is stopped and cannot be started again"
        }
    }
}

/// The handler's response, handed from its task to the waiting connection thread.
private final class ResponseSlot: Sendable {
    private let value = Mutex<HTTPResponse?>(nil)

    func store(_ response: HTTPResponse) {
        value.withLock { $0 = response }
    }

    func take() -> HTTPResponse {
        value.withLock { $0 } ?? HTTPResponse.text(status: 500, "handler returned no response\n")
    }
}
