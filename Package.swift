// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sfstream",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sfstream", targets: ["sfstream"]),
        .executable(name: "sfstream-benchmarks", targets: ["sfstream-benchmarks"]),
        .library(name: "SFStream", targets: ["SFStream"]),
        .library(name: "SalesforceEmulator", targets: ["SalesforceEmulator"]),
    ],
    targets: [
        // System libraries, found with pkg-config (Debian: libxml2-dev, libssl-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),

        // Logging with swift-log's API (Logger, Logger.Level, LogHandler), with no dependencies.
        .target(name: "SFStreamLogging"),
        // The element schema shared by every stage.
        .target(name: "SFStreamElements", dependencies: ["COpenSSL"]),
        // Parse stage: HTML to elements with libxml2.
        .target(name: "SFStreamPartition", dependencies: ["CLibXML2", "SFStreamElements"]),
        // Chunk stage: basic and by_title chunking.
        .target(name: "SFStreamChunking", dependencies: ["SFStreamElements"]),
        // Authenticate, paginate and fetch stages: the Salesforce REST client.
        .target(name: "SFStreamSalesforce", dependencies: ["COpenSSL", "SFStreamLogging"]),
        // The pipeline: bounded channels, stage actors, record rendering.
        .target(
            name: "SFStream",
            dependencies: [
                "SFStreamElements", "SFStreamPartition", "SFStreamChunking", "SFStreamSalesforce", "SFStreamLogging",
            ]
        ),
        // A Salesforce org on loopback: token, query, describe and collections endpoints.
        .target(
            name: "SalesforceEmulator",
            dependencies: ["COpenSSL", "SFStreamLogging"],
            resources: [.copy("Corpus")]
        ),
        // The command-line interface: argument parsing and the commands, kept out of `main` so
        // tests can call them.
        .target(name: "SFStreamCommandLine", dependencies: ["SFStream", "SalesforceEmulator"]),
        .executableTarget(name: "sfstream", dependencies: ["SFStreamCommandLine"]),
        .executableTarget(
            name: "sfstream-benchmarks",
            dependencies: ["SFStream", "SalesforceEmulator", "CLibXML2"],
            path: "Benchmarks/sfstream-benchmarks"
        ),

        .testTarget(name: "LoggingTests", dependencies: ["SFStreamLogging"]),
        .testTarget(name: "PartitionTests", dependencies: ["SFStreamPartition"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChunkingTests", dependencies: ["SFStreamChunking"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SalesforceTests", dependencies: ["SFStreamSalesforce", "SFStreamLogging", "SalesforceEmulator"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EmulatorTests", dependencies: ["SalesforceEmulator", "SFStreamLogging", "COpenSSL"]),
        .testTarget(name: "PipelineTests", dependencies: ["SFStream", "SalesforceEmulator"]),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["SFStreamCommandLine", "SFStream", "SalesforceEmulator"],
            resources: [.copy("Snapshots")]
        ),
    ]
)
