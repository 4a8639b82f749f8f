import Foundation

extension EmulatorCore {
    // MARK: - Describe

    /// `GET /sobjects`: the global describe, listing every object.
    func globalDescribeResponse(version: String) -> HTTPResponse {
        var writer = JSONWriter()
        writer.object { root in
            root.string("encoding", "UTF-8")
            root.raw("maxBatchSize", "200")
            var list = JSONWriter()
            list.raw("[")
            for (position, object) in OrgSchema.all.enumerated() {
                if position > 0 { list.raw(",") }
                list.object { entry in
                    entry.string("name", object.name)
                    entry.string("label", object.label)
                    entry.string("labelPlural", object.labelPlural)
                    entry.string("keyPrefix", object.keyPrefix)
                    entry.raw("custom", object.isCustom ? "true" : "false")
                    entry.raw("queryable", "true")
                    entry.raw("retrieveable", "true")
                    entry.raw("urls", objectURLs(object, version: version))
                }
            }
            list.raw("]")
            root.raw("sobjects", list.text)
        }
        return .json(status: 200, writer.text)
    }

    /// `GET /sobjects/<Object>/describe`.
    func describeResponse(objectName: String, version: String) -> HTTPResponse {
        guard let object = OrgSchema.object(named: objectName) else { return SalesforceResponses.notFound }
        var writer = JSONWriter(capacity: 8192)
        writer.object { root in
            root.string("name", object.name)
            root.string("label", object.label)
            root.string("labelPlural", object.labelPlural)
            root.string("keyPrefix", object.keyPrefix)
            root.raw("custom", object.isCustom ? "true" : "false")
            for capability in ["createable", "deletable", "queryable", "retrieveable", "updateable"] {
                root.raw(capability, "true")
            }
            var fields = JSONWriter(capacity: 4096)
            fields.raw("[")
            for (position, field) in object.fields.enumerated() {
                if position > 0 { fields.raw(",") }
                writeFieldDescription(&fields, field, isNameField: field.name == object.nameFieldName)
            }
            fields.raw("]")
            root.raw("fields", fields.text)
            root.raw("urls", objectURLs(object, version: version))
        }
        return .json(status: 200, writer.text)
    }

    private func writeFieldDescription(_ writer: inout JSONWriter, _ field: FieldSchema, isNameField: Bool) {
        let isSystem = RecordEditing.systemFields.contains(field.name)
        writer.object { entry in
            entry.string("name", field.name)
            entry.string("label", field.label)
            entry.string("type", field.type.rawValue)
            entry.raw("length", String(field.length))
            entry.raw("nillable", field.isNillable ? "true" : "false")
            entry.raw("nameField", isNameField ? "true" : "false")
            entry.raw("custom", field.isCustom ? "true" : "false")
            entry.raw("createable", isSystem ? "false" : "true")
            entry.raw("updateable", isSystem ? "false" : "true")
            entry.raw("filterable", field.type == .textarea ? "false" : "true")
            entry.raw("sortable", field.type == .textarea ? "false" : "true")
            entry.raw("htmlFormatted", field.isHTMLFormatted ? "true" : "false")
            entry.raw("extraTypeInfo", field.extraTypeInfo.map { "\"\($0)\"" } ?? "null")
            entry.raw("referenceTo", "[" + field.referenceTo.map { "\"\($0)\"" }.joined(separator: ",") + "]")
            entry.raw("relationshipName", field.relationshipName.map { "\"\($0)\"" } ?? "null")
            entry.string("soapType", field.soapType)
            var picklist = JSONWriter()
            picklist.raw("[")
            for (position, value) in field.picklistValues.enumerated() {
                if position > 0 { picklist.raw(",") }
                picklist.object { item in
                    item.raw("active", "true")
                    item.raw("defaultValue", "false")
                    item.string("label", value)
                    item.raw("validFor", "null")
                    item.string("value", value)
                }
            }
            picklist.raw("]")
            entry.raw("picklistValues", picklist.text)
        }
    }

    private func objectURLs(_ object: ObjectSchema, version: String) -> String {
        var writer = JSONWriter()
        writer.object { urls in
            urls.string("sobject", "/services/data/v\(version)/sobjects/\(object.name)")
            urls.string("describe", "/services/data/v\(version)/sobjects/\(object.name)/describe")
            urls.string("rowTemplate", "/services/data/v\(version)/sobjects/\(object.name)/{ID}")
        }
        return writer.text
    }

    // MARK: - sObject Collections

