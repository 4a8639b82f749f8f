/// A SOQL token with the 1-based column where it starts, for Salesforce's `ERROR at Row:1:Column:N`.
struct SOQLToken: Equatable {
    enum Kind: Equatable {
        /// A name or keyword; SOQL keywords are not reserved from the lexer's point of view.
        case word(String)
        case string(String)
        /// An unquoted literal that starts with a digit or sign: a number or a dateTime.
        case literal(String)
        case symbol(String)
        case end
    }

    let kind: Kind
    let column: Int

    /// The keyword this token spells, upper-cased, or `nil` when it is not a word.
    var keyword: String? {
        if case .word(let word) = kind { return word.uppercased() }
        return nil
    }

    var text: String {
        switch kind {
        case .word(let text), .literal(let text), .symbol(let text): text
        case .string(let text): "'\(text)'"
        case .end: "<EOF>"
        }
    }
}

enum SOQLLexer {
    static func tokens(of query: String) throws(SOQLError) -> [SOQLToken] {
        let characters = Array(query.unicodeScalars)
        var tokens: [SOQLToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.properties.isWhitespace {
                index += 1
            } else if character == "'" {
                var value = ""
                index += 1
                var isClosed = false
                while index < characters.count {
                    let next = characters[index]
                    if next == "\\", index + 1 < characters.count {
                        let escaped = characters[index + 1]
                        switch escaped {
                        case "n": value += "\n"
                        case "t": value += "\t"
                        case "r": value += "\r"
                        default: value.unicodeScalars.append(escaped)
                        }
                        index += 2
                        continue
                    }
                    index += 1
                    if next == "'" {
                        isClosed = true
                        break
                    }
                    value.unicodeScalars.append(next)
                }
                guard isClosed else {
                    throw SOQLError(.malformedQuery, column: column, "unexpected token: <EOF>")
                }
                tokens.append(SOQLToken(kind: .string(value), column: column))
            } else if isWordStart(character) {
                let start = index
                while index < characters.count, isWordPart(characters[index]) { index += 1 }
                tokens.append(SOQLToken(kind: .word(String(String.UnicodeScalarView(characters[start..<index]))), column: column))
            } else if isDigit(character) || ((character == "-" || character == "+") && index + 1 < characters.count && isDigit(characters[index + 1])) {
                let start = index
                index += 1
                while index < characters.count, isLiteralPart(characters[index]) { index += 1 }
                tokens.append(SOQLToken(kind: .literal(String(String.UnicodeScalarView(characters[start..<index]))), column: column))
            } else {
                let pair = index + 1 < characters.count ? String(String.UnicodeScalarView([character, characters[index + 1]])) : ""
                if ["<=", ">=", "!=", "<>"].contains(pair) {
                    tokens.append(SOQLToken(kind: .symbol(pair == "<>" ? "!=" : pair), column: column))
                    index += 2
                } else if "=<>(),*".unicodeScalars.contains(character) {
                    tokens.append(SOQLToken(kind: .symbol(String(character)), column: column))
                    index += 1
                } else {
                    throw SOQLError(.malformedQuery, column: column, "unexpected token: '\(character)'")
                }
            }
        }
        tokens.append(SOQLToken(kind: .end, column: characters.count + 1))
        return tokens
    }

    private static func isDigit(_ character: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(character)
    }

    private static func isWordStart(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_"
    }

    private static func isWordPart(_ character: Unicode.Scalar) -> Bool {
        isWordStart(character) || isDigit(character) || character == "." || character == ":"
    }

    /// Digits and the punctuation of dateTime literals such as `2026-01-01T00:00:00.000+01:00`.
    private static func isLiteralPart(_ character: Unicode.Scalar) -> Bool {
        isDigit(character) || "-+:.TZtz".unicodeScalars.contains(character)
    }
}
