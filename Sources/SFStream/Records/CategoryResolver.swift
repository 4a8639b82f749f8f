import Foundation

/// Turns category names (and field overrides) into ``SObjectCategory`` values with the org's
/// describe results, before any record flows, so that every unknown name is reported at once.
public enum CategoryResolver {
    /// Resolves `names` in order. `fieldOverrides` maps a category name to the exact fields to
    /// read. Throws ``CategoryResolutionError`` listing every unknown sObject and field.
    public static func resolve(
        _ names: [String], fieldOverrides: [String: [String]] = [:], client: SalesforceClient
    ) async throws -> [SObjectCategory] {
        var categories: [SObjectCategory] = []
        var problems: [String] = []
        for name in names {
            let description: SObjectDescription
            do {
                description = try await client.describe(sObject: name)
            } catch let error as SalesforceError where error.httpStatus == 404 || error.errorCode == "NOT_FOUND" || error.errorCode == "INVALID_TYPE" {
                problems.append("unknown category '\(name)': no sObject of that name is visible to this user (check the API name; custom objects end in __c)")
                continue
            }
            guard description.isQueryable else {
                problems.append("category '\(name)' cannot be queried (describe reports queryable: false)")
                continue
            }
            var category = SObjectCategory.standard(named: description.name)?.restricted(to: description)
                ?? SObjectCategory(description: description)
            if let override = fieldOverrides.first(where: { $0.key.lowercased() == name.lowercased() })?.value {
                let unknown = override.filter { description.field(named: $0) == nil }
                if !unknown.isEmpty {
                    problems.append(
                        "unknown field\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) on \(description.name): "
                            + "check the API names with describe (custom fields end in __c)"
                    )
                    continue
                }
                category = category.overriding(fields: override, description: description)
            }
            categories.append(category)
        }
        let unmatched = fieldOverrides.keys.filter { key in !names.contains { $0.lowercased() == key.lowercased() } }
        for key in unmatched.sorted() {
            problems.append("--fields names category '\(key)', which is not in --categories")
        }
        if !problems.isEmpty {
            throw CategoryResolutionError(problems: problems)
        }
        return categories
    }

    /// Parses `--fields` text: `Category:Field1,Field2`, several groups separated by `;`.
    public static func parseFieldOverrides(_ text: String) -> [String: [String]]? {
        var overrides: [String: [String]] = [:]
        for group in text.split(separator: ";") {
            let parts = group.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let category = parts[0].trimmingCharacters(in: .whitespaces)
            let fields = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !category.isEmpty, !fields.isEmpty else { return nil }
            overrides[category, default: []] += fields
        }
        return overrides.isEmpty ? nil : overrides
    }
}

/// Every category and field name that could not be resolved, in one message.
public struct CategoryResolutionError: Error, CustomStringConvertible {
    public var problems: [String]

    public var description: String { problems.joined(separator: "; ") }
}
