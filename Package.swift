// swift-tools-version:6.0
import PackageDescription

/// The functions a run calls (scripts/hot-functions writes them), for the release link to put first.
let hotFunctions = String(#filePath.dropLast("Package.swift".count)) + "Sources/swarmtop/hot-functions.txt"

let package = Package(
    name: "swarmtop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "swarmtop", targets: ["swarmtop"]),
        // For Benchmarks/ (its own package, built by `make bench` only): the terminal-free core.
        .library(name: "SwarmtopCore", targets: ["DockerAPI", "SwarmState", "Dashboard"]),
        // For Fuzz/ (its own package, built with sanitizers by scripts/fuzz): the fuzz targets.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // ncursesw through a C shim (macros and globals as functions). Only TerminalUI imports it.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The C library's wcwidth (display columns of a character), for the terminal-free layout.
        .systemLibrary(name: "CWCWidth"),
        // glibc's allocator settings (<malloc.h>: mallopt), for the dashboard's heap over days.
        .systemLibrary(name: "CMalloc"),
        // The system's zlib (Debian's zlib1g-dev): gzip for recordings.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // simdjson (Debian's libsimdjson-dev) behind a C interface, for decoding the engines' answers.
        .target(name: "CSimdJSON", linkerSettings: [.linkedLibrary("simdjson")]),
        // The Docker Engine API: endpoints, transport, version negotiation, models, operations.
        .target(
            name: "DockerAPI",
            dependencies: [
                "CSimdJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The state store: ClusterSnapshot values and the refresh engine. No terminal code.
        .target(name: "SwarmState", dependencies: ["DockerAPI"]),
        // Recordings of what the engines answered (gzip JSON lines of deltas), and their replay as a SwarmFeed.
        .target(name: "Recording", dependencies: ["SwarmState", "DockerAPI", "CZlib"]),
        // The terminal-free UI core: AppState, actions, reduce, keymap, CellBuffer, views.
        .target(name: "Dashboard", dependencies: ["SwarmState", "CWCWidth"]),
        // Theme files and the config file (TOML), and the effective settings with their sources.
        .target(
            name: "Settings",
            dependencies: ["Dashboard", "DockerAPI", "SwarmState", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // What the actions on the swarm leave behind and must not do: the action log, the read-only refusal.
        .target(
            name: "Actions",
            dependencies: ["Dashboard", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        // The only owner of the terminal: setup/teardown, colours, blitting, keys, UI loop.
        .target(
            name: "TerminalUI",
            dependencies: ["Dashboard", "SwarmState", "DockerAPI", "CNCursesW", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        // The running program's parts: the swarm session (a feed, live or replayed, its clients
        // and recorder), the effect runner, the log view's streams, `snapshot`'s output.
        .target(name: "Session", dependencies: ["Actions", "Settings", "SwarmState", "Dashboard", "DockerAPI"]),
        .executableTarget(
            name: "swarmtop",
            dependencies: [
                "SwarmState", "Dashboard", "TerminalUI", "Settings", "Actions", "Session", "Recording", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["hot-functions.txt"],
            // Resident memory (README, Performance): the toolchain's lld packs the 113,000 relative
            // relocations of the position-independent binary into a bitmap (DT_RELR, glibc 2.36;
            // 2.6 MB that the loader reads at every start), and the binary exports no symbols
            // (-export-dynamic comes with --static-swift-stdlib: a 2.5 MB symbol table that the
            // loader searches for every lookup). Together 6 MB less peak RSS.
            linkerSettings: [
                .unsafeFlags([
                    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                    "-Xlinker", "--no-export-dynamic",
                ], .when(platforms: [.linux])),
                // Resident code (README, Performance): a run executes ~4 MB of the 28 MB of code, spread
                // over all of it, and the kernel maps 64 KB around each page it faults in. The functions
                // it calls go first, side by side (functions in sections of their own: make release
                // compiles with -function-sections): 16.5 -> 10 MB of code resident. A function the
                // list lacks (new, renamed) is only placed with the cold code.
                .unsafeFlags([
                    "-Xlinker", "--symbol-ordering-file=\(hotFunctions)", "-Xlinker", "--no-warn-symbol-ordering",
                ], .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // Engine API responses captured from the lab (scripts/capture-fixtures), shared by the unit tests.
        .target(
            name: "LabFixtures",
            dependencies: ["SwarmState", "DockerAPI"],
            path: "Tests/LabFixtures",
            resources: [.copy("Fixtures")]
        ),
        // The fuzz targets (hostile engine JSON, log streams, keys and sizes), run by libFuzzer in
        // Fuzz/ and replayed over the committed corpus by FuzzTests.
        .target(
            name: "FuzzTargets",
            dependencies: ["DockerAPI", "SwarmState", "Dashboard", "LabFixtures"],
            path: "Tests/FuzzTargets"
        ),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "DockerAPITests",
            dependencies: ["DockerAPI", "CSimdJSON", "LabFixtures", .product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        .testTarget(name: "SwarmStateTests", dependencies: ["SwarmState", "DockerAPI", "LabFixtures"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "SwarmState", "LabFixtures"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "SwarmState", "LabFixtures"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "Dashboard", "DockerAPI", "LabFixtures"]),
        .testTarget(name: "ActionsTests", dependencies: ["Actions", "Dashboard", "DockerAPI"]),
        .testTarget(name: "SessionTests", dependencies: ["Session", "Actions", "Settings", "SwarmState", "Dashboard", "DockerAPI", "LabFixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Dashboard", "CNCursesW", "LabFixtures"]),
        .testTarget(name: "IntegrationTests", dependencies: ["DockerAPI", "SwarmState", "Recording", "Dashboard", "Session", "Settings", "Actions", "LabFixtures"]),
        // The real binary in tmux; depending on it makes `swift test` build it first.
        .testTarget(name: "EndToEndTests", dependencies: ["swarmtop", "LabFixtures"]),
    ],
    cxxLanguageStandard: .cxx17
)
