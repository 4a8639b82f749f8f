import Foundation

/// The inputs of the JWT bearer flow: the user, the connected app, the signing key and the login host.
public struct SalesforceCredentials: Sendable {
    /// The Salesforce username the token is issued for (the JWT `sub` claim).
    public let username: String
    /// The connected app's consumer key (the JWT `iss` claim).
    public let consumerKey: String
    public let privateKey: PrivateKey
    /// The login host (`https://login.salesforce.com`, `https://test.salesforce.com` or a My Domain URL);
    /// the token request goes to `<loginURL>/services/oauth2/token`.
    public let loginURL: URL
    /// The JWT `aud` claim.
    public let audience: String

    /// Checks the values and picks the audience.
    ///
    /// The audience defaults to `https://test.salesforce.com` for sandbox hosts
    /// (`test.salesforce.com`, `*.sandbox.my.salesforce.com`) and to
    /// `https://login.salesforce.com` for every other host, as Salesforce's JWT bearer flow expects.
    /// A `http` login URL is rejected unless its host is a loopback address.
    public init(
        username: String,
        consumerKey: String,
        privateKey: PrivateKey,
        loginURL: URL,
        audience: String? = nil
    ) throws(CredentialError) {
        let username = username.trimmingSpaces()
        let consumerKey = consumerKey.trimmingSpaces()
        guard !username.isEmpty else {
            throw CredentialError(setting: "username", problem: .invalidValue("the Salesforce username is empty"))
        }
        guard !consumerKey.isEmpty else {
            throw CredentialError(setting: "consumer key", problem: .invalidValue("the connected app's consumer key is empty"))
        }
        try Self.validateLoginURL(loginURL)

        self.username = username
        self.consumerKey = consumerKey
        self.privateKey = privateKey
        self.loginURL = loginURL
        if let audience = audience?.trimmingSpaces(), !audience.isEmpty {
            self.audience = audience
        } else {
            self.audience = Self.defaultAudience(for: loginURL)
        }
    }

    static func defaultAudience(for loginURL: URL) -> String {
        let host = (loginURL.host ?? "").lowercased()
        if host == "test.salesforce.com" || host.hasSuffix(".sandbox.my.salesforce.com") {
            return "https://test.salesforce.com"
        }
        return "https://login.salesforce.com"
    }

    private static func validateLoginURL(_ url: URL) throws(CredentialError) {
        let fail = { (detail: String) in
            CredentialError(setting: "login URL", problem: .invalidValue(detail))
        }
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw fail("the login URL \(url.absoluteString) has no scheme or host")
        }
        switch scheme {
        case "https":
            break
        case "http" where LoopbackHost.contains(host):
            break
        case "http":
            throw fail("the login URL \(url.absoluteString) uses http, which would send the signed assertion unencrypted; use https")
        default:
            throw fail("the login URL \(url.absoluteString) has scheme \(scheme); use https")
        }
        guard url.query == nil, url.fragment == nil else {
            throw fail("the login URL \(url.absoluteString) has a query or fragment; give only scheme, host and port")
        }
    }
}

/// Loopback hosts, the only ones allowed over plain http.
enum LoopbackHost {
    static func contains(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
