import Foundation

/// `sfstream salesforce`: stream a real org's records as elements.
enum SalesforceCommand {
    static let spec = CommandSpec(
        name: "salesforce",
        brief: "Stream a Salesforce org's records as NDJSON elements.",
        summary: "Stream the records of a Salesforce org to stdout as NDJSON elements, authenticating with the OAuth 2.0 JWT bearer flow of a connected app.",
        usage: "sfstream salesforce --username USER --consumer-key KEY (--private-key-file FILE | --private-key PEM) [options]",
        options: [
            OptionSpec("username", value: "USER", environment: "SALESFORCE_USERNAME", help: "Salesforce username the connected app acts as (required)."),
            OptionSpec("consumer-key", value: "KEY", environment: "SALESFORCE_CONSUMER_KEY", help: "Consumer key of the connected app (required)."),
            OptionSpec("private-key-file", value: "FILE", environment: "SALESFORCE_PRIVATE_KEY_FILE", help: "PEM file of the RSA private key whose certificate the connected app holds (this or --private-key is required)."),
            OptionSpec("private-key", value: "PEM", environment: "SALESFORCE_PRIVATE_KEY", secret: true, help: "The RSA private key as PEM text, or a path to it (this or --private-key-file is required)."),
            OptionSpec("private-key-passphrase", value: "TEXT", environment: "SALESFORCE_PRIVATE_KEY_PASSPHRASE", secret: true, help: "Passphrase of an encrypted private key (default: none, for an unencrypted key)."),
            OptionSpec("login-url", value: "URL", environment: "SALESFORCE_LOGIN_URL", help: "Login host: https://login.salesforce.com (default), https://test.salesforce.com or a My Domain URL."),
            OptionSpec("audience", value: "URL", help: "JWT audience (default: https://test.salesforce.com for sandbox hosts, else https://login.salesforce.com)."),
            OptionSpec.config,
        ] + PipelineArguments.options
    )

    static func run(_ arguments: ParsedArguments, log: CommandLog) async -> ExitStatus {
        let started = ContinuousClock.now
        let logGate = ClientLogGate()
        let client: SalesforceClient
        let configuration: PipelineConfiguration
        let progressMode: ProgressDisplay.Mode
        let outputTarget: OutputTarget
        do {
            // Every check of the arguments themselves runs before the first file or network access.
            progressMode = try ProgressDisplay.mode(for: log, environment: arguments.environment)
            outputTarget = try OutputTarget.parse(arguments)
            let clientConfiguration = try PipelineArguments.clientConfiguration(arguments, log: log, logGate: logGate)
            var pipelineConfiguration = try PipelineArguments.pipelineConfiguration(arguments, categories: [], log: log)
            let settings = try CredentialSettings(arguments)
            try PipelineArguments.prepareFiles(arguments, for: &pipelineConfiguration)
            let credentials = try settings.load()
            client = SalesforceClient(credentials: credentials, configuration: clientConfiguration)
            pipelineConfiguration.categories = try await PipelineArguments.resolveCategories(arguments, client: client)
            configuration = pipelineConfiguration
        } catch {
            return StartFailure.report(error, command: spec)
        }
        logGate.open()
        let runner = StreamRunner(
            pipeline: SalesforcePipeline(client: client, configuration: configuration),
            arguments: arguments, outputTarget: outputTarget, log: log, progressMode: progressMode, started: started
        )
        return await runner.run()
    }
}

/// The connected app's settings, checked before the key is read.
struct CredentialSettings {
    /// The private key setting: a file path, or text that is PEM or a path.
    enum KeySource {
        case file(String)
        case text(String)
    }

    var username: String
    var consumerKey: String
    var key: KeySource
    /// The option or environment variable the key came from, named in key errors.
    var keySetting: String
    var passphrase: String?
    var loginURL: URL
    var audience: String?

    /// Reads username, consumer key, key and login URL from the options, their environment
    /// variables or the config file. Missing settings are reported together.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        var missing: [String] = []
        let username = arguments.value("username")
        let consumerKey = arguments.value("consumer-key")
        if username == nil { missing.append("--username (or SALESFORCE_USERNAME)") }
        if consumerKey == nil { missing.append("--consumer-key (or SALESFORCE_CONSUMER_KEY)") }
        let key = try Self.keySource(arguments)
        if key == nil {
            missing.append("--private-key-file or --private-key (or SALESFORCE_PRIVATE_KEY_FILE / SALESFORCE_PRIVATE_KEY)")
        }
        guard let username, let consumerKey, let key, missing.isEmpty else {
            throw UsageError("missing \(missing.joined(separator: ", ")): give each on the command line, in the environment or in --config FILE")
        }

        let loginText = arguments.value("login-url") ?? "https://login.salesforce.com"
        guard let loginURL = URL(string: loginText), loginURL.scheme != nil, loginURL.host != nil else {
            throw arguments.invalidValue("login-url", expected: "a URL such as https://login.salesforce.com")
        }
        self.username = username
        self.consumerKey = consumerKey
        self.key = key.source
        self.keySetting = key.setting
        self.passphrase = arguments.value("private-key-passphrase")
        self.loginURL = loginURL
        self.audience = arguments.value("audience")
    }

    /// Returns the key setting of the highest-precedence source that names a key. Both key
    /// options in that one source conflict; across sources, the higher one wins.
    private static func keySource(_ arguments: ParsedArguments) throws(UsageError) -> (source: KeySource, setting: String)? {
        let fileOrigin = arguments.origin(of: "private-key-file")
        let textOrigin = arguments.origin(of: "private-key")
        if let fileOrigin, let textOrigin, rank(fileOrigin) == rank(textOrigin) {
            throw UsageError(
                "\(arguments.label("private-key-file")) and \(arguments.label("private-key")) both give the private key: keep only one"
            )
        }
        let useFile: Bool
        switch (fileOrigin, textOrigin) {
        case (nil, nil): return nil
        case (_?, nil): useFile = true
        case (nil, _?): useFile = false
        case (let file?, let text?): useFile = rank(file) < rank(text)
        }
        if useFile {
            return (.file(arguments.value("private-key-file")!), arguments.label("private-key-file"))
        }
        return (.text(arguments.value("private-key")!), arguments.label("private-key"))
    }

    /// Orders value sources by precedence: 0 wins.
    private static func rank(_ origin: ValueOrigin) -> Int {
        switch origin {
        case .commandLine: return 0
        case .environment: return 1
        case .configFile: return 2
        }
    }

    /// Reads the private key and returns the credentials. A key path, from either key option,
    /// that does not exist or cannot be opened is an ``InputFileError``. A key that cannot be
    /// decoded is a ``CredentialError``, and an invalid username, consumer key or login URL is a
    /// ``UsageError``.
    func load() throws -> SalesforceCredentials {
        let privateKey: PrivateKey
        do {
            switch key {
            case .file(let path):
                privateKey = try PrivateKey.load(fileAt: path, setting: keySetting, passphrase: passphrase)
            case .text(let text):
                // Text without a BEGIN line that is not a body-only key is tried as a path.
                privateKey = try PrivateKey.load(text, setting: keySetting, passphrase: passphrase)
            }
        } catch {
            if error.problem.isNeitherPEMNorFile || error.problem.isUnreadableFile {
                throw InputFileError(error.description)
            }
            throw error
        }
        do {
            return try SalesforceCredentials(
                username: username, consumerKey: consumerKey, privateKey: privateKey,
                loginURL: loginURL, audience: audience
            )
        } catch {
            // These checks look only at the values given (an empty username, an http login URL).
            throw UsageError(error.description)
        }
    }
}
