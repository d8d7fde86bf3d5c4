// swift-tools-version:6.0
// dsbench — a command-line workbench for instruction-tuning datasets, kept in one SQLite file.
// No package dependencies: SQLite comes from the system (Debian libsqlite3-dev).
import PackageDescription

let package = Package(
    name: "dsbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dsbench", targets: ["dsbench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "JSONWriting"),
        .target(name: "Store", dependencies: ["CSQLite", "JSONWriting"]),
        .target(name: "Migrations", dependencies: ["Store"]),
        .target(name: "Hashing"),
        .target(name: "Formats", dependencies: ["Hashing", "JSONWriting"]),
        .target(name: "Curation", dependencies: ["JSONWriting"]),
        .target(name: "LLM", dependencies: ["Hashing"]),
        .target(name: "Synthesis", dependencies: ["LLM", "Curation"]),
        .target(name: "Report"),
        .target(
            name: "Commands",
            dependencies: ["Store", "Migrations", "Hashing", "JSONWriting", "Formats", "LLM", "Synthesis", "Curation", "Report"]
        ),
        .executableTarget(name: "dsbench", dependencies: ["Commands"]),

        .target(name: "TestSupport", dependencies: ["LLM"], path: "Tests/TestSupport"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Migrations"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "JSONWritingTests", dependencies: ["JSONWriting"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Hashing", "Synthesis"]),
        .testTarget(name: "CurationTests", dependencies: ["Curation"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "TestSupport"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"]),
        .testTarget(
            name: "CommandsTests",
            dependencies: ["Commands", "LLM", "Store", "Migrations", "Hashing", "TestSupport", "dsbench"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
