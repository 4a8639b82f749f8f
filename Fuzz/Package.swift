// swift-tools-version:6.0
import PackageDescription

// A libFuzzer target for the parse and chunk stages, kept out of the root package because it
// only links with `-sanitize=fuzzer`, which supplies `main`. Build and run it with `run.sh`.
let package = Package(
    name: "sfstream-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "sfstream", path: "..")],
    targets: [
        .executableTarget(
            name: "PartitionChunkFuzzer",
            dependencies: [.product(name: "SFStream", package: "sfstream")],
            // The entry point is `LLVMFuzzerTestOneInput`, so the target has no top-level code.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
