// swift-tools-version: 6.0
import PackageDescription

/// libxml2's include folder, for every target that sees GazetteCore (whose C module CLibXML2
/// has no pkgConfig: see below).
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

/// In a release build, the metadata of a generic type (`[ArticleID: ArticleDetails]`,
/// `Range<Int>`) is got from its accessor, not by demangling its name: demangling checks the
/// type's conformances at run time, and the first check of each scans every conformance of
/// this big static binary (about 0.1 ms; 1.3 ms of a feed's first screen, see DECISIONS.md).
/// Exclusive access to a class's properties is checked at compile time and, in debug builds
/// (the tests), at run time too; release builds leave out the run-time check, which cost the
/// screen's thread a lookup per property access (launch → `G` 207 → 193 ms, DECISIONS.md).
let releaseFlags: [SwiftSetting] = [
    .unsafeFlags(
        [
            "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
            "-enforce-exclusivity=unchecked",
        ],
        .when(configuration: .release))
]

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gazette", targets: ["gazette"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Linked by name (module.modulemap), not through pkg-config, whose
        // -L/usr/lib/x86_64-linux-gnu would come before .build-static and pick the shared
        // libraries over the static ones `make build` puts there.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libxml2's headers only: the library is loaded when a feed first needs it
        // (LibXML2.swift), so a dump starts without it and ICU. Hence no pkgConfig here,
        // which would link it, but its include folder by hand.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Starting threads on another CPU than their creator's (GNU calls Swift's Glibc
        // module does not show).
        .target(name: "CThreadPlacement", path: "Sources/CThreadPlacement"),
        // Closing a SQLite connection without folding its log into the file (a variadic call
        // Swift's SQLite module does not show).
        .target(name: "CSQLiteClosing", path: "Sources/CSQLiteClosing"),
        // A dump line's blanks checked 16 bytes a step (BlankRunCheck.swift): SSE2 in C, which
        // a debug build (the tests') runs as fast as a release one, unlike Swift's SIMD16.
        .target(name: "CBlankRuns", path: "Sources/CBlankRuns"),
        .target(
            name: "GazetteCore",
            dependencies: [
                "CLibXML2",
                "CThreadPlacement",
                "CSQLiteClosing",
                "CBlankRuns",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API, for reading a state file's header through SQLite's file layer.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: libxml2Headers + releaseFlags,
            // The toolchain's ICU (Foundation's), for line breaks in Thai, Lao, Khmer and Myanmar.
            linkerSettings: [.linkedLibrary("_FoundationICU")]
        ),
        .target(
            name: "GazetteTUI",
            dependencies: ["GazetteCore", "CNcursesw"],
            swiftSettings: libxml2Headers + releaseFlags
        ),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "GazetteCore",
                "GazetteTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: libxml2Headers + releaseFlags,
            // A position-dependent executable: the loader has no relocations to apply to the
            // Swift metadata at start-up (1.3 ms of every launch). libstdc++, SQLite and
            // ncurses are linked in statically when `make build` has put their static
            // libraries in .build-static (1 ms and 0.6 ms of loading; see DECISIONS.md);
            // without them, the shared ones are used.
            linkerSettings: [
                .unsafeFlags(
                    ["-Xclang-linker", "-no-pie", "-L\(Context.packageDirectory)/.build-static"],
                    .when(configuration: .release))
            ]
        ),
        .executableTarget(
            name: "gazette-bench",
            dependencies: ["GazetteCore", "GazetteTUI"],
            swiftSettings: libxml2Headers
        ),
        .target(
            name: "TestSupport",
            dependencies: ["GazetteCore"],
            path: "Tests/TestSupport",
            swiftSettings: libxml2Headers
        ),
        .testTarget(
            name: "GazetteCoreTests",
            dependencies: ["GazetteCore", "TestSupport"],
            swiftSettings: libxml2Headers
        ),
        .testTarget(
            name: "GazetteTUITests",
            dependencies: ["GazetteTUI", "GazetteCore", "TestSupport"],
            exclude: ["Snapshots"],
            swiftSettings: libxml2Headers
        ),
        .testTarget(
            name: "GazetteCLITests",
            dependencies: ["TestSupport", "gazette"],
            swiftSettings: libxml2Headers
        ),
    ],
    swiftLanguageModes: [.v6]
)
