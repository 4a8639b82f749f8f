/// Turns the user's category names into ``SObjectCategory`` descriptions before any record
/// flows, so that an unknown name stops the run with one message.
enum CategoryResolver {
    static func resolve(_ names: [String], client: SalesforceClient, authenticate: Bool) async throws -> [SObjectCategory] {
        if authenticate {
            try await client.authenticate()
        }
        var categories: [SObjectCategory] = []
        var unknown: [String] = []
        for name in names {
            if let category = SObjectCategory.standard(named: name) {
                categories.append(category)
            } else {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty {
            // TODO: describe other sObjects and choose their text fields.
            throw UsageError(
                "unknown categor\(unknown.count == 1 ? "y" : "ies") \(unknown.map { "'\($0)'" }.joined(separator: ", ")): "
                    + "use one or more of \(SObjectCategory.defaultNames.joined(separator: ", "))"
            )
        }
        return categories
    }
}
