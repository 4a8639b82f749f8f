/// Reports an error found before a command's run starts, and chooses its exit status.
enum StartFailure {
    /// Writes `error` to stderr and returns its exit status: a ``UsageError`` adds the usage line
    /// and exits 64, an ``InputFileError`` exits 66, anything else exits 2. Each message is one
    /// line; the usage error adds the usage line and a pointer to `--help`.
    static func report(_ error: any Error, command: CommandSpec) -> ExitStatus {
        report(error, label: "sfstream \(command.name)", usage: command.usage)
    }

    static func report(_ error: any Error, label: String, usage: String) -> ExitStatus {
        writeStandardError("\(label): error: \(error)")
        switch error {
        case is UsageError:
            writeStandardError("Usage: \(usage)")
            writeStandardError("Run '\(label) --help' for more information.")
            return .usage
        case is InputFileError:
            return .noInput
        default:
            return .notStarted
        }
    }
}
