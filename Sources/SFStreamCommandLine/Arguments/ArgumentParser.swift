/// Parses `--name value`, `--name=value` and `--flag` arguments against a ``CommandSpec``.
///
/// `--help` (or `-h`) and `--version` are accepted by every command. A value that starts with
/// `--` is taken as the next option, so `--username --consumer-key K` reports a missing value;
/// write `--name=--value` for such a value. When an option is repeated, the last value applies.
public enum ArgumentParser {
    public static func parse(
        _ arguments: [String], for command: CommandSpec, environment: [String: String] = [:]
    ) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: command, environment: environment)
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                parsed.helpRequested = true
                continue
            }
            if argument == "--version" {
                parsed.versionRequested = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)': options are spelled with two dashes, such as --help")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = command.options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'")
            }
            if option.isFlag {
                if inlineValue != nil {
                    throw UsageError("--\(name) is a flag and takes no value: write --\(name) alone")
                }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.values[name] = inlineValue
            } else if index < arguments.count, !looksLikeOption(arguments[index]) {
                parsed.values[name] = arguments[index]
                index += 1
            } else {
                throw UsageError("missing value for --\(name): write --\(name) \(option.valueName ?? "VALUE")")
            }
        }
        return parsed
    }

    private static func looksLikeOption(_ argument: String) -> Bool {
        argument.hasPrefix("--") && argument.count > 2
    }
}
