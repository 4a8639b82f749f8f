/// A parsed SOQL query over one object, with every field name resolved against its schema.
struct SOQLQuery: Sendable {
    struct Ordering: Sendable {
        let field: FieldSchema
        let isAscending: Bool
        let isNullsFirst: Bool
    }

    let object: ObjectSchema
    /// The selected fields, in query order, without duplicates.
    let fields: [FieldSchema]
    let condition: SOQLCondition?
    let ordering: [Ordering]
    let limit: Int?
    let offset: Int?
}

enum SOQLLiteral: Sendable, Equatable {
    case string(String)
    case dateTime(Int64)
    case number(Double)
    case bool(Bool)
    case null
}

indirect enum SOQLCondition: Sendable {
    enum Operator: String, Sendable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    case comparison(FieldSchema, Operator, SOQLLiteral)
    case membership(FieldSchema, [SOQLLiteral], isNegated: Bool)
    case like(FieldSchema, pattern: String)
    case and(SOQLCondition, SOQLCondition)
    case or(SOQLCondition, SOQLCondition)
    case not(SOQLCondition)
}

/// A query that Salesforce would reject, with the `errorCode` and message text it would send.
struct SOQLError: Error, Equatable {
    enum Code: String {
        case malformedQuery = "MALFORMED_QUERY"
        case invalidField = "INVALID_FIELD"
        case invalidType = "INVALID_TYPE"
    }

    let code: Code
    /// The 1-based column of the offending token.
    let column: Int
    let detail: String

    init(_ code: Code, column: Int, _ detail: String) {
        self.code = code
        self.column = column
        self.detail = detail
    }

    /// Formats the message as Salesforce does: the query, a caret under the column, the position, the detail.
    func message(query: String) -> String {
        let caretPadding = String(repeating: " ", count: max(0, column - 1))
        return "\n\(query)\n\(caretPadding)^\nERROR at Row:1:Column:\(column)\n\(detail)"
    }
}
