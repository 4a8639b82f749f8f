import Foundation

/// Builds the signed JWT of Salesforce's OAuth 2.0 JWT bearer flow (RFC 7523).
///
/// Header `{"alg":"RS256"}`; claims `iss` (consumer key), `sub` (username), `aud` (login
/// audience) and `exp`. Salesforce rejects an `exp` more than 3 minutes ahead, so the
/// assertion is valid for exactly `validity` seconds from `now`.
enum JWTBearerAssertion {
    static let validity: TimeInterval = 180

    static func make(for credentials: SalesforceCredentials, now: Date = Date()) throws(SalesforceError) -> String {
        let expiry = Int64(now.timeIntervalSince1970 + validity)
        let header = #"{"alg":"RS256"}"#
        let claims = "{\"iss\":\(JSONWriter.quoted(credentials.consumerKey)),"
            + "\"sub\":\(JSONWriter.quoted(credentials.username)),"
            + "\"aud\":\(JSONWriter.quoted(credentials.audience)),"
            + "\"exp\":\(expiry)}"
        let signingInput = base64URL(Array(header.utf8)) + "." + base64URL(Array(claims.utf8))
        guard let signature = KeyDecoder.signRS256(Array(signingInput.utf8), with: credentials.privateKey) else {
            throw SalesforceError(kind: .authenticationFailed, detail: "OpenSSL could not sign the JWT assertion with the private key")
        }
        return signingInput + "." + base64URL(signature)
    }

    /// Base64url without padding (RFC 7515 section 2).
    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingAll("+", with: "-").replacingAll("/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
