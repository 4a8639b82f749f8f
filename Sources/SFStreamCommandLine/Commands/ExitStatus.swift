/// The exit statuses of `sfstream`, documented in the README.
public enum ExitStatus: Int32, Sendable {
    /// Every record was delivered as elements.
    case success = 0
    /// The run finished but some records or categories produced no elements (see stderr or
    /// the `--errors` file).
    case recordsFailed = 1
    /// The run could not start: invalid arguments, unreadable key, rejected credentials,
    /// unknown category, unreachable host.
    case notStarted = 2
    /// Stopped early to stay within the org's API allowance (`--max-api-usage` or
    /// `REQUEST_LIMIT_EXCEEDED`); the delivered records are saved in the state file.
    case stoppedAtAPILimit = 3
    /// Stopped by SIGINT, after flushing complete lines (128 + 2).
    case interrupted = 130
    /// Stopped by SIGTERM, after flushing complete lines (128 + 15).
    case terminated = 143
}
