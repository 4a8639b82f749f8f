/// Receives the client's log events; the caller decides where they go.
///
/// Messages are constant; what changes (method, path, attempt, status) travels in `fields`.
/// No event carries the access token, the private key or a query's result data.
public struct ClientLogger: Sendable {
    public enum Level: String, Sendable, Comparable {
        case debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool {
            let order: [Level] = [.debug, .info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public struct Event: Sendable {
        public let level: Level
        public let message: String
        /// Values in a stable key order, so log lines compare equal across runs.
        public let fields: [(key: String, value: String)]

        public func field(_ key: String) -> String? {
            fields.first { $0.key == key }?.value
        }
    }

    private let handler: @Sendable (Event) -> Void

    public init(_ handler: @escaping @Sendable (Event) -> Void) {
        self.handler = handler
    }

    func log(_ level: Level, _ message: String, _ fields: [(key: String, value: String)] = []) {
        handler(Event(level: level, message: message, fields: fields))
    }
}
