import Foundation

/// `sfstream emulator`: serve an emulated Salesforce org on 127.0.0.1 until SIGINT or SIGTERM.
enum EmulatorCommand {
    static let spec = CommandSpec(
        name: "emulator",
        brief: "Serve an emulated Salesforce org on 127.0.0.1.",
        summary: "Serve an emulated Salesforce org (token, query, describe and sObject Collections endpoints) on 127.0.0.1. Prints one JSON line with login_url, instance_url, username, consumer_key and record counts, then serves until SIGINT or SIGTERM.",
        usage: "sfstream emulator --certificate FILE [options]",
        options: [
            OptionSpec("certificate", value: "FILE", help: "PEM X.509 certificate of the connected app; JWTs must be signed with its private key (required)."),
            OptionSpec("username", value: "USER", help: "Username the emulated org accepts (default \(EmulatorConfiguration(certificatePEM: "").username))."),
            OptionSpec("consumer-key", value: "KEY", help: "Consumer key the emulated org accepts (default \(EmulatorConfiguration(certificatePEM: "").consumerKey))."),
        ] + EmulatorArguments.options + [CommandLog.levelOption]
    )

    static func run(_ arguments: ParsedArguments, logger: Logger) async -> ExitStatus {
        let emulator: SalesforceEmulator
        do {
            guard let certificatePath = arguments.value("certificate") else {
                throw UsageError("missing --certificate FILE: the connected app's PEM certificate, e.g. made with 'openssl req -new -x509 -key key.pem -out cert.pem -subj /CN=sfstream'")
            }
            var configuration = EmulatorConfiguration(certificatePEM: "")
            configuration.logger = logger
            if let username = arguments.value("username") { configuration.username = username }
            if let key = arguments.value("consumer-key") { configuration.consumerKey = key }
            try EmulatorArguments.apply(arguments, to: &configuration)
            configuration.certificatePEM = try readCertificate(certificatePath)
            emulator = try SalesforceEmulator(configuration: configuration)
            try emulator.start()
        } catch {
            return StartFailure.report(error, command: spec)
        }

        let writer = FileDescriptorWriter(descriptor: 1)
        writer.append(line: emulator.startupLine())
        try? writer.flush()

        // A signal is the emulator's normal way to stop, so it exits with status 0.
        _ = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let watcher = SignalWatcher { number in continuation.resume(returning: number) }
            _ = Unmanaged.passRetained(watcher)  // lives until the process exits
        }
        emulator.stop()
        return .success
    }

    /// Reads the certificate file: a missing or unopenable file is an ``InputFileError``, a file
    /// that is not UTF-8 text a ``StartError``.
    private static func readCertificate(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFileError("--certificate '\(path)' not found: check the path")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError("--certificate '\(path)' cannot be opened for reading: check that it is a file readable by this user")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StartError("--certificate '\(path)' is not PEM text: give the PEM certificate, not its DER form")
        }
        return text
    }
}
