extension Logger {
    /// Severity of an event, least severe first, with swift-log's names and order.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case trace, debug, info, notice, warning, error, critical

        /// Creates the level named `text` in any case, or returns `nil` for an unknown name.
        public init?(name text: String) {
            self.init(rawValue: text.lowercased())
        }

        private var severity: Int {
            Self.allCases.firstIndex(of: self)!
        }

        public static func < (lhs: Level, rhs: Level) -> Bool {
            lhs.severity < rhs.severity
        }
    }
}
