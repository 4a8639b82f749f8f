import Foundation

/// A rejected record change, with the REST error Salesforce sends for it.
public enum RecordChangeError: Error, Equatable, CustomStringConvertible {
    case unknownObject(String)
    case unknownField(object: String, field: String)
    case readOnlyField(String)
    case invalidValue(field: String, value: String)
    case notFound(String)
    case deleted(String)

    public var description: String {
        switch self {
        case .unknownObject(let name): "sObject type '\(name)' is not supported."
        case .unknownField(let object, let field): "No such column '\(field)' on sobject of type \(object)"
        case .readOnlyField(let field):
            "Unable to create/update fields: \(field). Please check the security settings of this field and verify that it is read/write for your profile or permission set."
        case .invalidValue(let field, let value): "\(field): value not of required type: \(value)"
        case .notFound(let id): "The requested resource does not exist: \(id)"
        case .deleted(let id): "entity is deleted: \(id)"
        }
    }

    var response: HTTPResponse {
        switch self {
        case .unknownObject: SalesforceResponses.notFound
        case .unknownField: SalesforceResponses.error(status: 400, code: "INVALID_FIELD", message: description)
        case .readOnlyField: SalesforceResponses.error(status: 400, code: "INVALID_FIELD_FOR_INSERT_UPDATE", message: description)
        case .invalidValue: SalesforceResponses.error(status: 400, code: "JSON_PARSER_ERROR", message: description)
        case .notFound: SalesforceResponses.notFound
        case .deleted: SalesforceResponses.error(status: 404, code: "ENTITY_IS_DELETED", message: "entity is deleted")
        }
    }
}

/// Checks and converts field values given to an insert or update.
enum RecordEditing {
    /// Fields that only Salesforce sets.
    static let systemFields: Set<String> = ["Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"]

    static func object(named name: String) throws(RecordChangeError) -> ObjectSchema {
        guard let object = OrgSchema.object(named: name) else { throw .unknownObject(name) }
        return object
    }

    /// Resolves field names and converts values to each field's type. A dateTime accepts a
    /// `.dateTime` or a string in SOQL or REST format; a boolean accepts `.bool` or "true"/"false".
    static func canonicalFields(_ fields: [String: FieldValue], of object: ObjectSchema) throws(RecordChangeError) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        for (name, value) in fields {
            guard let field = object.field(named: name) else { throw .unknownField(object: object.name, field: name) }
            guard !systemFields.contains(field.name) else { throw .readOnlyField(field.name) }
            result[field.name] = try convert(value, for: field)
        }
        return result
    }

    private static func convert(_ value: FieldValue, for field: FieldSchema) throws(RecordChangeError) -> FieldValue {
        switch (field.type, value) {
        case (_, .null):
            return .null
        case (.datetime, .dateTime):
            return value
        case (.datetime, .string(let text)):
            guard let milliseconds = SalesforceDateTime.parseLiteral(text) else {
                throw .invalidValue(field: field.name, value: text)
            }
            return .dateTime(milliseconds)
        case (.boolean, .bool):
            return value
        case (.boolean, .string(let text)) where ["true", "false"].contains(text.lowercased()):
            return .bool(text.lowercased() == "true")
        case (.boolean, _), (.datetime, _):
            throw .invalidValue(field: field.name, value: "\(value)")
        case (_, .string):
            return value
        case (_, .integer(let number)):
            return .string(String(number))
        case (_, .bool(let flag)):
            return .string(flag ? "true" : "false")
        case (_, .dateTime(let milliseconds)):
            return .string(SalesforceDateTime.format(milliseconds: milliseconds))
        }
    }

    /// Converts a JSON request body (`{"Field": value, ...}`) to field values, reading JSON
    /// booleans by the field's type because Foundation's JSON numbers and booleans share one class.
    static func fields(fromJSON body: [UInt8], of schema: ObjectSchema) throws(RecordChangeError) -> [String: FieldValue] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw .invalidValue(field: "body", value: String(decoding: body.prefix(100), as: UTF8.self))
        }
        var fields: [String: FieldValue] = [:]
        for (name, value) in object where name != "attributes" {
            let isBoolean = schema.field(named: name)?.type == .boolean
            switch value {
            case is NSNull: fields[name] = .null
            case let text as String: fields[name] = .string(text)
            case let number as NSNumber where isBoolean: fields[name] = .bool(number.boolValue)
            case let number as NSNumber: fields[name] = .string(number.stringValue)
            default: fields[name] = .string("\(value)")
            }
        }
        return fields
    }
}
