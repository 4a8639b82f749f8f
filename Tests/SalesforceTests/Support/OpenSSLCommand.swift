import Foundation

/// Runs the `openssl` command-line tool, an implementation independent of the client's own OpenSSL calls.
enum OpenSSLCommand {
    /// Returns whether `signature` is a valid RS256 signature of `message` under the PEM public key at `publicKeyPath`.
    static func verifyRS256(message: [UInt8], signature: [UInt8], publicKeyPath: String) throws -> Bool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sfstream-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let messageURL = directory.appendingPathComponent("message")
        let signatureURL = directory.appendingPathComponent("signature")
        try Data(message).write(to: messageURL)
        try Data(signature).write(to: signatureURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "dgst", "-sha256", "-verify", publicKeyPath, "-signature", signatureURL.path, messageURL.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

extension OpenSSLCommand {
    /// Runs `openssl` with `arguments` in `directory` and returns whether it exited with status 0.
    static func run(_ arguments: [String], in directory: URL) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

enum Base64URL {
    static func decode(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }
}
