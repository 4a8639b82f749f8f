/// The exit statuses of `sfstream`, documented in the README and in docs/cli.md.
public enum ExitStatus: Int32, Sendable {
    /// Every record was delivered as elements.
    case success = 0
    /// The run finished but some records or categories produced no elements (see stderr or
    /// the `--errors` file).
    case recordsFailed = 1
    /// The run could not start for a reason outside the arguments: unreadable or invalid key,
    /// rejected credentials, unknown category, unreachable host.
    case notStarted = 2
    /// Stopped early to stay within the org's API allowance (`--max-api-usage` or
    /// `REQUEST_LIMIT_EXCEEDED`); the delivered records are saved in the state file.
    case stoppedAtAPILimit = 3
    /// The arguments are wrong: unknown command or option, missing or invalid value, missing
    /// required option, conflicting options, invalid config file (`EX_USAGE` in sysexits.h).
    case usage = 64
    /// An input file named in the arguments does not exist or cannot be opened for reading
    /// (`EX_NOINPUT` in sysexits.h).
    case noInput = 66
    /// Stopped by SIGINT, after flushing complete lines (128 + 2).
    case interrupted = 130
    /// Stopped by SIGTERM, after flushing complete lines (128 + 15).
    case terminated = 143
}
