import SFStreamLogging

/// A command's logging settings, from `--log-level`, `SFSTREAM_LOG_LEVEL`, `--verbose` and
/// `--quiet`, and the loggers made from them.
///
/// Every logger writes through ``StandardErrorConsole/shared`` and shares one
/// ``RepeatLimiter``, so a message repeated for every request prints at most
/// ``repeatLimit`` lines a minute.
struct CommandLog: Sendable {
    static let levelOption = OptionSpec(
        "log-level", value: "LEVEL", environment: "SFSTREAM_LOG_LEVEL",
        help: "Minimum level of the events logged on stderr: trace, debug, info, notice, warning, error or critical (default \(defaultLevel.rawValue))."
    )
    static let quietOption = OptionSpec(
        "quiet",
        help: "Show no progress on stderr (by default redrawn 4 times a second on a terminal, else one line every 10 seconds) and, unless --log-level is given, log only warnings and errors; the summary line still prints."
    )
    static let verboseOption = OptionSpec(
        "verbose", help: "Same as --log-level info: also log tokens obtained and renewed (never their values)."
    )

    /// Notices (the emulated org's address, a stop at the API usage threshold) show by default.
    /// `info` adds token requests, and `debug` adds each category's query and each request an
    /// emulated org served.
    static let defaultLevel = Logger.Level.notice
    static let repeatLimit = 10
    static let repeatLimiter = RepeatLimiter(limit: repeatLimit, window: .seconds(60))

    /// The text that starts each stderr line: `sfstream` for `salesforce`, the main command, else
    /// `sfstream NAME`, as in earlier versions.
    let prefix: String
    let level: Logger.Level
    /// Whether `--quiet` turned the progress display off.
    let quiet: Bool

    /// The command's own logger.
    var logger: Logger { logger(label: "sfstream") }

    /// Returns a logger for one component (`sfstream.salesforce`) at the command's level.
    func logger(label: String) -> Logger {
        let prefix = self.prefix
        let level = self.level
        return Logger(label: label) { _ in
            RepeatLimitingLogHandler(
                wrapping: StandardErrorLogHandler(prefix: prefix, logLevel: level, output: StandardErrorConsole.shared),
                limiter: Self.repeatLimiter
            )
        }
    }

    /// Returns the prefix of every stderr line a command writes, the same one its start errors use.
    static func prefix(command name: String) -> String {
        "sfstream \(name)"
    }

    /// Returns a logger at the default level, for errors found before a command's own settings are read.
    static func defaultLogger(prefix: String) -> Logger {
        CommandLog(prefix: prefix, level: defaultLevel, quiet: false).logger
    }

    /// Reads the level from the arguments. `--log-level` on the command line wins over `--quiet`
    /// and `--verbose`, which win over `SFSTREAM_LOG_LEVEL` and the config file.
    ///
    /// - Throws: ``UsageError`` for an unknown level, or for `--verbose` with `--log-level` or `--quiet`.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        prefix = Self.prefix(command: arguments.command.name)
        quiet = arguments.flag("quiet")
        let verbose = arguments.flag("verbose")
        if verbose && quiet {
            throw UsageError("--verbose and --quiet contradict each other: give one of them")
        }
        let levelOnCommandLine = arguments.isOnCommandLine("log-level")
        if verbose && levelOnCommandLine {
            throw UsageError("--verbose is the same as --log-level info: give one of them")
        }
        if levelOnCommandLine || !(verbose || quiet), let named = arguments.value("log-level") {
            guard let level = Logger.Level(name: named) else {
                let valid = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw arguments.invalidValue("log-level", expected: "one of \(valid)")
            }
            self.level = level
        } else if verbose {
            level = .info
        } else if quiet {
            level = .warning
        } else {
            level = Self.defaultLevel
        }
    }

    private init(prefix: String, level: Logger.Level, quiet: Bool) {
        self.prefix = prefix
        self.level = level
        self.quiet = quiet
    }
}
