/// A usage error, whose message names the invalid argument and how to get help.
public struct UsageError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The arguments of one command after parsing: option values, flags and positionals.
public struct ParsedArguments: Sendable {
    public var command: CommandSpec
    public var values: [String: String] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []
    public var helpRequested = false
    /// The environment the parser falls back to for options with an `environment` name.
    public var environment: [String: String] = [:]

    /// Returns the option's value, else its environment variable's value, else `nil`. An empty
    /// environment variable counts as absent.
    public func value(_ name: String) -> String? {
        if let value = values[name] { return value }
        if let variable = command.options.first(where: { $0.name == name })?.environment,
            let value = environment[variable], !value.isEmpty
        {
            return value
        }
        return nil
    }

    public func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// Returns the option's value as an integer within `range`, or `nil` when absent.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("invalid value '\(text)' for --\(name): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Returns the option's value as a decimal number within `range`, or `nil` when absent.
    public func decimal(_ name: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), range.contains(number) else {
            throw UsageError("invalid value '\(text)' for --\(name): expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// Parses `--name value`, `--name=value` and `--flag` arguments against a ``CommandSpec``.
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
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)' for 'sfstream \(command.name)'; run 'sfstream \(command.name) --help'")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = command.options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)' for 'sfstream \(command.name)'; run 'sfstream \(command.name) --help'")
            }
            if option.isFlag {
                if inlineValue != nil {
                    throw UsageError("--\(name) takes no value")
                }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.values[name] = inlineValue
            } else if index < arguments.count {
                parsed.values[name] = arguments[index]
                index += 1
            } else {
                throw UsageError("missing value for --\(name) (\(option.valueName ?? "VALUE"))")
            }
        }
        return parsed
    }
}
