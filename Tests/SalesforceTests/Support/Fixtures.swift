import Foundation

/// Files under `Fixtures/`, copied into the test bundle.
enum Fixtures {
    static let directory: URL = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) {
            return url
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// Throwaway keys made by `Fixtures/make-pem-variants.sh` (openssl, and ssh-keygen when
/// installed) in a fresh temporary folder, once per test process.
enum TestKeys {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The `pem-variants` folder, or the reason it could not be made.
    static let variants: Result<URL, Failure> = {
        let workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sfstream-keys-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [Fixtures.directory.appendingPathComponent("make-pem-variants.sh").path]
            process.currentDirectoryURL = workDirectory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                return .failure(Failure(description: "make-pem-variants.sh exited with \(process.terminationStatus)"))
            }
        } catch {
            return .failure(Failure(description: "cannot run make-pem-variants.sh: \(error)"))
        }
        return .success(workDirectory.appendingPathComponent("pem-variants"))
    }()

    static func url(_ name: String) throws -> URL {
        try variants.get().appendingPathComponent(name)
    }

    static func path(_ name: String) throws -> String {
        try url(name).path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// Returns every 16-character run of the base64 body lines of all key files, to check that no message leaks key material.
    static func keyMaterialRuns() throws -> Set<String> {
        var runs: Set<String> = []
        for name in ["key-pkcs8.pem", "key-pkcs1.pem", "key-pkcs8-encrypted.pem", "key-ec.pem"] {
            for line in try text(name).split(separator: "\n") where !line.hasPrefix("-----") && !line.contains(":") {
                let characters = Array(line)
                guard characters.count >= 16 else { continue }
                for start in 0...(characters.count - 16) {
                    runs.insert(String(characters[start..<start + 16]))
                }
            }
        }
        return runs
    }

    /// Returns the first 16-character run of `text` that is key material, or `nil`.
    static func leakedKeyMaterial(in text: String, runs: Set<String>) -> String? {
        let characters = Array(text)
        guard characters.count >= 16 else { return nil }
        for start in 0...(characters.count - 16) {
            let run = String(characters[start..<start + 16])
            if runs.contains(run) { return run }
        }
        return nil
    }
}
