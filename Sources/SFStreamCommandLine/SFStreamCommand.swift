#if canImport(Glibc)
import Glibc
#endif

/// The `sfstream` command: dispatches to a subcommand and returns the process exit status.
public enum SFStreamCommand {
    static let commands: [CommandSpec] = [
        SalesforceCommand.spec, DemoCommand.spec, PartitionCommand.spec, ChunkCommand.spec, EmulatorCommand.spec,
    ]

    static let usage = "sfstream COMMAND [options]"

    public static var helpText: String {
        var lines = [
            "Usage: \(usage)",
            "",
            "Stream Salesforce records as unstructured-compatible document elements (NDJSON).",
            "",
            "Commands:",
        ]
        for command in commands {
            lines.append("  \(command.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(command.brief)")
        }
        lines += [
            "",
            "Options:",
            "  --help      Show this help.",
            "  --version   Show the version of sfstream.",
            "",
            "Run 'sfstream COMMAND --help' or 'sfstream help COMMAND' for a command's options.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `--version` output.
    static var versionText: String { "sfstream \(ToolVersion.current)\n" }

    /// Runs the command named by `arguments[0]` (the program name excluded).
    public static func main(arguments: [String], environment: [String: String]) async -> Int32 {
        // A closed stdout must surface as EPIPE from write(2), not kill the process.
        signal(SIGPIPE, SIG_IGN)

        guard let name = arguments.first else {
            StandardErrorConsole.shared.writeText(helpText)
            return ExitStatus.usage.rawValue
        }
        if name == "--help" || name == "-h" || name == "help" {
            // `sfstream help COMMAND` is the same as `sfstream COMMAND --help`.
            if name == "help", arguments.count > 1 {
                guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                    return StartFailure.report(UsageError("unknown command '\(arguments[1])'"), label: "sfstream", usage: usage).rawValue
                }
                writeStandardOutput(command.helpText)
                return ExitStatus.success.rawValue
            }
            writeStandardOutput(helpText)
            return ExitStatus.success.rawValue
        }
        if name == "--version" {
            writeStandardOutput(versionText)
            return ExitStatus.success.rawValue
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            let problem = name.hasPrefix("-") ? "unknown option '\(name)'" : "unknown command '\(name)'"
            return StartFailure.report(
                UsageError("\(problem): give a command such as salesforce or demo first"), label: "sfstream", usage: usage
            ).rawValue
        }

        var parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command, environment: environment)
        } catch {
            return StartFailure.report(error, command: command).rawValue
        }
        // Help and version win over every other problem, as they do in other tools.
        if parsed.helpRequested {
            writeStandardOutput(command.helpText)
            return ExitStatus.success.rawValue
        }
        if parsed.versionRequested {
            writeStandardOutput(versionText)
            return ExitStatus.success.rawValue
        }
        let log: CommandLog
        do {
            try checkPositionals(parsed)
            parsed.configFile = try loadConfigFile(parsed)
            log = try CommandLog(parsed)
        } catch {
            return StartFailure.report(error, command: command).rawValue
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

    private static func checkPositionals(_ parsed: ParsedArguments) throws(UsageError) {
        guard parsed.command.name != PartitionCommand.spec.name, let extra = parsed.positionals.first else { return }
        throw UsageError("unexpected argument '\(extra)': this command takes options only")
    }

    /// Reads the file named by `--config` or `SFSTREAM_CONFIG`, for the commands that accept it.
    private static func loadConfigFile(_ parsed: ParsedArguments) throws -> ConfigFile? {
        guard parsed.command.options.contains(where: { $0.name == OptionSpec.config.name }),
            let path = parsed.value(OptionSpec.config.name)
        else { return nil }
        guard !path.isEmpty else {
            throw UsageError("\(parsed.label(OptionSpec.config.name)) is empty: give the path of a config file")
        }
        let otherNames = Set(commands.filter { $0.name != parsed.command.name }.flatMap { $0.options.map(\.name) })
        return try ConfigFile.load(path: path, for: parsed.command, otherOptionNames: otherNames)
    }

    private static func writeStandardOutput(_ text: String) {
        let writer = FileDescriptorWriter(descriptor: 1)
        writer.append(Array(text.utf8))
        try? writer.flush()
    }
}
