extension SalesforceClient {
    /// Ids per sObject Collections GET. Salesforce allows about 800 before the URL gets too
    /// long (HTTP 414); 200 keeps URLs near 4 KB even with a long field list.
    public static let maxIdsPerRetrieve = 200

    /// Fetches records of one sObject type by Id with sObject Collections
    /// (`GET /composite/sobjects/<sObject>?ids=…&fields=…`).
    ///
    /// Lists longer than `maxIdsPerRetrieve` are split into consecutive requests. The result
    /// has one element per id, in the same order, with `nil` where Salesforce returned no
    /// record (deleted, no access, or an id of another type).
    /// - Throws: `.invalidArgument` for a name or id with characters Salesforce never uses.
    public func retrieve(sObject: String, ids: [String], fields: [String]) async throws -> [SalesforceRecord?] {
        try Self.validateName(sObject, what: "sObject name", allowDots: false)
        guard !fields.isEmpty else {
            throw SalesforceError(kind: .invalidArgument, detail: "retrieve of \(sObject) needs at least one field")
        }
        for field in fields {
            try Self.validateName(field, what: "field name", allowDots: true)
        }
        for id in ids where !Self.isRecordID(id) {
            throw SalesforceError(kind: .invalidArgument, detail: "\"\(id)\" is not a 15- or 18-character Salesforce record id")
        }

        let fieldList = fields.map(PercentEncoding.queryValue).joined(separator: ",")
        var results: [SalesforceRecord?] = []
        results.reserveCapacity(ids.count)
        var start = 0
        while start < ids.count {
            let batch = ids[start..<min(start + Self.maxIdsPerRetrieve, ids.count)]
            let request = APIRequest(
                method: "GET",
                path: "\(dataPath)/composite/sobjects/\(sObject)",
                query: "ids=\(batch.joined(separator: ","))&fields=\(fieldList)"
            )
            let json = try await performJSON(request)
            guard let elements = json.arrayValue, elements.count == batch.count else {
                throw SalesforceError(
                    kind: .invalidResponse, httpStatus: 200, request: request.display,
                    detail: "expected an array of \(batch.count) records"
                )
            }
            for element in elements {
                if element == .null {
                    results.append(nil)
                } else if let record = SalesforceRecord(json: element) {
                    results.append(record)
                } else {
                    throw SalesforceError(
                        kind: .invalidResponse, httpStatus: 200, request: request.display, detail: "a record lacks attributes"
                    )
                }
            }
            start += batch.count
        }
        return results
    }

    /// Salesforce record ids are 15 (case-sensitive) or 18 (case-insensitive) ASCII letters and digits.
    static func isRecordID(_ id: String) -> Bool {
        (id.utf8.count == 15 || id.utf8.count == 18) && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
    }

    /// Accepts API names (`EmailMessage`, `Custom__c`, `ns__Field__c`) and, with `allowDots`, relationship paths (`Owner.Name`).
    static func validateName(_ name: String, what: String, allowDots: Bool) throws {
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !name.isEmpty && (allowDots || segments.count == 1) && segments.allSatisfy { segment in
            guard let first = segment.utf8.first,
                  (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
            else { return false }
            return segment.utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_")
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            }
        }
        guard valid else {
            throw SalesforceError(kind: .invalidArgument, detail: "\"\(name)\" is not a valid Salesforce \(what)")
        }
    }
}
