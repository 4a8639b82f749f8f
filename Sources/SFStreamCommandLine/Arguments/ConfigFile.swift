import Foundation

/// Options read from a `--config` file: a JSON object, or `key = value` lines.
///
/// Keys are long option names without the dashes. A key that names an option of another sfstream
/// command is skipped, so that one file can serve `salesforce` and `demo`. Any other unknown key
/// is a usage error. Errors name the file, the line (for `key = value` files) and the key, but never a
/// value, because the file may hold a private key passphrase or other secrets.
public struct ConfigFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The value as text; `true` or `false` for a flag.
        public var value: String
        /// The 1-based line of a `key = value` file; `nil` in JSON.
        public var line: Int?
        public var isFlag: Bool
    }

    public var path: String
    public var entries: [String: Entry]

    /// Files larger than this are rejected unread, because a config file contains a few dozen short options.
    static let maxBytes = 1 << 20

    /// Reads and validates the file at `path` against `command`.
    /// - Parameter otherOptionNames: option names of the other commands, skipped when found.
    public static func load(
        path: String, for command: CommandSpec, otherOptionNames: Set<String>
    ) throws -> ConfigFile {
        let text = try read(path)
        var parser = Parser(path: path, command: command, otherOptionNames: otherOptionNames)
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.first == "{" {
            try parser.parseJSON(Data(trimmed.utf8))
        } else {
            try parser.parseLines(text)
        }
        return ConfigFile(path: path, entries: parser.entries)
    }

    private static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFileError("config file '\(path)' not found: check the path given with --config or SFSTREAM_CONFIG")
        }
        guard !isDirectory.boolValue else {
            throw InputFileError("config file '\(path)' is a folder: give the path of a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputFileError("config file '\(path)' cannot be opened for reading: check its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw InputFileError("config file '\(path)' cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maxBytes else {
            throw UsageError("config file '\(path)' is larger than \(maxBytes / 1024) KiB: it should hold a few options")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("config file '\(path)' is not UTF-8 text")
        }
        return text
    }
}

extension ConfigFile {
    /// Checks keys and values of either format and collects the entries.
    fileprivate struct Parser {
        let path: String
        let command: CommandSpec
        let otherOptionNames: Set<String>
        var entries: [String: Entry] = [:]

        init(path: String, command: CommandSpec, otherOptionNames: Set<String>) {
            self.path = path
            self.command = command
            self.otherOptionNames = otherOptionNames
        }

        /// Returns `where` for messages: the file, with the line when known.
        func place(_ line: Int?) -> String {
            line.map { "config file '\(path)' line \($0)" } ?? "config file '\(path)'"
        }

        /// Returns the option for `key`, `nil` for a key of another command, or throws for any
        /// other key. The key is echoed only when it looks like an option name.
        func option(for key: String, line: Int?) throws(UsageError) -> OptionSpec? {
            if key.hasPrefix("-") {
                let bare = String(key.drop(while: { $0 == "-" }))
                if Self.looksLikeOptionName(bare) {
                    throw UsageError("\(place(line)): write the key '\(bare)' without the leading dashes")
                }
            }
            guard Self.looksLikeOptionName(key) else {
                throw UsageError("\(place(line)): the key is not an option name; keys are long option names without dashes, such as username")
            }
            if key == "config" {
                throw UsageError("\(place(line)): 'config' cannot be set inside a config file")
            }
            if let option = command.options.first(where: { $0.name == key }) {
                return option
            }
            if otherOptionNames.contains(key) { return nil }
            throw UsageError("\(place(line)): unknown key '\(key)'; run 'sfstream \(command.name) --help' for the option names")
        }

        static func looksLikeOptionName(_ key: String) -> Bool {
            !key.isEmpty && key.count <= 64 && key.first!.isLetter
                && key.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        }

        mutating func add(_ key: String, text: String, line: Int?, option: OptionSpec) throws(UsageError) {
            if let earlier = entries[key] {
                let first = earlier.line.map { " (first on line \($0))" } ?? ""
                throw UsageError("\(place(line)): '\(key)' is set twice\(first); keep one")
            }
            if option.isFlag {
                guard let flag = Bool(text.lowercased()) else {
                    throw UsageError("\(place(line)): '\(key)' is a flag: set it to true or false")
                }
                entries[key] = Entry(value: String(flag), line: line, isFlag: true)
                return
            }
            guard !text.isEmpty else {
                throw UsageError("\(place(line)): '\(key)' has no value; give one or remove the line")
            }
            entries[key] = Entry(value: text, line: line, isFlag: false)
        }

        /// Parses `key = value` lines. `#` starts a comment only at the start of a line, so values
        /// may contain `#`. One pair of matching quotes around a value is removed.
        mutating func parseLines(_ text: String) throws(UsageError) {
            var number = 0
            // `isNewline` also matches "\r\n", which Swift reads as one Character.
            for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                number += 1
                var line = rawLine
                if number == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
                let content = line.trimmingCharacters(in: .whitespaces)
                if content.isEmpty || content.hasPrefix("#") { continue }
                guard let equals = content.firstIndex(of: "=") else {
                    throw UsageError("\(place(number)): expected 'key = value' or a '#' comment")
                }
                let key = content[..<equals].trimmingCharacters(in: .whitespaces)
                guard let option = try option(for: key, line: number) else { continue }
                var value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if let quote = value.first, quote == "\"" || quote == "'" {
                    guard value.count >= 2, value.last == quote else {
                        throw UsageError("\(place(number)): the quoted value of '\(key)' has no closing \(quote == "\"" ? "double" : "single") quote")
                    }
                    value = String(value.dropFirst().dropLast())
                }
                try add(key, text: value, line: number, option: option)
            }
        }

