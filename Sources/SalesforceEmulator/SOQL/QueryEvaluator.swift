/// Runs a parsed query against a snapshot of the records and returns the matching record indices
/// in result order.
struct QueryEvaluator {
    let store: RecordStore

    /// - Parameter includeDeleted: `true` for `queryAll`, which also returns deleted records.
    func matchingIndices(of query: SOQLQuery, includeDeleted: Bool) -> [Int] {
        let object = query.object
        var indices: [Int] = []
        for index in 0..<store.count(of: object) {
            if !includeDeleted, store.isDeleted(object, index: index) { continue }
            if let condition = query.condition, !matches(condition, object: object, index: index) { continue }
            indices.append(index)
        }
        if !query.ordering.isEmpty {
            indices = sorted(indices, by: query.ordering, object: object)
        }
        if let offset = query.offset {
            indices = Array(indices.dropFirst(offset))
        }
        if let limit = query.limit {
            indices = Array(indices.prefix(limit))
        }
        return indices
    }

    private func sorted(_ indices: [Int], by ordering: [SOQLQuery.Ordering], object: ObjectSchema) -> [Int] {
        // Read every sort key once rather than once per comparison.
        let keys: [[FieldValue]] = indices.map { index in
            ordering.map { store.value(of: $0.field, in: object, index: index) }
        }
        let positions = Array(indices.indices).sorted { left, right in
            for (column, order) in ordering.enumerated() {
                let comparison = FieldComparison.compare(keys[left][column], keys[right][column], type: order.field.type)
                switch comparison {
                case .some(let result) where result != 0:
                    return order.isAscending ? result < 0 : result > 0
                case .some:
                    continue
                case .none:
                    let leftIsNull = keys[left][column] == .null
                    let rightIsNull = keys[right][column] == .null
                    if leftIsNull == rightIsNull { continue }
                    return leftIsNull == order.isNullsFirst
                }
            }
            // Ties keep Id order, so that pages are stable from one request to the next.
            return indices[left] < indices[right]
        }
        return positions.map { indices[$0] }
    }

    private func matches(_ condition: SOQLCondition, object: ObjectSchema, index: Int) -> Bool {
        switch condition {
        case .and(let left, let right):
            return matches(left, object: object, index: index) && matches(right, object: object, index: index)
        case .or(let left, let right):
            return matches(left, object: object, index: index) || matches(right, object: object, index: index)
        case .not(let inner):
            return !matches(inner, object: object, index: index)
        case .comparison(let field, let comparison, let literal):
            let value = store.value(of: field, in: object, index: index)
            return FieldComparison.satisfies(value, comparison, literal, type: field.type)
        case .membership(let field, let literals, let isNegated):
            let value = store.value(of: field, in: object, index: index)
            let isMember = literals.contains { FieldComparison.satisfies(value, .equal, $0, type: field.type) }
            return isMember != isNegated
        case .like(let field, let pattern):
            guard case .string(let text) = store.value(of: field, in: object, index: index) else { return false }
            return FieldComparison.like(text, pattern: pattern)
        }
    }
}

/// SOQL's comparison rules: text compares without regard to case, Ids by their 15-character form,
/// and a comparison with null is true only for `= null` and `!= null`.
enum FieldComparison {
    static func satisfies(_ value: FieldValue, _ comparison: SOQLCondition.Operator, _ literal: SOQLLiteral, type: FieldSchema.FieldType) -> Bool {
        if literal == .null {
            switch comparison {
            case .equal: return value == .null
            case .notEqual: return value != .null
            default: return false
            }
        }
        guard let result = compare(value, literal: literal, type: type) else {
            return comparison == .notEqual && value == .null
        }
        switch comparison {
        case .equal: return result == 0
        case .notEqual: return result != 0
        case .less: return result < 0
        case .lessOrEqual: return result <= 0
        case .greater: return result > 0
        case .greaterOrEqual: return result >= 0
        }
    }

    private static func compare(_ value: FieldValue, literal: SOQLLiteral, type: FieldSchema.FieldType) -> Int? {
        switch (value, literal) {
        case (.dateTime(let left), .dateTime(let right)):
            return left == right ? 0 : (left < right ? -1 : 1)
        case (.bool(let left), .bool(let right)):
            return left == right ? 0 : (left ? 1 : -1)
        case (.integer(let left), .number(let right)):
            let number = Double(left)
            return number == right ? 0 : (number < right ? -1 : 1)
        case (.string(let left), .string(let right)):
            return compareText(left, right, type: type)
        default:
            return nil
        }
    }

    /// Compares two field values for ORDER BY; `nil` when either is null.
    static func compare(_ left: FieldValue, _ right: FieldValue, type: FieldSchema.FieldType) -> Int? {
        switch (left, right) {
        case (.dateTime(let a), .dateTime(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.integer(let a), .integer(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.string(let a), .string(let b)): return compareText(a, b, type: type)
        default: return nil
        }
    }

    private static func compareText(_ left: String, _ right: String, type: FieldSchema.FieldType) -> Int {
        if type == .id || type == .reference {
            let a = left.prefix(15), b = right.prefix(15)
            return a == b ? 0 : (a < b ? -1 : 1)
        }
        let a = left.lowercased(), b = right.lowercased()
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// SOQL LIKE: `%` matches any run of characters, `_` exactly one, without regard to case.
    static func like(_ text: String, pattern: String) -> Bool {
        let text = Array(text.lowercased()), pattern = Array(pattern.lowercased())
        var textIndex = 0, patternIndex = 0
        var starPattern = -1, starText = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == "_" || pattern[patternIndex] == text[textIndex] {
                textIndex += 1
                patternIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == "%" {
                starPattern = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if starPattern >= 0 {
                patternIndex = starPattern + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "%" { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
