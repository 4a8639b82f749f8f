import COpenSSL
import Foundation
import Testing

/// Signs JWT assertions in the tests, independently of the emulator's verifier.
enum JWTSigner {
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func json(_ object: [String: Any]) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Signs `header` and `claims` as an RS256 JWS with a PKCS#8 PEM key.
    static func sign(header: [String: Any] = ["alg": "RS256"], claims: [String: Any], privateKeyPEM: String) throws -> String {
        let signingInput = base64URL(json(header)) + "." + base64URL(json(claims))
        let signature = try rs256(Array(signingInput.utf8), privateKeyPEM: privateKeyPEM)
        return signingInput + "." + base64URL(Data(signature))
    }

    static func rs256(_ message: [UInt8], privateKeyPEM: String) throws -> [UInt8] {
        let pem = Array(privateKeyPEM.utf8)
        let key: OpaquePointer? = pem.withUnsafeBytes { buffer in
            let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count))
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        let privateKey = try #require(key)
        defer { EVP_PKEY_free(privateKey) }
        let context = try #require(EVP_MD_CTX_new())
        defer { EVP_MD_CTX_free(context) }
        try #require(EVP_DigestSignInit(context, nil, EVP_sha256(), nil, privateKey) == 1)
        var length = 0
        try #require(EVP_DigestSign(context, nil, &length, message, message.count) == 1)
        var signature = [UInt8](repeating: 0, count: length)
        try #require(EVP_DigestSign(context, &signature, &length, message, message.count) == 1)
        return Array(signature.prefix(length))
    }
}
