import Foundation

/// `sfstream salesforce`: stream a real org's records as elements.
enum SalesforceCommand {
    static let spec = CommandSpec(
        name: "salesforce",
        brief: "Stream a Salesforce org's records as NDJSON elements.",
        summary: "Stream the records of a Salesforce org to stdout as NDJSON elements, authenticating with the OAuth 2.0 JWT bearer flow of a connected app.",
        usage: "sfstream salesforce --username USER --consumer-key KEY (--private-key-file FILE | --private-key PEM) [options]",
        options: [
            OptionSpec("username", value: "USER", environment: "SALESFORCE_USERNAME", help: "Salesforce username the connected app acts as."),
            OptionSpec("consumer-key", value: "KEY", environment: "SALESFORCE_CONSUMER_KEY", help: "Consumer key of the connected app."),
            OptionSpec("private-key-file", value: "FILE", environment: "SALESFORCE_PRIVATE_KEY_FILE", help: "PEM file of the RSA private key whose certificate the connected app holds."),
            OptionSpec("private-key", value: "PEM", environment: "SALESFORCE_PRIVATE_KEY", help: "The RSA private key as PEM text (or a path to it)."),
            OptionSpec("private-key-passphrase", value: "TEXT", environment: "SALESFORCE_PRIVATE_KEY_PASSPHRASE", help: "Passphrase of an encrypted private key."),
            OptionSpec("login-url", value: "URL", environment: "SALESFORCE_LOGIN_URL", help: "Login host: https://login.salesforce.com (default), https://test.salesforce.com or a My Domain URL."),
            OptionSpec("audience", value: "URL", help: "JWT audience (default: https://test.salesforce.com for sandbox hosts, else https://login.salesforce.com)."),
        ] + PipelineArguments.options
    )

    static func run(_ arguments: ParsedArguments) async -> ExitStatus {
        let logGate = ClientLogGate()
        let client: SalesforceClient
        let configuration: PipelineConfiguration
        let outputTarget: OutputTarget
        do {
            outputTarget = try OutputTarget.parse(arguments)
            let credentials = try credentials(from: arguments)
            client = SalesforceClient(credentials: credentials, configuration: try PipelineArguments.clientConfiguration(arguments, logGate: logGate))
            var pipelineConfiguration = try PipelineArguments.pipelineConfiguration(arguments, categories: [])
            pipelineConfiguration.categories = try await PipelineArguments.resolveCategories(arguments, client: client)
            configuration = pipelineConfiguration
        } catch {
            writeStandardError("sfstream: error: \(error)")
            return .notStarted
        }
        logGate.open()
        let runner = StreamRunner(pipeline: SalesforcePipeline(client: client, configuration: configuration), errorsPath: arguments.value("errors"),
            statePath: arguments.value("state-file"), outputTarget: outputTarget)
        return await runner.run()
    }

    /// Reads username, consumer key, key and login URL from the options or their environment
    /// variables; every problem found is reported together.
    static func credentials(from arguments: ParsedArguments) throws -> SalesforceCredentials {
        var missing: [String] = []
        let username = arguments.value("username")
        let consumerKey = arguments.value("consumer-key")
        if username == nil { missing.append("--username (or SALESFORCE_USERNAME)") }
        if consumerKey == nil { missing.append("--consumer-key (or SALESFORCE_CONSUMER_KEY)") }
        let keyFile = arguments.value("private-key-file")
        let keyText = arguments.value("private-key")
        if keyFile == nil && keyText == nil {
            missing.append("--private-key-file or --private-key (or SALESFORCE_PRIVATE_KEY_FILE / SALESFORCE_PRIVATE_KEY)")
        }
        if !missing.isEmpty {
            throw UsageError("missing \(missing.joined(separator: ", ")); run 'sfstream salesforce --help'")
        }

        let passphrase = arguments.value("private-key-passphrase")
        let privateKey: PrivateKey
        if let keyFile {
            let setting = arguments.values["private-key-file"] != nil ? "--private-key-file" : "SALESFORCE_PRIVATE_KEY_FILE"
            privateKey = try PrivateKey.load(fileAt: keyFile, setting: setting, passphrase: passphrase)
        } else {
            let setting = arguments.values["private-key"] != nil ? "--private-key" : "SALESFORCE_PRIVATE_KEY"
            privateKey = try PrivateKey.load(keyText!, setting: setting, passphrase: passphrase)
        }

        let loginText = arguments.value("login-url") ?? "https://login.salesforce.com"
        guard let loginURL = URL(string: loginText), loginURL.scheme != nil, loginURL.host != nil else {
            throw UsageError("invalid value '\(loginText)' for --login-url: expected a URL such as https://login.salesforce.com")
        }
        return try SalesforceCredentials(
            username: username!, consumerKey: consumerKey!, privateKey: privateKey,
            loginURL: loginURL, audience: arguments.value("audience")
        )
    }
}
