#if canImport(Glibc)
import Glibc
#endif

/// The `sfstream` command: dispatches to a subcommand and returns the process exit status.
public enum SFStreamCommand {
    static let commands: [CommandSpec] = [
        SalesforceCommand.spec, DemoCommand.spec, PartitionCommand.spec, ChunkCommand.spec, EmulatorCommand.spec,
    ]

    public static var helpText: String {
        var lines = [
            "Usage: sfstream COMMAND [options]",
            "",
            "Stream Salesforce records as unstructured-compatible document elements (NDJSON).",
            "",
            "Commands:",
        ]
        for command in commands {
            lines.append("  \(command.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(command.brief)")
        }
        lines += ["", "Run 'sfstream COMMAND --help' for a command's options."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the command named by `arguments[0]` (the program name excluded).
    public static func main(arguments: [String], environment: [String: String]) async -> Int32 {
        // A closed stdout must surface as EPIPE from write(2), not kill the process.
        signal(SIGPIPE, SIG_IGN)

        guard let name = arguments.first else {
            StandardErrorConsole.shared.writeText(helpText)
            return ExitStatus.notStarted.rawValue
        }
        if name == "--help" || name == "-h" || name == "help" {
            writeStandardOutput(helpText)
            return ExitStatus.success.rawValue
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            CommandLog.beforeParsing(command: nil).logger.error("unknown command '\(name)'; run 'sfstream --help' for the list")
            return ExitStatus.notStarted.rawValue
        }
        let parsed: ParsedArguments
        let log: CommandLog
        do {
            parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command, environment: environment)
            log = try CommandLog(parsed)
        } catch {
            CommandLog.beforeParsing(command: name).logger.error("\(error)")
            return ExitStatus.notStarted.rawValue
        }
        if parsed.helpRequested {
            writeStandardOutput(command.helpText)
            return ExitStatus.success.rawValue
        }
        if command.name != "partition", let extra = parsed.positionals.first {
            log.logger.error("unexpected argument '\(extra)'; run 'sfstream \(name) --help'")
            return ExitStatus.notStarted.rawValue
        }

        let status: ExitStatus
        switch command.name {
        case SalesforceCommand.spec.name: status = await SalesforceCommand.run(parsed, log: log)
        case DemoCommand.spec.name: status = await DemoCommand.run(parsed, log: log)
        case PartitionCommand.spec.name: status = PartitionCommand.run(parsed, logger: log.logger)
        case ChunkCommand.spec.name: status = ChunkCommand.run(parsed, logger: log.logger)
        default: status = await EmulatorCommand.run(parsed, logger: log.logger)
        }
        return status.rawValue
    }

    private static func writeStandardOutput(_ text: String) {
        let writer = FileDescriptorWriter(descriptor: 1)
        writer.append(Array(text.utf8))
        try? writer.flush()
    }
}
