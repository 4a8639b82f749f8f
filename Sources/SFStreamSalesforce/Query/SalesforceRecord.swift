/// One sObject record from a query page or an sObject Collections response.
public struct SalesforceRecord: Sendable, Hashable {
    /// The sObject type from `attributes.type`, such as `EmailMessage`.
    public var type: String
    /// The 18-character record Id: the `Id` field, or else the last segment of `attributes.url`.
    public var id: String
    /// `attributes.url`, the record's REST path (`/services/data/v62.0/sobjects/Case/500…`).
    public var url: String
    /// Every field except `attributes`; relationship fields hold nested objects.
    public var fields: [String: JSONValue]

    public init(type: String, id: String, url: String, fields: [String: JSONValue]) {
        self.type = type
        self.id = id
        self.url = url
        self.fields = fields
    }

    /// Returns the string value of a field, following dotted relationship paths (`Owner.Name`).
    ///
    /// Returns `nil` for a missing field, a `null` and any value that is not a string.
    public func string(_ name: String) -> String? {
        value(name)?.stringValue
    }

    /// Returns the value of a field, following dotted relationship paths (`Parent.Subject`).
    public func value(_ name: String) -> JSONValue? {
        if let direct = fields[name] { return direct }
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count > 1, var current = fields[parts[0]] else { return nil }
        for part in parts.dropFirst() {
            guard let next = current[part] else { return nil }
            current = next
        }
        return current
    }

    /// Reads a record object; returns `nil` when it has no `attributes`.
    init?(json: JSONValue) {
        guard var members = json.objectValue,
              let attributes = members.removeValue(forKey: "attributes")
        else { return nil }
        let type = attributes["type"]?.stringValue ?? ""
        let url = attributes["url"]?.stringValue ?? ""
        let id = members["Id"]?.stringValue
            ?? url.split(separator: "/").last.map(String.init)
            ?? ""
        self.init(type: type, id: id, url: url, fields: members)
    }
}
