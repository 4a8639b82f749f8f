import Foundation

/// `sfstream demo`: the `salesforce` command against an emulated org started in-process.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        brief: "Run the salesforce command against an in-process emulated org.",
        summary: "Start the Salesforce emulator on 127.0.0.1 with a fresh key pair, then stream its records to stdout as NDJSON elements, as 'sfstream salesforce' does against a real org.",
        usage: "sfstream demo [options]",
        options: PipelineArguments.options + EmulatorArguments.options
    )

    static func run(_ arguments: ParsedArguments) async -> ExitStatus {
        let logGate = ClientLogGate()
        let emulator: SalesforceEmulator
        let client: SalesforceClient
        let configuration: PipelineConfiguration
        let outputTarget: OutputTarget
        do {
            outputTarget = try OutputTarget.parse(arguments)
            let keyPair = try TestKeyPair.generate()
            var emulatorConfiguration = EmulatorConfiguration(certificatePEM: keyPair.certificatePEM)
            try EmulatorArguments.apply(arguments, to: &emulatorConfiguration)
            emulator = try SalesforceEmulator(configuration: emulatorConfiguration)
            try emulator.start()

            let credentials = try SalesforceCredentials(
                username: emulatorConfiguration.username,
                consumerKey: emulatorConfiguration.consumerKey,
                privateKey: try PrivateKey.load(keyPair.privateKeyPEM, setting: "demo key"),
                loginURL: emulator.loginURL
            )
            client = SalesforceClient(credentials: credentials, configuration: try PipelineArguments.clientConfiguration(arguments, logGate: logGate))
            var pipelineConfiguration = try PipelineArguments.pipelineConfiguration(arguments, categories: [])
            pipelineConfiguration.categories = try await PipelineArguments.resolveCategories(arguments, client: client)
            configuration = pipelineConfiguration
            writeStandardError("sfstream demo: emulated org at \(emulator.loginURL.absoluteString), records \(describe(emulator.recordCounts))")
        } catch {
            writeStandardError("sfstream demo: error: \(error)")
            return .notStarted
        }
        defer { emulator.stop() }
        logGate.open()
        let runner = StreamRunner(
            pipeline: SalesforcePipeline(client: client, configuration: configuration),
            errorsPath: arguments.value("errors"),
            statePath: arguments.value("state-file"),
            outputTarget: outputTarget,
            label: "sfstream demo"
        )
        return await runner.run()
    }

    private static func describe(_ counts: [String: Int]) -> String {
        counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
    }
}
