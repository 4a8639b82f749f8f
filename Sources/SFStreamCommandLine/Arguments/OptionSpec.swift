/// One `--option` a command accepts.
public struct OptionSpec: Sendable {
    /// The long name without dashes, for example `username` for `--username`.
    public var name: String
    /// The placeholder shown in help (`FILE`, `N`); `nil` for a flag that takes no value.
    public var valueName: String?
    /// One sentence: what the option sets, its unit and its default.
    public var help: String
    /// An environment variable read when the option is absent.
    public var environment: String?
    /// True for a value that error messages must never show, such as key text or a passphrase.
    public var isSecret: Bool

    public init(_ name: String, value valueName: String? = nil, environment: String? = nil, secret: Bool = false, help: String) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.environment = environment
        self.isSecret = secret
    }

    public var isFlag: Bool { valueName == nil }

    /// `--config FILE`, for the commands that read options from a file.
    static let config = OptionSpec(
        "config", value: "FILE", environment: "SFSTREAM_CONFIG",
        help: "Read options from FILE: a JSON object or 'key = value' lines, keyed by the long option names without dashes. The command line and environment variables take precedence over the file (default: none)."
    )
}

/// A subcommand's name, summary, options and positional arguments, from which its help is written.
public struct CommandSpec: Sendable {
    public var name: String
    /// A few words for the list of commands.
    public var brief: String
    public var summary: String
    public var usage: String
    public var options: [OptionSpec]

    public init(name: String, brief: String, summary: String, usage: String, options: [OptionSpec]) {
        self.name = name
        self.brief = brief
        self.summary = summary
        self.usage = usage
        self.options = options
    }

    /// The `--help` text: usage line, summary, then one line per option.
    public var helpText: String {
        var lines = ["Usage: \(usage)", "", summary, "", "Options:"]
        let labels = options.map { option -> String in
            option.valueName.map { "--\(option.name) \($0)" } ?? "--\(option.name)"
        }
        let width = min(36, (labels.map(\.count).max() ?? 0) + 2)
        for (option, label) in zip(options, labels) {
            var help = option.help
            if let environment = option.environment {
                help += " Environment: \(environment)."
            }
            let padding = String(repeating: " ", count: max(2, width - label.count))
            lines.append("  \(label)\(padding)\(help)")
        }
        lines.append("  --help\(String(repeating: " ", count: max(2, width - 6)))Show this help.")
        lines.append("  --version\(String(repeating: " ", count: max(2, width - 9)))Show the version of sfstream.")
        return lines.joined(separator: "\n") + "\n"
    }
}
