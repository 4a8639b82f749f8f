/// Reports an error found before a command's run starts, and chooses its exit status.
enum StartFailure {
    /// Writes `error` to stderr as one line and returns its exit status. A ``UsageError`` exits 64
    /// and adds the usage line and a pointer to `--help`. An ``InputFileError`` exits 66,
    /// `REQUEST_LIMIT_EXCEEDED` exits 3, and any other error exits 2.
    static func report(_ error: any Error, command: CommandSpec) -> ExitStatus {
        report(error, label: "sfstream \(command.name)", usage: command.usage)
    }

    static func report(_ error: any Error, label: String, usage: String) -> ExitStatus {
        // The level options may be the invalid ones, so this error prints at the default level.
        CommandLog.defaultLogger(prefix: label).error("\(error)")
        switch error {
        case is UsageError:
            StandardErrorConsole.shared.writeLine("Usage: \(usage)")
            StandardErrorConsole.shared.writeLine("Run '\(label) --help' for more information.")
            return .usage
        case is InputFileError:
            return .noInput
        case let error as SalesforceError where error.kind == .requestLimitExceeded:
            // The org's allowance ran out during login or describe: the same stop as mid-run.
            return .stoppedAtAPILimit
        default:
            return .notStarted
        }
    }
}
