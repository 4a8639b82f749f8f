/// A Salesforce OAuth access token (a session id), sent as `Authorization: Bearer`.
///
/// Its descriptions are redacted, so a token in a log call or an interpolated error shows nothing.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    public var description: String { "AccessToken(redacted)" }
    public var debugDescription: String { "AccessToken(redacted)" }
}
