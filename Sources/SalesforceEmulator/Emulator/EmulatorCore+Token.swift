import Foundation

extension EmulatorCore {
    static let jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    /// `POST /services/oauth2/token` with the JWT bearer grant (RFC 7523).
    func tokenResponse(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "POST" else {
            return SalesforceResponses.oauthError(status: 400, error: "invalid_request", description: "must use HTTP POST")
        }
        let form = request.formItems()
        let grantType = form.first { $0.name == "grant_type" }?.value
        guard grantType == Self.jwtBearerGrantType else {
            return SalesforceResponses.oauthError(error: "unsupported_grant_type", description: "grant type not supported")
        }
        guard let assertion = form.first(where: { $0.name == "assertion" })?.value, !assertion.isEmpty else {
            return SalesforceResponses.oauthError(error: "invalid_grant", description: "invalid assertion")
        }
        let now = SalesforceDateTime.nowMilliseconds()
        do {
            _ = try verifier.verify(assertion, nowSeconds: now / 1000)
        } catch {
            return SalesforceResponses.oauthError(error: error.error, description: error.description)
        }

        let token = Self.makeAccessToken(organizationID: organizationID, marker: configuration.accessTokenMarker ?? "")
        state.withLock { $0.sessions[token] = now }
        var writer = JSONWriter()
        writer.object { object in
            object.string("access_token", token)
            object.string("scope", "api")
            object.string("instance_url", loginURL.absoluteString)
            object.string("id", "\(loginURL.absoluteString)/id/\(organizationID)/\(userID)")
            object.string("token_type", "Bearer")
            object.string("issued_at", String(now))
        }
        var response = HTTPResponse.json(status: 200, writer.text)
        response.headers["Cache-Control"] = "no-cache,must-revalidate,max-age=0,no-store,private"
        return response
    }

    /// Makes a session id shaped like Salesforce's: the 15-character org Id, `!`, and 96 random characters.
    private static func makeAccessToken(organizationID: String, marker: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".utf8)
        let secret = (0..<96).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        return String(organizationID.prefix(15)) + "!" + marker + String(decoding: secret, as: UTF8.self)
    }
}
