/// A credential setting that cannot be used, found before any network call.
///
/// The description is one line: the setting, the problem and the fix. It may show a file
/// path, but never key text: values that could be key material are not echoed.
public struct CredentialError: Error, Sendable, CustomStringConvertible {
    /// The problem found in the value.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Code: Sendable, Hashable {
            case neitherPEMNorFile(shownPath: String?)
            case unreadableFile(path: String)
            case tooLarge(limit: Int)
            case incompletePEM(detail: String)
            case notAPrivateKey(label: String)
            case encrypted(passphraseSetting: String)
            case wrongPassphrase
            case openSSHFormat
            case notRSA(keyType: String)
            case corrupt(bodyOnly: Bool)
            case empty
            case invalidValue(detail: String)
        }

        fileprivate let code: Code

        /// True for a value that is neither PEM text nor the path of an existing file.
        public var isNeitherPEMNorFile: Bool {
            if case .neitherPEMNorFile = code { return true }
            return false
        }

        /// True for a file that exists but cannot be opened, such as a folder or a file without read permission.
        public var isUnreadableFile: Bool {
            if case .unreadableFile = code { return true }
            return false
        }

        public var isIncomplete: Bool {
            if case .incompletePEM = code { return true }
            return false
        }

        public var isEncrypted: Bool {
            if case .encrypted = code { return true }
            return false
        }

        public var isWrongPassphrase: Bool { code == .wrongPassphrase }

        public var isOpenSSHFormat: Bool { code == .openSSHFormat }

        /// True for a key of another algorithm than RSA (EC, Ed25519, DSA, RSA-PSS).
        public var isNotRSA: Bool {
            if case .notRSA = code { return true }
            return false
        }

        public var isCorrupt: Bool {
            if case .corrupt = code { return true }
            return false
        }

        public var description: String { CredentialError.render(code).problem }

        static func neitherPEMNorFile(shownPath: String?) -> Problem { Problem(code: .neitherPEMNorFile(shownPath: shownPath)) }
        static func unreadableFile(path: String) -> Problem { Problem(code: .unreadableFile(path: path)) }
        static func tooLarge(limit: Int) -> Problem { Problem(code: .tooLarge(limit: limit)) }
        static func incompletePEM(detail: String) -> Problem { Problem(code: .incompletePEM(detail: detail)) }
        static func notAPrivateKey(label: String) -> Problem { Problem(code: .notAPrivateKey(label: label)) }
        static func encrypted(passphraseSetting: String) -> Problem { Problem(code: .encrypted(passphraseSetting: passphraseSetting)) }
        static let wrongPassphrase = Problem(code: .wrongPassphrase)
        static let openSSHFormat = Problem(code: .openSSHFormat)
        static func notRSA(keyType: String) -> Problem { Problem(code: .notRSA(keyType: keyType)) }
        static func corrupt(bodyOnly: Bool) -> Problem { Problem(code: .corrupt(bodyOnly: bodyOnly)) }
        static let empty = Problem(code: .empty)
        static func invalidValue(_ detail: String) -> Problem { Problem(code: .invalidValue(detail: detail)) }
    }

    /// The setting the value came from, as the user knows it (`--private-key-file`, `SALESFORCE_PRIVATE_KEY`).
    public let setting: String
    public let problem: Problem

    init(setting: String, problem: Problem) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String {
        let text = Self.render(problem.code)
        return "\(setting): \(text.problem); \(text.fix)"
    }

    /// Writes every credential message, so the wording lives in one place.
    fileprivate static func render(_ code: Problem.Code) -> (problem: String, fix: String) {
        let wholeKey = "paste the whole key, from the -----BEGIN line to the -----END line"
        switch code {
        case .neitherPEMNorFile(let shownPath?):
            return ("the value is neither PEM data nor an existing file (path: \(shownPath))",
                    "give the path of a PEM private key file or the PEM text itself")
        case .neitherPEMNorFile(nil):
            return ("the value is neither PEM data nor an existing file (value not shown because it could be key text)",
                    "give the path of a PEM private key file or the PEM text itself")
        case .unreadableFile(let path):
            return ("the file \(path) exists but cannot be read", "check that it is a regular file and readable by this user")
        case .tooLarge(let limit):
            return ("the key data is larger than \(limit) bytes, far more than any RSA private key",
                    "give the private key file itself")
        case .incompletePEM(let detail):
            return ("the PEM data is incomplete (\(detail))", wholeKey)
        case .notAPrivateKey(let label):
            return ("the PEM data holds a \(label), not a private key",
                    "give the private key whose certificate is uploaded to the connected app")
        case .encrypted(let passphraseSetting):
            return ("private key is encrypted; pass \(passphraseSetting)",
                    "or decrypt it once with `openssl pkey -in KEY -out KEY.pem`")
        case .wrongPassphrase:
            return ("the encrypted private key could not be decrypted with the given passphrase",
                    "check the passphrase")
        case .openSSHFormat:
            return ("the key is in OpenSSH format (BEGIN OPENSSH PRIVATE KEY), which OpenSSL cannot read",
                    "convert it to PEM with `ssh-keygen -p -m PEM -f KEY` (rewrites KEY in place)")
        case .notRSA(let keyType):
            return ("RS256 needs an RSA key; \(article(keyType)) \(keyType) key was given",
                    "create an RSA key (`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`) and upload its certificate to the connected app")
        case .corrupt(bodyOnly: false):
            return ("the private key could not be decoded (truncated or corrupt)", wholeKey)
        case .corrupt(bodyOnly: true):
            return ("the value looks like a base64 key body without BEGIN/END lines, but it could not be decoded (truncated or corrupt)",
                    wholeKey)
        case .empty:
            return ("the value is empty", "give a PEM private key or the path of a key file")
        case .invalidValue(let detail):
            return (detail, "correct the setting")
        }
    }

    private static func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        // Letters whose spoken name starts with a vowel sound: "an EC key", "an RSA-PSS key".
        return "AEFHILMNORSX".contains(first) ? "an" : "a"
    }
}
