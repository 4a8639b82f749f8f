import Foundation

/// Checks a JWT bearer assertion (RFC 7523) the way Salesforce's token endpoint does, and returns
/// the OAuth error Salesforce would send for the first check that fails.
struct JWTBearerVerifier: Sendable {
    /// An OAuth 2.0 error response (RFC 6749 §5.2) with Salesforce's wording.
    struct Rejection: Error, Equatable {
        let error: String
        let description: String

        static let invalidAssertion = Rejection(error: "invalid_grant", description: "invalid assertion")
        static let invalidAudience = Rejection(error: "invalid_grant", description: "audience is invalid")
        static let expired = Rejection(error: "invalid_grant", description: "expired authorization code")
        static let unknownClient = Rejection(error: "invalid_client_id", description: "client identifier invalid")
        static let unknownUser = Rejection(error: "invalid_grant", description: "user hasn't approved this consumer")
    }

    let publicKey: CertificatePublicKey
    let consumerKey: String
    let username: String
    let acceptedAudiences: [String]
    /// How far in the future `exp` may lie, in seconds. Salesforce documents three minutes for the
    /// assertion's lifetime; the emulator allows a little more for clock skew.
    let maximumLifetimeSeconds: Int64

    /// Returns the `sub` claim of a valid assertion.
    func verify(_ assertion: String, nowSeconds: Int64) throws(Rejection) -> String {
        let segments = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3,
              let headerBytes = Base64URL.decode(segments[0]),
              let claimBytes = Base64URL.decode(segments[1]),
              let signature = Base64URL.decode(segments[2]),
              let header = try? JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: Any],
              let claims = try? JSONSerialization.jsonObject(with: Data(claimBytes)) as? [String: Any]
        else { throw .invalidAssertion }

        guard header["alg"] as? String == "RS256" else { throw .invalidAssertion }
        let signedPart = Array(assertion.utf8.prefix(segments[0].utf8.count + 1 + segments[1].utf8.count))
        guard publicKey.verifyRS256(message: signedPart, signature: signature) else { throw .invalidAssertion }

        guard claims["iss"] as? String == consumerKey else { throw .unknownClient }
        guard let audience = Self.audiences(in: claims["aud"]),
              audience.contains(where: { acceptedAudiences.contains(Self.trimmingSlash($0)) })
        else { throw .invalidAudience }
        guard let subject = claims["sub"] as? String, subject.lowercased() == username.lowercased() else {
            throw .unknownUser
        }
        guard let expiry = (claims["exp"] as? NSNumber)?.int64Value else { throw .invalidAssertion }
        guard expiry > nowSeconds else { throw .expired }
        guard expiry <= nowSeconds + maximumLifetimeSeconds else { throw .invalidAssertion }
        return subject
    }

    /// `aud` may be one string or an array of strings (RFC 7519 §4.1.3).
    private static func audiences(in value: Any?) -> [String]? {
        if let single = value as? String { return [single] }
        return value as? [String]
    }

    static func trimmingSlash(_ text: String) -> String {
        text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
