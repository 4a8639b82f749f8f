extension Logger {
    /// Severity of an event, least severe first; the names and order are swift-log's.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case trace, debug, info, notice, warning, error, critical

        /// Returns the level named `text` (any case), or `nil`.
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
