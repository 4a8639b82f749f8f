import COpenSSL

/// Decodes private keys with OpenSSL's decoder API and signs with them.
///
/// OpenSSL objects live only inside one call. The error queue is cleared before and after
/// each call and its strings are never shown, because they can quote the input.
enum KeyDecoder {
    static func decodePEM(_ pem: [UInt8], passphrase: String?) throws(CredentialError.Problem) -> PrivateKey {
        ERR_clear_error()
        defer { ERR_clear_error() }

        var key: OpaquePointer?
        let selection = Int32(OSSL_KEYMGMT_SELECT_PRIVATE_KEY | OSSL_KEYMGMT_SELECT_PUBLIC_KEY)
        guard let context = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nil, nil, selection, nil, nil) else {
            throw .corrupt(bodyOnly: false)
        }
        defer { OSSL_DECODER_CTX_free(context) }
        if let passphrase {
            let bytes = Array(passphrase.utf8)
            guard OSSL_DECODER_CTX_set_passphrase(context, bytes, bytes.count) == 1 else {
                throw .corrupt(bodyOnly: false)
            }
        }

        let decoded = pem.withUnsafeBufferPointer { buffer -> Bool in
            var data: UnsafePointer<UInt8>? = buffer.baseAddress
            var length = buffer.count
            return OSSL_DECODER_from_data(context, &data, &length) == 1
        }
        guard decoded, let key else {
            throw .corrupt(bodyOnly: false)
        }
        defer { EVP_PKEY_free(key) }

        guard EVP_PKEY_is_a(key, "RSA") == 1 else {
            let typeName = EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "unknown"
            throw .notRSA(keyType: displayName(ofKeyType: typeName))
        }
        // A key whose base64 was damaged inside a number still parses. A test signature that
        // must verify with the key's own public half catches it before Salesforce would.
        guard signsVerifiably(key) else {
            throw .corrupt(bodyOnly: false)
        }
        guard let der = encodePKCS1(key) else {
            throw .corrupt(bodyOnly: false)
        }
        return PrivateKey(pkcs1DER: der, bits: Int(EVP_PKEY_get_bits(key)))
    }

    /// Signs `message` with RSASSA-PKCS1-v1_5 and SHA-256 (JWS `RS256`, RFC 7518 section 3.3).
    static func signRS256(_ message: [UInt8], with privateKey: PrivateKey) -> [UInt8]? {
        ERR_clear_error()
        defer { ERR_clear_error() }

        let key: OpaquePointer? = privateKey.pkcs1DER.withUnsafeBufferPointer { buffer in
            var data: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PrivateKey(EVP_PKEY_RSA, nil, &data, buffer.count)
        }
        guard let key else { return nil }
        defer { EVP_PKEY_free(key) }
        return sign(message, key: key)
    }

    private static func sign(_ message: [UInt8], key: OpaquePointer) -> [UInt8]? {
        guard let context = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(context) }

        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else { return nil }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else { return nil }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else { return nil }
        return Array(signature.prefix(length))
    }

    /// Signs a fixed message and verifies the signature with the same key's public values.
    ///
    /// Costs one RSA signature (about 1.3 ms for 2048 bits). `EVP_PKEY_pairwise_check` was
    /// tried first and took about 37 ms per load (OpenSSL 3.0.19, 2-core test machine).
    private static func signsVerifiably(_ key: OpaquePointer) -> Bool {
        let message = Array("sfstream key check".utf8)
        guard let signature = sign(message, key: key),
              let context = EVP_MD_CTX_new()
        else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }

    private static func encodePKCS1(_ key: OpaquePointer) -> [UInt8]? {
        var output: UnsafeMutablePointer<UInt8>?
        let length = i2d_PrivateKey(key, &output)
        guard length > 0, let output else { return nil }
        defer { CRYPTO_clear_free(output, Int(length), #fileID, #line) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    private static func displayName(ofKeyType name: String) -> String {
        switch name.uppercased() {
        case "ED25519": return "Ed25519"
        case "ED448": return "Ed448"
        default: return name
        }
    }
}
