import Foundation

/// `sfstream demo`: the `salesforce` command against an emulated org started in-process.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        brief: "Run the salesforce command against an in-process emulated org.",
        summary: "Start the Salesforce emulator on 127.0.0.1 with a fresh key pair, then stream its records to stdout as NDJSON elements, as 'sfstream salesforce' does against a real org.",
        usage: "sfstream demo [options]",
        options: PipelineArguments.options + EmulatorArguments.options + [OptionSpec.config]
    )

    static func run(_ arguments: ParsedArguments, log: CommandLog) async -> ExitStatus {
        let started = ContinuousClock.now
        let logGate = ClientLogGate()
        let emulator: SalesforceEmulator
        let client: SalesforceClient
        let configuration: PipelineConfiguration
        let progressMode: ProgressDisplay.Mode
        let outputTarget: OutputTarget
        do {
            // Every check of the arguments themselves runs before the emulator starts.
            progressMode = try ProgressDisplay.mode(for: log, environment: arguments.environment)
            outputTarget = try OutputTarget.parse(arguments)
            let clientConfiguration = try PipelineArguments.clientConfiguration(arguments, log: log, logGate: logGate)
            var pipelineConfiguration = try PipelineArguments.pipelineConfiguration(arguments, categories: [], log: log)
            var emulatorConfiguration = EmulatorConfiguration(certificatePEM: "")
            emulatorConfiguration.logger = log.logger(label: "sfstream.emulator")
            try EmulatorArguments.apply(arguments, to: &emulatorConfiguration)
            try PipelineArguments.prepareFiles(arguments, for: &pipelineConfiguration)

            let keyPair = try TestKeyPair.generate()
            emulatorConfiguration.certificatePEM = keyPair.certificatePEM
            emulator = try SalesforceEmulator(configuration: emulatorConfiguration)
            try emulator.start()

            let credentials = try SalesforceCredentials(
                username: emulatorConfiguration.username,
                consumerKey: emulatorConfiguration.consumerKey,
                privateKey: try PrivateKey.load(keyPair.privateKeyPEM, setting: "demo key"),
                loginURL: emulator.loginURL
            )
            client = SalesforceClient(credentials: credentials, configuration: clientConfiguration)
            pipelineConfiguration.categories = try await PipelineArguments.resolveCategories(arguments, client: client)
            configuration = pipelineConfiguration
            log.logger.notice("emulated org started", metadata: [
                "login_url": "\(emulator.loginURL.absoluteString)", "records": "\(describe(emulator.recordCounts))",
            ])
        } catch {
            return StartFailure.report(error, command: spec)
        }
        defer { emulator.stop() }
        logGate.open()
        let runner = StreamRunner(
            pipeline: SalesforcePipeline(client: client, configuration: configuration),
            arguments: arguments, outputTarget: outputTarget, log: log, progressMode: progressMode, started: started
        )
        return await runner.run()
    }

    private static func describe(_ counts: [String: Int]) -> String {
        counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
    }
}
