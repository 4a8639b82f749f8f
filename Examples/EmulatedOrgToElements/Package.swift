// swift-tools-version:6.0
import PackageDescription

// A program that embeds sfstream as a library: it depends on the checkout two folders up, as an
// application would depend on a release of sfstream. The name is given because SwiftPM otherwise
// names a path dependency after its folder, which differs between checkouts.
let package = Package(
    name: "EmulatedOrgToElements",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sfstream", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "EmulatedOrgToElements",
            dependencies: [
                .product(name: "SFStream", package: "sfstream"),
                .product(name: "SalesforceEmulator", package: "sfstream"),
            ]
        ),
    ]
)
