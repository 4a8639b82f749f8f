/// The source of an option's value, named in error messages.
public enum ValueOrigin: Sendable, Equatable {
    case commandLine
    case environment(variable: String)
    /// A key of a `--config` file; `line` is `nil` for JSON files.
    case configFile(path: String, line: Int?)
}

/// The arguments of one command after parsing: option values, flags and positionals, with the
/// environment and config file they fall back to.
///
/// Precedence: command line, then environment variable, then config file, then the default.
public struct ParsedArguments: Sendable {
    public var command: CommandSpec
    /// Values given on the command line, by option name.
    public var values: [String: String] = [:]
    /// Flags given on the command line.
    public var flags: Set<String> = []
    public var positionals: [String] = []
    public var helpRequested = false
    public var versionRequested = false
    /// The environment the parser falls back to for options with an `environment` name.
    public var environment: [String: String] = [:]
    /// The `--config` file's settings, read after parsing.
    public var configFile: ConfigFile?

    /// Returns the option's value from the command line, else its environment variable, else the
    /// config file, else `nil`. An empty environment variable counts as absent.
    public func value(_ name: String) -> String? {
        guard let origin = origin(of: name) else { return nil }
        switch origin {
        case .commandLine: return values[name]
        case .environment(let variable): return environment[variable]
        case .configFile: return configFile?.entries[name]?.value
        }
    }

    /// Returns true when the flag is given on the command line or set to true in the config file.
    public func flag(_ name: String) -> Bool {
        flags.contains(name) || configFile?.entries[name]?.value == "true"
    }

    /// Returns where the option's value comes from, or `nil` when it is absent.
    public func origin(of name: String) -> ValueOrigin? {
        if values[name] != nil || flags.contains(name) { return .commandLine }
        if let variable = command.options.first(where: { $0.name == name })?.environment,
            let value = environment[variable], !value.isEmpty
        {
            return .environment(variable: variable)
        }
        if let entry = configFile?.entries[name] {
            if entry.isFlag && entry.value != "true" { return nil }
            return .configFile(path: configFile!.path, line: entry.line)
        }
        return nil
    }

    /// Returns true when the option is given on the command line itself.
    public func isOnCommandLine(_ name: String) -> Bool {
        origin(of: name) == .commandLine
    }

    /// Returns the option as the user wrote it: `--name`, the environment variable, or the key
    /// with its config file and line.
    public func label(_ name: String) -> String {
        switch origin(of: name) {
        case .environment(let variable): return variable
        case .configFile(let path, let line?): return "'\(name)' in config file '\(path)' line \(line)"
        case .configFile(let path, nil): return "'\(name)' in config file '\(path)'"
        case .commandLine, nil: return "--\(name)"
        }
    }

    /// Returns a usage error for an invalid value. The value is shown only when it comes from the
    /// command line or the environment and the option is not secret. A config file may contain
    /// secrets on any line, so its file and line locate the value instead.
    public func invalidValue(_ name: String, expected: String) -> UsageError {
        let isSecret = command.options.first(where: { $0.name == name })?.isSecret ?? false
        if let text = value(name), !isSecret, !(origin(of: name).map(Self.isConfigFile) ?? false) {
            return UsageError("invalid value '\(text)' for \(label(name)): expected \(expected)")
        }
        return UsageError("invalid value for \(label(name)): expected \(expected)")
    }

    private static func isConfigFile(_ origin: ValueOrigin) -> Bool {
        if case .configFile = origin { return true }
        return false
    }

    /// Returns the option's value as an integer within `range`, or `nil` when absent.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw invalidValue(name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Returns the option's value as a decimal number within `range`, or `nil` when absent.
    public func decimal(_ name: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw invalidValue(name, expected: "a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
        }
        return number
    }

    /// Returns the option's value as `true` or `false` (any letter case), or `nil` when absent.
    public func boolean(_ name: String) throws(UsageError) -> Bool? {
        guard let text = value(name) else { return nil }
        guard let flag = Bool(text.lowercased()) else {
            throw invalidValue(name, expected: "true or false")
        }
        return flag
    }

    /// Writes whole numbers without a decimal point, as users type them in ranges such as 1 to 100.
    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
