/// Parses `--name value`, `--name=value` and `--flag` arguments against a ``CommandSpec``.
///
/// `--help` (or `-h`) and `--version` are accepted by every command. A value that starts with
/// `--` and a letter is read as the next option, so `--username --consumer-key K` reports a
/// missing value. Such a value is written `--name=--value`. When an option is repeated, the last
/// value applies.
public enum ArgumentParser {
    public static func parse(
        _ arguments: [String], for command: CommandSpec, environment: [String: String] = [:]
    ) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: command, environment: environment)
        // `--help` and `--version` win over every other argument, an unknown option included,
        // so the rest is not parsed when one of them comes before `--`.
        let options = arguments.prefix { $0 != "--" }
        if options.contains(where: { $0 == "--help" || $0 == "-h" || $0 == "--version" }) {
            parsed.helpRequested = options.contains { $0 == "--help" || $0 == "-h" }
            parsed.versionRequested = !parsed.helpRequested
            return parsed
        }
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
                if let suggestion = closestOption(to: name, in: command) {
                    throw UsageError("unknown option '--\(name)'; did you mean '--\(suggestion)'?")
                }
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

    /// Returns the option name within two edits of `name` (a typo), if exactly one is closest.
    static func closestOption(to name: String, in command: CommandSpec) -> String? {
        let candidates = command.options.map { ($0.name, editDistance(name, $0.name)) }.filter { $0.1 <= 2 }
        guard let best = candidates.map(\.1).min() else { return nil }
        let closest = candidates.filter { $0.1 == best }
        return closest.count == 1 ? closest[0].0 : nil
    }

    /// Returns the Levenshtein distance: insertions, deletions and substitutions of characters.
    static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first)
        let b = Array(second)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Returns true for `--name…` with a letter after the dashes, so PEM text (`-----BEGIN`) and
    /// negative numbers still count as values.
    private static func looksLikeOption(_ argument: String) -> Bool {
        let characters = Array(argument.prefix(3))
        return characters.count == 3 && characters[0] == "-" && characters[1] == "-" && characters[2].isLetter
    }
}
