/// A problem with the arguments themselves: an unknown command or option, a missing or invalid
/// value, a missing required option, or two options that conflict. It ends the run with
/// ``ExitStatus/usage`` (64) and the command's usage line.
public struct UsageError: Error, CustomStringConvertible, Equatable {
    /// One sentence that names the option and what is wrong or what to do.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// An input file named in the arguments that does not exist or cannot be opened for reading.
/// It ends the run with ``ExitStatus/noInput`` (66). A file that opens but contains something
/// invalid is a start failure (2) instead.
public struct InputFileError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A problem of the world found before the run starts, such as a folder that does not exist for an
/// output file. It ends the run with ``ExitStatus/notStarted`` (2), like rejected credentials.
public struct StartError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
