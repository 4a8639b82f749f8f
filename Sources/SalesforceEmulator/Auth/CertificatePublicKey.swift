import COpenSSL

/// The RSA public key of the connected app's X.509 certificate, which verifies JWT signatures.
///
/// It owns an OpenSSL `EVP_PKEY`. OpenSSL allows concurrent verifications with one key as long as
/// no thread modifies it, and nothing does after `init`, so the type is `@unchecked Sendable`.
final class CertificatePublicKey: @unchecked Sendable {
    private let key: OpaquePointer

    init(certificatePEM: String) throws {
        let bytes = Array(certificatePEM.utf8)
        let certificate: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let certificate else {
            throw EmulatorError.invalidCertificate("not a PEM X.509 certificate (\(OpenSSLErrors.drain()))")
        }
        defer { X509_free(certificate) }
        guard let key = X509_get_pubkey(certificate) else {
            throw EmulatorError.invalidCertificate("the certificate has no readable public key (\(OpenSSLErrors.drain()))")
        }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw EmulatorError.invalidCertificate("the certificate's key is not RSA, so it cannot verify RS256")
        }
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// Verifies an RSASSA-PKCS1-v1_5 signature with SHA-256 (JWS `RS256`, RFC 7518 §3.3) over `message`.
    func verifyRS256(message: [UInt8], signature: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            _ = OpenSSLErrors.drain()
            return false
        }
        let result = EVP_DigestVerify(context, signature, signature.count, message, message.count)
        if result != 1 { _ = OpenSSLErrors.drain() }
        return result == 1
    }
}
