import COpenSSL

/// Throwaway RSA keys and self-signed certificates for the demo and tests.
public enum TestKeyPair {
    /// Generates an RSA key and a self-signed X.509 certificate for it (SHA-256, valid for one year,
    /// subject `CN=sfstream emulator`), with OpenSSL's C API.
    ///
    /// - Returns: the private key as PKCS#8 PEM (`BEGIN PRIVATE KEY`) and the certificate as PEM.
    public static func generate(bits: Int = 2048) throws -> (privateKeyPEM: String, certificatePEM: String) {
        guard bits >= 1024, bits <= 16384 else {
            throw EmulatorError.keyGenerationFailed("RSA key size \(bits) is outside 1024...16384 bits")
        }
        let key = try generateRSAKey(bits: bits)
        defer { EVP_PKEY_free(key) }
        let certificate = try selfSignedCertificate(for: key)
        defer { X509_free(certificate) }

        let keyPEM = try writePEM { bio in PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) }
        let certificatePEM = try writePEM { bio in PEM_write_bio_X509(bio, certificate) }
        return (keyPEM, certificatePEM)
    }

    private static func generateRSAKey(bits: Int) throws -> OpaquePointer {
        // EVP_RSA_gen is a variadic macro that Swift cannot import; this is its expansion in steps.
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw EmulatorError.keyGenerationFailed(OpenSSLErrors.drain())
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
              EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1,
              EVP_PKEY_generate(context, &key) == 1,
              let key
        else {
            throw EmulatorError.keyGenerationFailed(OpenSSLErrors.drain())
        }
        return key
    }

    private static func selfSignedCertificate(for key: OpaquePointer) throws -> OpaquePointer {
        guard let certificate = X509_new() else { throw EmulatorError.keyGenerationFailed(OpenSSLErrors.drain()) }
        var serial = SplitMix64(seed: UInt64(SalesforceDateTime.nowMilliseconds()))
        guard X509_set_version(certificate, 2) == 1,
              ASN1_INTEGER_set(X509_get_serialNumber(certificate), Int(serial.next() >> 2)) == 1,
              X509_gmtime_adj(X509_getm_notBefore(certificate), -60) != nil,
              X509_gmtime_adj(X509_getm_notAfter(certificate), 365 * 86_400) != nil,
              X509_set_pubkey(certificate, key) == 1,
              let name = X509_get_subject_name(certificate),
              X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, "sfstream emulator", -1, -1, 0) == 1,
              X509_set_issuer_name(certificate, name) == 1,
              X509_sign(certificate, key, EVP_sha256()) > 0
        else {
            X509_free(certificate)
            throw EmulatorError.keyGenerationFailed(OpenSSLErrors.drain())
        }
        return certificate
    }

    private static func writePEM(_ write: (OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw EmulatorError.keyGenerationFailed(OpenSSLErrors.drain()) }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw EmulatorError.keyGenerationFailed(OpenSSLErrors.drain()) }
        let length = Int(BIO_ctrl_pending(bio))
        var buffer = [UInt8](repeating: 0, count: length)
        let read = BIO_read(bio, &buffer, Int32(length))
        guard read == Int32(length) else { throw EmulatorError.keyGenerationFailed("short read of PEM output") }
        return String(decoding: buffer, as: UTF8.self)
    }
}
