/// The org's records: the generated ones, plus the inserts, updates and deletes made while the
/// emulator runs. A value type, so a query can take a snapshot cheaply (copy on write) and
/// evaluate it without holding the emulator's lock.
struct RecordStore: Sendable {
    /// Changes to one record. Inserted records keep all their values here.
    struct Changes: Sendable {
        var fields: [String: FieldValue] = [:]
        var isDeleted = false
    }

    let generator: RecordGenerator
    private var insertedCounts: [String: Int] = [:]
    private var changes: [String: [Int: Changes]] = [:]

    init(generator: RecordGenerator) {
        self.generator = generator
    }

    /// Records of `object` ever created, deleted ones included.
    func count(of object: ObjectSchema) -> Int {
        generator.counts[object.name, default: 0] + insertedCounts[object.name, default: 0]
    }

    func liveCount(of object: ObjectSchema) -> Int {
        count(of: object) - (changes[object.name]?.values.filter(\.isDeleted).count ?? 0)
    }

    func isDeleted(_ object: ObjectSchema, index: Int) -> Bool {
        changes[object.name]?[index]?.isDeleted ?? false
    }

    /// Returns the record index of `idText` in `object`, or `nil` when no such record was ever created.
    func index(of idText: String, in object: ObjectSchema) -> Int? {
        guard let id = SalesforceID(idText), let index = generator.index(of: id, in: object),
              index < count(of: object) else { return nil }
        return index
    }

    func value(of field: FieldSchema, in object: ObjectSchema, index: Int) -> FieldValue {
        switch field.name {
        case "Id": return .string(generator.id(of: object, index: index).value18)
        case "IsDeleted": return .bool(isDeleted(object, index: index))
        default: break
        }
        if let changed = changes[object.name]?[index]?.fields[field.name] {
            return changed
        }
        if index >= generator.counts[object.name, default: 0] {
            return .null
        }
        return generator.value(of: field.name, in: object, index: index)
    }

    // MARK: - Changes

    /// Creates a record with `fields` (canonical names) and returns its index.
    mutating func insert(_ object: ObjectSchema, fields: [String: FieldValue], now: Int64) -> Int {
        let index = count(of: object)
        insertedCounts[object.name, default: 0] += 1
        var record = Changes(fields: fields)
        record.fields["CreatedDate"] = .dateTime(now)
        record.fields["LastModifiedDate"] = .dateTime(now)
        record.fields["SystemModstamp"] = .dateTime(now)
        changes[object.name, default: [:]][index] = record
        return index
    }

    /// Sets `fields` on a live record and moves its `LastModifiedDate` and `SystemModstamp` to `now`.
    mutating func update(_ object: ObjectSchema, index: Int, fields: [String: FieldValue], now: Int64) {
        var record = changes[object.name]?[index] ?? Changes()
        for (name, value) in fields {
            record.fields[name] = value
        }
        let stamp = laterStamp(object, index: index, now: now)
        record.fields["LastModifiedDate"] = .dateTime(stamp)
        record.fields["SystemModstamp"] = .dateTime(stamp)
        changes[object.name, default: [:]][index] = record
    }

    /// Marks a record deleted, as the Recycle Bin does. `queryAll` still returns it with `IsDeleted`
    /// true and a new `SystemModstamp`, while `query` and retrieval no longer see it.
    mutating func delete(_ object: ObjectSchema, index: Int, now: Int64) {
        var record = changes[object.name]?[index] ?? Changes()
        record.isDeleted = true
        record.fields["SystemModstamp"] = .dateTime(laterStamp(object, index: index, now: now))
        changes[object.name, default: [:]][index] = record
    }

    /// `now`, or one millisecond after the record's current stamp when the clock has not moved past it,
    /// so that every change is visible to a `SystemModstamp >` query.
    private func laterStamp(_ object: ObjectSchema, index: Int, now: Int64) -> Int64 {
        let stamp = OrgSchema.object(named: object.name)?.field(named: "SystemModstamp")
        let current = stamp.flatMap { value(of: $0, in: object, index: index).dateMilliseconds } ?? 0
        return max(now, current + 1)
    }
}