        /// Parses a JSON object whose values are strings, numbers, or booleans for flags and
        /// true/false options.
        mutating func parseJSON(_ data: Data) throws(UsageError) {
            let object: [String: JSONValue]
            do {
                object = try JSONDecoder().decode([String: JSONValue].self, from: data)
            } catch {
                throw UsageError("\(place(nil)) is not a valid JSON object of option names and values")
            }
            // JSONDecoder keeps one value of a repeated key without a word, so the keys are
            // checked on the text.
            if let key = ConfigFile.repeatedTopLevelKey(in: [UInt8](data)) {
                throw UsageError("\(place(nil)): '\(key)' is set twice; keep one")
            }
            for key in object.keys.sorted() {
                guard let option = try option(for: key, line: nil) else { continue }
                let text: String
                switch object[key]! {
                case .boolean(let flag) where option.isFlag || option.valueName == "BOOL":
                    text = String(flag)
                case .string(let string) where !option.isFlag:
                    text = string
                case .number(let number) where !option.isFlag:
                    text = number
                default:
                    if option.isFlag {
                        throw UsageError("\(place(nil)): '\(key)' is a flag: set it to true or false")
                    }
                    throw UsageError("\(place(nil)): '\(key)' needs a string or a number")
                }
                try add(key, text: text, line: nil, option: option)
            }
        }
    }

    /// Returns the first key that appears twice in the outermost object of valid JSON text, or
    /// nil. Strings are skipped with their escapes, so braces and commas inside them do not count.
    static func repeatedTopLevelKey(in bytes: [UInt8]) -> String? {
        var seen = Set<String>()
        var depth = 0
        var expectsKey = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                if depth == 1, expectsKey, index < bytes.count {
                    let quoted = Data(bytes[start...index])
                    let key = (try? JSONDecoder().decode(String.self, from: quoted))
                        ?? String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    if !seen.insert(key).inserted { return key }
                    expectsKey = false
                }
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
                expectsKey = depth == 1 && byte == UInt8(ascii: "{")
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ","), depth == 1 {
                expectsKey = true
            }
            index += 1
        }
        return nil
    }

    /// One JSON value of a config object; arrays, objects and null are kept only to be rejected.
    fileprivate enum JSONValue: Decodable {
        case boolean(Bool)
        case string(String)
        /// The number as the user would type it: `4`, `0.25`.
        case number(String)
        case unsupported

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .boolean(flag)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let integer = try? container.decode(Int.self) {
                self = .number(String(integer))
            } else if let decimal = try? container.decode(Double.self) {
                self = .number(String(decimal))
            } else {
                self = .unsupported
            }
        }
    }
}
