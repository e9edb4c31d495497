// swift-tools-version:6.0
// The libFuzzer driver of swarmtop's fuzz targets (Tests/FuzzTargets): a package of its own so
// that `swift build` and `swift test` of the root package never build it with sanitizers.
// Built and run by scripts/fuzz (`make test`):
//   swift build -Xswiftc -sanitize=fuzzer,address
import PackageDescription

let package = Package(
    name: "swarmtop-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swarmtop", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "swarmtop-fuzz",
            dependencies: [.product(name: "FuzzTargets", package: "swarmtop")],
            // gold fails on the sanitized objects ("internal error in format_file_lineno"); lld links them.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
)
