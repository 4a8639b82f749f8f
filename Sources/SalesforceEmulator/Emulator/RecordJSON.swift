/// Writes records as the REST API does: an `attributes` object with `type` and `url`, then the
/// requested fields in the requested order.
enum RecordJSON {
    static func write(
        _ writer: inout JSONWriter, store: RecordStore, object: ObjectSchema, index: Int,
        fields: [FieldSchema], version: String
    ) {
        let id = store.generator.id(of: object, index: index).value18
        writer.object { record in
            record.raw("attributes", attributes(object: object, id: id, version: version))
            for field in fields {
                record.field(field.name, store.value(of: field, in: object, index: index))
            }
        }
    }

    static func attributes(object: ObjectSchema, id: String, version: String) -> String {
        var writer = JSONWriter()
        writer.object { attributes in
            attributes.string("type", object.name)
            attributes.string("url", "/services/data/v\(version)/sobjects/\(object.name)/\(id)")
        }
        return writer.text
    }
}
