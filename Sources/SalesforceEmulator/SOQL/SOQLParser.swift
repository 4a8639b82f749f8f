/// Parses the SOQL subset the emulator serves:
///
///     SELECT field, ... FROM Object
///       [WHERE condition]            -- =, !=, <, <=, >, >=, [NOT] IN (...), LIKE, AND, OR, NOT, ( )
///       [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...]
///       [LIMIT n] [OFFSET n]
///
/// Keywords, object names and field names match without regard to case, as in Salesforce.
/// Relationship paths, aggregates, date literals such as `TODAY`, and sub-queries are rejected
/// with the error Salesforce gives for an unknown field or token.
struct SOQLParser {
    private let tokens: [SOQLToken]
    private var position = 0

    static func parse(_ query: String) throws(SOQLError) -> SOQLQuery {
        var parser = SOQLParser(tokens: try SOQLLexer.tokens(of: query))
        return try parser.parseQuery()
    }

    private init(tokens: [SOQLToken]) {
        self.tokens = tokens
    }

    private var current: SOQLToken { tokens[position] }

    private mutating func advance() -> SOQLToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func unexpected(_ token: SOQLToken) -> SOQLError {
        SOQLError(.malformedQuery, column: token.column, "unexpected token: \(token.text)")
    }

    private mutating func expectKeyword(_ keyword: String) throws(SOQLError) {
        guard current.keyword == keyword else { throw unexpected(current) }
        _ = advance()
    }

    private mutating func expectSymbol(_ symbol: String) throws(SOQLError) {
        guard current.kind == .symbol(symbol) else { throw unexpected(current) }
        _ = advance()
    }

    // MARK: - Query

    private mutating func parseQuery() throws(SOQLError) -> SOQLQuery {
        try expectKeyword("SELECT")
        var fieldTokens: [SOQLToken] = []
        repeat {
            let token = advance()
            guard case .word = token.kind, !Self.clauseKeywords.contains(token.keyword ?? "") else {
                throw unexpected(token)
            }
            if current.kind == .symbol("(") {
                // COUNT(), FIELDS(ALL) and other functions.
                throw SOQLError(.malformedQuery, column: token.column, "unsupported function: \(token.text)")
            }
            fieldTokens.append(token)
        } while try consumeComma()

        try expectKeyword("FROM")
        let objectToken = advance()
        guard case .word(let objectName) = objectToken.kind else { throw unexpected(objectToken) }
        guard let object = OrgSchema.object(named: objectName) else {
            throw SOQLError(
                .invalidType, column: objectToken.column,
                "sObject type '\(objectName)' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."
            )
        }

        var fields: [FieldSchema] = []
        for token in fieldTokens {
            let field = try resolveField(token, in: object)
            if !fields.contains(where: { $0.name == field.name }) {
                fields.append(field)
            }
        }

        var condition: SOQLCondition?
        if current.keyword == "WHERE" {
            _ = advance()
            condition = try parseOr(object)
        }
        var ordering: [SOQLQuery.Ordering] = []
        if current.keyword == "ORDER" {
            _ = advance()
            try expectKeyword("BY")
            repeat {
                ordering.append(try parseOrdering(object))
            } while try consumeComma()
        }
        var limit: Int?
        if current.keyword == "LIMIT" {
            _ = advance()
            limit = try parseCount()
        }
        var offset: Int?
        if current.keyword == "OFFSET" {
            _ = advance()
            offset = try parseCount()
        }
        guard current.kind == .end else { throw unexpected(current) }
        return SOQLQuery(object: object, fields: fields, condition: condition, ordering: ordering, limit: limit, offset: offset)
    }

    private static let clauseKeywords: Set<String> = ["FROM", "WHERE", "ORDER", "LIMIT", "OFFSET", "SELECT"]

    private mutating func consumeComma() throws(SOQLError) -> Bool {
        guard current.kind == .symbol(",") else { return false }
        _ = advance()
        return true
    }

    private mutating func parseCount() throws(SOQLError) -> Int {
        let token = advance()
        guard case .literal(let text) = token.kind, let value = Int(text), value >= 0 else {
            throw unexpected(token)
        }
        return value
    }

    private func resolveField(_ token: SOQLToken, in object: ObjectSchema) throws(SOQLError) -> FieldSchema {
        guard case .word(let name) = token.kind else { throw unexpected(token) }
        if name.contains(".") {
            let relationship = name.split(separator: ".").first.map(String.init) ?? name
            throw SOQLError(
                .invalidField, column: token.column,
                "Didn't understand relationship '\(relationship)' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."
            )
        }
        guard let field = object.field(named: name) else {
            throw SOQLError(
                .invalidField, column: token.column,
                "No such column '\(name)' on entity '\(object.name)'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
            )
        }
        return field
    }

