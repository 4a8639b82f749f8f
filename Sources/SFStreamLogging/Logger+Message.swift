extension Logger {
    /// The text of an event.
    ///
    /// It accepts interpolation as swift-log's does, but by this package's convention a message
    /// is a constant and variable parts go into metadata. The exception is an error reported
    /// whole, whose description is itself the sentence a reader needs.
    public struct Message: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation,
        CustomStringConvertible
    {
        public let description: String

        public init(_ text: String) {
            description = text
        }

        public init(stringLiteral value: String) {
            description = value
        }

        public init(stringInterpolation: DefaultStringInterpolation) {
            description = String(stringInterpolation: stringInterpolation)
        }
    }

    /// Named values attached to an event. It is a dictionary, so each handler chooses the key order.
    public typealias Metadata = [String: MetadataValue]

    /// One metadata value: text, a describable value, or a nested dictionary or list.
    public enum MetadataValue: Sendable, CustomStringConvertible, ExpressibleByStringLiteral,
        ExpressibleByStringInterpolation, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral
    {
        case string(String)
        case stringConvertible(any CustomStringConvertible & Sendable)
        case dictionary(Metadata)
        case array([MetadataValue])

        public init(stringLiteral value: String) {
            self = .string(value)
        }

        public init(stringInterpolation: DefaultStringInterpolation) {
            self = .string(String(stringInterpolation: stringInterpolation))
        }

        public init(dictionaryLiteral elements: (String, MetadataValue)...) {
            self = .dictionary(Metadata(elements, uniquingKeysWith: { $1 }))
        }

        public init(arrayLiteral elements: MetadataValue...) {
            self = .array(elements)
        }

        /// Text for a log line: dictionaries as `[key: value]` in key order, lists as `[a, b]`.
        public var description: String {
            switch self {
            case .string(let text):
                return text
            case .stringConvertible(let value):
                return value.description
            case .dictionary(let dictionary):
                let pairs = dictionary.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                return "[" + pairs.joined(separator: ", ") + "]"
            case .array(let values):
                return "[" + values.map(\.description).joined(separator: ", ") + "]"
            }
        }
    }
}
