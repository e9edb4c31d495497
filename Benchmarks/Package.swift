// swift-tools-version:6.0
// The benchmarks of swarmtop: a package of its own so that `swift test` of the root package
// never builds them. Run with `make bench` (a release build).
import PackageDescription

let package = Package(
    name: "swarmtop-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swarmtop", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "swarmtop-bench",
            dependencies: [.product(name: "SwarmtopCore", package: "swarmtop")]
        ),
    ]
)
