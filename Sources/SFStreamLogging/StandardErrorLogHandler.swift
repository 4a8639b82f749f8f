/// Writes each event as one line, `sfstream: warning: retrying request attempt=2 method=GET`,
/// to stderr or another ``LineOutput``.
///
/// The prefix is the program's name as the user typed it (`sfstream`, `sfstream demo`), not the
/// logger's label, so every line of one command starts the same way.
public struct StandardErrorLogHandler: LogHandler {
    public let prefix: String
    public let output: any LineOutput
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    public init(prefix: String, logLevel: Logger.Level, output: any LineOutput = FileDescriptorLineOutput()) {
        self.prefix = prefix
        self.logLevel = logLevel
        self.output = output
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        output.writeLine(LogLineFormat.line(prefix: prefix, level: level, message: message, metadata: merged(with: metadata)))
    }
}