    private mutating func parseOrdering(_ object: ObjectSchema) throws(SOQLError) -> SOQLQuery.Ordering {
        let fieldToken = advance()
        let field = try resolveField(fieldToken, in: object)
        guard field.type != .textarea else {
            throw SOQLError(.invalidField, column: fieldToken.column, "field '\(field.name)' can not be sorted in a query call")
        }
        var isAscending = true
        if current.keyword == "ASC" {
            _ = advance()
        } else if current.keyword == "DESC" {
            _ = advance()
            isAscending = false
        }
        // Salesforce puts nulls first in ascending order and last in descending order by default.
        var isNullsFirst = isAscending
        if current.keyword == "NULLS" {
            _ = advance()
            let placement = advance()
            switch placement.keyword {
            case "FIRST": isNullsFirst = true
            case "LAST": isNullsFirst = false
            default: throw unexpected(placement)
            }
        }
        return SOQLQuery.Ordering(field: field, isAscending: isAscending, isNullsFirst: isNullsFirst)
    }

    // MARK: - Conditions

    private mutating func parseOr(_ object: ObjectSchema) throws(SOQLError) -> SOQLCondition {
        var condition = try parseAnd(object)
        while current.keyword == "OR" {
            _ = advance()
            condition = .or(condition, try parseAnd(object))
        }
        return condition
    }

    private mutating func parseAnd(_ object: ObjectSchema) throws(SOQLError) -> SOQLCondition {
        var condition = try parseUnary(object)
        while current.keyword == "AND" {
            _ = advance()
            condition = .and(condition, try parseUnary(object))
        }
        return condition
    }

    private mutating func parseUnary(_ object: ObjectSchema) throws(SOQLError) -> SOQLCondition {
        if current.keyword == "NOT" {
            _ = advance()
            return .not(try parseUnary(object))
        }
        if current.kind == .symbol("(") {
            _ = advance()
            let condition = try parseOr(object)
            try expectSymbol(")")
            return condition
        }
        return try parseComparison(object)
    }

    private mutating func parseComparison(_ object: ObjectSchema) throws(SOQLError) -> SOQLCondition {
        let fieldToken = advance()
        let field = try resolveField(fieldToken, in: object)
        // Long text areas cannot be filtered, and describe reports them with `filterable: false`.
        guard field.type != .textarea else {
            throw SOQLError(.invalidField, column: fieldToken.column, "field '\(field.name)' can not be filtered in a query call")
        }
        let operatorToken = advance()
        switch operatorToken.kind {
        case .symbol(let symbol):
            guard let comparison = SOQLCondition.Operator(rawValue: symbol) else { throw unexpected(operatorToken) }
            let literal = try parseLiteral(for: field)
            return .comparison(field, comparison, literal)
        case .word:
            switch operatorToken.keyword {
            case "IN":
                return .membership(field, try parseList(for: field), isNegated: false)
            case "NOT":
                try expectKeyword("IN")
                return .membership(field, try parseList(for: field), isNegated: true)
            case "LIKE":
                let patternToken = advance()
                guard case .string(let pattern) = patternToken.kind else { throw unexpected(patternToken) }
                return .like(field, pattern: pattern)
            default:
                throw unexpected(operatorToken)
            }
        default:
            throw unexpected(operatorToken)
        }
    }

    private mutating func parseList(for field: FieldSchema) throws(SOQLError) -> [SOQLLiteral] {
        try expectSymbol("(")
        var values: [SOQLLiteral] = []
        repeat {
            values.append(try parseLiteral(for: field))
        } while try consumeComma()
        try expectSymbol(")")
        return values
    }

    /// Reads a literal and checks it against the field's type, as Salesforce does before running a query.
    private mutating func parseLiteral(for field: FieldSchema) throws(SOQLError) -> SOQLLiteral {
        let token = advance()
        switch (token.kind, field.type) {
        case (.word(let word), _) where word.uppercased() == "NULL":
            return .null
        case (.word(let word), .boolean) where ["TRUE", "FALSE"].contains(word.uppercased()):
            return .bool(word.uppercased() == "TRUE")
        case (.literal(let text), .datetime):
            guard let milliseconds = SalesforceDateTime.parseLiteral(text) else {
                throw SOQLError(.malformedQuery, column: token.column, "line 1:\(token.column - 1) no viable alternative at character '\(text.first.map(String.init) ?? "")'")
            }
            return .dateTime(milliseconds)
        case (.string, .datetime):
            throw SOQLError(
                .invalidField, column: token.column,
                "value of filter criterion for field '\(field.name)' must be of type dateTime and should not be enclosed in quotes"
            )
        case (.string(let text), .id), (.string(let text), .reference):
            guard text.isEmpty || SalesforceID(text) != nil else {
                throw SOQLError(.invalidField, column: token.column, "invalid ID field: \(text)")
            }
            return .string(text)
        case (.string(let text), .boolean):
            throw SOQLError(
                .invalidField, column: token.column,
                "value of filter criterion for field '\(field.name)' must be of type boolean and should not be enclosed in quotes: '\(text)'"
            )
        case (.string(let text), _):
            return .string(text)
        case (.literal(let text), _):
            guard let number = Double(text) else { throw unexpected(token) }
            return .number(number)
        default:
            throw unexpected(token)
        }
    }
}
