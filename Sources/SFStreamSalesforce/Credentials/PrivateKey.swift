import Foundation

/// An RSA private key for signing JWT bearer assertions (RS256).
///
/// Loading accepts PKCS#1 (`BEGIN RSA PRIVATE KEY`) and PKCS#8 (`BEGIN PRIVATE KEY`) PEM, and
/// encrypted PKCS#8 or PKCS#1 with a passphrase. It also accepts a base64 body whose BEGIN/END
/// lines were lost, when the body is an unencrypted PKCS#8 or PKCS#1 key or, with a passphrase,
/// an encrypted PKCS#8 key. OpenSSH keys, non-RSA keys and damaged text are rejected with a
/// `CredentialError` that names the setting and the fix.
///
/// The value stores the decrypted key as PKCS#1 DER bytes, never an OpenSSL object, so it is
/// `Sendable`. Each signature decodes the DER again, which is cheap beside the RSA signature itself.
/// Its descriptions are redacted.
public struct PrivateKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// PKCS#1 `RSAPrivateKey` DER.
    let pkcs1DER: [UInt8]
    /// Size of the RSA modulus in bits.
    public let bits: Int

    /// Key files larger than this are rejected before they are read: a 16384-bit RSA key in PEM is about 12 KiB (estimated from its DER size).
    static let maxKeyBytes = 64 * 1024

    public var description: String { "PrivateKey(redacted)" }
    public var debugDescription: String { "PrivateKey(redacted)" }

    /// Loads a key from a setting that contains either the PEM text or the path of a key file.
    ///
    /// PEM detection comes first, so key text is never passed to file-system calls.
    /// - Parameters:
    ///   - setting: the option or environment variable the value came from, named in errors.
    ///   - passphraseSetting: the option that supplies a passphrase, named when an encrypted key arrives without one.
    public static func load(
        _ value: String,
        setting: String,
        passphrase: String? = nil,
        passphraseSetting: String = "--private-key-passphrase"
    ) throws(CredentialError) -> PrivateKey {
        let fail = { (problem: CredentialError.Problem) in CredentialError(setting: setting, problem: problem) }
        let normalized = KeyText.normalize(value)
        guard !normalized.isEmpty else { throw fail(.empty) }
        guard normalized.utf8.count <= maxKeyBytes else { throw fail(.tooLarge(limit: maxKeyBytes)) }

        let classification = try classify(normalized, setting: setting)
        switch classification {
        case .pem(let block):
            return try decode(block: block, passphrase: passphrase, passphraseSetting: passphraseSetting, setting: setting)
        case .bodyOnly(let base64):
            return try decodeBodyOnly(base64, passphrase: passphrase, setting: setting)
        case .pathCandidate(let path):
            guard !path.contains("\n"), path.utf8.count <= KeyText.maxPathLength,
                  FileManager.default.fileExists(atPath: expandingTilde(path))
            else {
                throw fail(.neitherPEMNorFile(shownPath: showablePath(path)))
            }
            return try load(fileAt: path, setting: setting, passphrase: passphrase, passphraseSetting: passphraseSetting)
        }
    }

    /// Loads a key from a PEM file; the file's text may carry the same damage `load(_:setting:)` repairs.
    public static func load(
        fileAt path: String,
        setting: String,
        passphrase: String? = nil,
        passphraseSetting: String = "--private-key-passphrase"
    ) throws(CredentialError) -> PrivateKey {
        let fail = { (problem: CredentialError.Problem) in CredentialError(setting: setting, problem: problem) }
        // Key text given where a path was expected is read as key text, so that it never reaches
        // a file-system call or an error message.
        if path.contains("-----BEGIN") || path.contains("\n") || path.contains("\\n") {
            return try load(path, setting: setting, passphrase: passphrase, passphraseSetting: passphraseSetting)
        }
        let expanded = expandingTilde(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            // A value that could be key text (a bare base64 body) is tried as key text.
            guard showablePath(path) != nil else {
                return try load(path, setting: setting, passphrase: passphrase, passphraseSetting: passphraseSetting)
            }
            throw fail(.neitherPEMNorFile(shownPath: showablePath(path)))
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: expanded) else {
            throw fail(.unreadableFile(path: path))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxKeyBytes + 1) ?? Data()
        } catch {
            throw fail(.unreadableFile(path: path))
        }
        guard data.count <= maxKeyBytes else { throw fail(.tooLarge(limit: maxKeyBytes)) }

        let text = String(decoding: data, as: UTF8.self)
        let normalized = KeyText.normalize(text)
        guard !normalized.isEmpty else { throw fail(.empty) }
        let classification = try classify(normalized, setting: setting)
        switch classification {
        case .pem(let block):
            return try decode(block: block, passphrase: passphrase, passphraseSetting: passphraseSetting, setting: setting)
        case .bodyOnly(let base64):
            return try decodeBodyOnly(base64, passphrase: passphrase, setting: setting)
        case .pathCandidate:
            // A file whose content is neither PEM nor a base64 key body, such as DER or a public key in another format.
            throw fail(.corrupt(bodyOnly: false))
        }
    }

    /// Classifies normalized key text, naming `setting` in the error.
    private static func classify(_ normalized: String, setting: String) throws(CredentialError) -> KeyText.Classification {
        do {
            return try KeyText.classify(normalized: normalized)
        } catch {
            throw CredentialError(setting: setting, problem: error)
        }
    }

    private static func decode(
        block: KeyText.PEMBlock,
        passphrase: String?,
        passphraseSetting: String,
        setting: String
    ) throws(CredentialError) -> PrivateKey {
        let fail = { (problem: CredentialError.Problem) in CredentialError(setting: setting, problem: problem) }
        switch block.label {
        case "OPENSSH PRIVATE KEY":
            throw fail(.openSSHFormat)
        case "EC PRIVATE KEY":
            throw fail(.notRSA(keyType: "EC"))
        case "DSA PRIVATE KEY":
            throw fail(.notRSA(keyType: "DSA"))
        case "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
            break
        default:
            throw fail(.notAPrivateKey(label: block.label))
        }
        if block.isEncrypted && (passphrase ?? "").isEmpty {
            throw fail(.encrypted(passphraseSetting: passphraseSetting))
        }
        do {
            return try KeyDecoder.decodePEM(Array(block.text.utf8), passphrase: block.isEncrypted ? passphrase : nil)
        } catch let problem {
            if block.isEncrypted, problem.isCorrupt { throw fail(.wrongPassphrase) }
            throw fail(problem)
        }
    }

    private static func decodeBodyOnly(_ base64: String, passphrase: String?, setting: String) throws(CredentialError) -> PrivateKey {
        var labels = ["PRIVATE KEY", "RSA PRIVATE KEY"]
        if let passphrase, !passphrase.isEmpty { labels.append("ENCRYPTED PRIVATE KEY") }
        for label in labels {
            let block = KeyText.PEMBlock(label: label, headers: [], base64Body: base64)
            do {
                return try KeyDecoder.decodePEM(Array(block.text.utf8), passphrase: block.isEncrypted ? passphrase : nil)
            } catch let problem {
                // A key of another algorithm decodes under "PRIVATE KEY": that is the better message.
                if problem.isNotRSA { throw CredentialError(setting: setting, problem: problem) }
                continue
            }
        }
        throw CredentialError(setting: setting, problem: .corrupt(bodyOnly: true))
    }

    /// Returns the value for display when it cannot be key text: one line with a character
    /// outside the base64 alphabet (a `.` or `-`, as most key file names have).
    private static func showablePath(_ value: String) -> String? {
        guard value.count <= 1024, !value.contains(where: \.isNewline),
              value.contains(where: { !KeyText.isBase64Character($0) && !$0.isWhitespace })
        else { return nil }
        return value
    }

    private static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return NSString(string: path).expandingTildeInPath
    }
}
