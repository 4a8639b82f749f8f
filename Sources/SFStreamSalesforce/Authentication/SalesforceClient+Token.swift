import Foundation
import SFStreamLogging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension SalesforceClient {
    /// The grant type of the OAuth 2.0 JWT bearer flow (RFC 7523 section 2.1).
    static let jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    /// Exchanges a freshly signed JWT assertion for an access token at `<login URL>/services/oauth2/token`.
    func requestToken(isRenewal: Bool) async throws -> (AccessToken, URL) {
        statisticsStorage.withLock {
            $0.tokenRequests += 1
            if isRenewal { $0.reauthentications += 1 }
        }
        let tokenURL = try tokenEndpoint()
        let display = "POST \(tokenURL.path)"
        var attempts = 0
        let (response, json) = try await sendWithRetries(display: display, attempts: &attempts) {
            let assertion = try JWTBearerAssertion.make(for: credentials)
            var request = URLRequest(url: tokenURL)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            let form = "grant_type=\(PercentEncoding.queryValue(Self.jwtBearerGrantType))&assertion=\(PercentEncoding.queryValue(assertion))"
            request.httpBody = Data(form.utf8)
            return request
        }
        guard (200..<300).contains(response.status), let json else {
            let error = ErrorBody(body: response.body)
            throw SalesforceError(
                kind: .authenticationFailed, httpStatus: response.status, errorCode: error.code,
                message: error.message, request: display, attempts: attempts,
                detail: "the token endpoint answered HTTP \(response.status)"
            )
        }
        guard let token = json["access_token"]?.stringValue, !token.isEmpty,
              let instanceText = json["instance_url"]?.stringValue
        else {
            throw SalesforceError(
                kind: .invalidResponse, httpStatus: response.status, request: display, attempts: attempts,
                detail: "the token response lacks access_token or instance_url"
            )
        }
        let instanceURL = try validatedInstanceURL(instanceText, request: display)
        logger.info(isRenewal ? "renewed Salesforce access token" : "obtained Salesforce access token", metadata: [
            "instance_host": "\(instanceURL.host ?? "")", "attempts": "\(attempts)",
        ])
        return (AccessToken(token), instanceURL)
    }

    private func tokenEndpoint() throws -> URL {
        var components = URLComponents()
        components.scheme = credentials.loginURL.scheme
        components.host = credentials.loginURL.host
        components.port = credentials.loginURL.port
        var basePath = credentials.loginURL.path
        while basePath.hasSuffix("/") { basePath.removeLast() }
        components.path = basePath + "/services/oauth2/token"
        guard let url = components.url else {
            throw SalesforceError(kind: .invalidArgument, detail: "cannot form the token URL from the login URL \(credentials.loginURL.absoluteString)")
        }
        return url
    }

    /// Accepts an https instance URL, or http on a loopback host (a local emulator).
    private func validatedInstanceURL(_ text: String, request: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw SalesforceError(kind: .invalidResponse, request: request, detail: "the token response's instance_url \(text) is not a URL")
        }
        guard scheme == "https" || (scheme == "http" && LoopbackHost.contains(host)) else {
            throw SalesforceError(kind: .insecureInstanceURL, request: request, detail: text)
        }
        return url
    }
}