    /// `GET /composite/sobjects/<Object>?ids=...&fields=...`, or `POST` with `{"ids":[...],"fields":[...]}`:
    /// the records in the order of `ids`, with `null` for an Id that names no live record.
    func collectionsResponse(_ request: HTTPRequest, objectName: String, version: String) -> HTTPResponse {
        guard let object = OrgSchema.object(named: objectName) else { return SalesforceResponses.notFound }
        var ids: [String] = []
        var fieldNames: [String] = []
        switch request.method {
        case "GET":
            ids = Self.commaSeparated(request.queryValue("ids"))
            fieldNames = Self.commaSeparated(request.queryValue("fields"))
        case "POST":
            guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
                return SalesforceResponses.error(status: 400, code: "JSON_PARSER_ERROR", message: "The request body is not a JSON object.")
            }
            ids = body["ids"] as? [String] ?? []
            fieldNames = body["fields"] as? [String] ?? []
        default:
            return SalesforceResponses.methodNotAllowed(request.method, allowed: "GET,POST")
        }
        guard !ids.isEmpty else {
            return SalesforceResponses.error(status: 400, code: "MISSING_ARGUMENT", message: "ids: required parameter missing")
        }
        guard !fieldNames.isEmpty else {
            return SalesforceResponses.error(status: 400, code: "MISSING_ARGUMENT", message: "fields: required parameter missing")
        }
        guard ids.count <= configuration.maximumCollectionIds else {
            return SalesforceResponses.error(
                status: 400, code: "LIMIT_EXCEEDED",
                message: "\(ids.count) Ids were requested; one request may retrieve at most \(configuration.maximumCollectionIds)."
            )
        }
        var fields: [FieldSchema] = []
        for name in fieldNames {
            guard let field = object.field(named: name) else {
                return SalesforceResponses.error(
                    status: 400, code: "INVALID_FIELD",
                    message: "No such column '\(name)' on entity '\(object.name)'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
                )
            }
            fields.append(field)
        }

        let store = state.withLock { $0.store }
        var writer = JSONWriter(capacity: ids.count * 1024)
        writer.raw("[")
        for (position, idText) in ids.enumerated() {
            if position > 0 { writer.raw(",") }
            if let index = store.index(of: idText, in: object), !store.isDeleted(object, index: index) {
                RecordJSON.write(&writer, store: store, object: object, index: index, fields: fields, version: version)
            } else {
                writer.raw("null")
            }
        }
        writer.raw("]")
        return .json(status: 200, writer.text)
    }

    private static func commaSeparated(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
    }

    // MARK: - Single records

    /// `GET`, `PATCH` or `DELETE /sobjects/<Object>/<Id>`.
    func recordResponse(_ request: HTTPRequest, objectName: String, idText: String, version: String, now: Int64) -> HTTPResponse {
        do throws(RecordChangeError) {
            let object = try RecordEditing.object(named: objectName)
            switch request.method {
            case "GET":
                let store = state.withLock { $0.store }
                guard let index = store.index(of: idText, in: object) else { throw .notFound(idText) }
                guard !store.isDeleted(object, index: index) else { throw .deleted(idText) }
                var fields = object.fields
                if let names = request.queryValue("fields") {
                    fields = try Self.commaSeparated(names).map { name throws(RecordChangeError) in
                        guard let field = object.field(named: name) else { throw .unknownField(object: object.name, field: name) }
                        return field
                    }
                }
                var writer = JSONWriter()
                RecordJSON.write(&writer, store: store, object: object, index: index, fields: fields, version: version)
                return .json(status: 200, writer.text)
            case "PATCH":
                let fields = try RecordEditing.fields(fromJSON: request.body, of: object)
                try update(object, idText: idText, fields: fields, now: now)
                return HTTPResponse(status: 204)
            case "DELETE":
                try delete(object, idText: idText, now: now)
                return HTTPResponse(status: 204)
            default:
                return SalesforceResponses.methodNotAllowed(request.method, allowed: "GET,HEAD,PATCH,DELETE")
            }
        } catch {
            return error.response
        }
    }

    /// `POST /sobjects/<Object>`: creates a record and returns `{"id","success","errors"}` with 201.
    func insertResponse(_ request: HTTPRequest, objectName: String, now: Int64) -> HTTPResponse {
        guard request.method == "POST" else {
            return SalesforceResponses.methodNotAllowed(request.method, allowed: "GET,HEAD,POST")
        }
        do throws(RecordChangeError) {
            let object = try RecordEditing.object(named: objectName)
            let id = try insert(object, fields: try RecordEditing.fields(fromJSON: request.body, of: object), now: now)
            return .json(status: 201, "{\"id\":\"\(id)\",\"success\":true,\"errors\":[]}")
        } catch {
            return error.response
        }
    }

    // MARK: - Changes shared with the Swift API

    func insert(_ object: ObjectSchema, fields: [String: FieldValue], now: Int64) throws(RecordChangeError) -> String {
        let values = try RecordEditing.canonicalFields(fields, of: object)
        return state.withLock { state in
            let index = state.store.insert(object, fields: values, now: now)
            return state.store.generator.id(of: object, index: index).value18
        }
    }

    func update(_ object: ObjectSchema, idText: String, fields: [String: FieldValue], now: Int64) throws(RecordChangeError) {
        let values = try RecordEditing.canonicalFields(fields, of: object)
        try state.withLock { state throws(RecordChangeError) in
            guard let index = state.store.index(of: idText, in: object) else { throw .notFound(idText) }
            guard !state.store.isDeleted(object, index: index) else { throw .deleted(idText) }
            state.store.update(object, index: index, fields: values, now: now)
        }
    }

    func delete(_ object: ObjectSchema, idText: String, now: Int64) throws(RecordChangeError) {
        try state.withLock { state throws(RecordChangeError) in
            guard let index = state.store.index(of: idText, in: object) else { throw .notFound(idText) }
            guard !state.store.isDeleted(object, index: index) else { throw .deleted(idText) }
            state.store.delete(object, index: index, now: now)
        }
    }
}
