// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: sources → parser → cache → state machine → views → terminal.
// Only TidingsTerminal imports ncurses and only TidingsStore imports GRDB.
let package = Package(
    name: "Tidings",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tidings", targets: ["tidings"]),
        .executable(name: "tidings-parse-bench", targets: ["TidingsParseBench"]),
        .executable(name: "tidings-bench", targets: ["TidingsBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CCMark", path: "Sources/CCMark", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "CTermGuard", path: "Sources/CTermGuard"),

        .target(name: "TidingsText", dependencies: ["CLibXML2"]),
        .target(name: "TidingsCore", dependencies: ["TidingsText"]),
        .target(name: "TidingsRender", dependencies: ["TidingsCore", "TidingsText"]),
        .target(name: "TidingsFeeds", dependencies: ["TidingsCore", "TidingsText", "CLibXML2", "CCMark"]),
        .target(name: "TidingsStore", dependencies: ["TidingsCore", "CZlib", "CZstd", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "TidingsExtract", dependencies: ["TidingsText", "CLibXML2"]),
        .target(name: "TidingsTerminal", dependencies: ["TidingsCore", "TidingsRender", "TidingsText", "CNCursesW", "CTermGuard"]),
        // The only importer of FoundationNetworking: HTTP client, politeness and scheduling rules.
        .target(name: "TidingsFetch", dependencies: ["TidingsCore"]),
        // One refresh pipeline for files, folders, exec: and HTTP, shared by the CLI, the reader and tests.
        .target(name: "TidingsRefresh", dependencies: ["TidingsCore", "TidingsFeeds", "TidingsStore", "TidingsFetch", "TidingsExtract"]),
        // Sync with the user's feed server (tt-rss first) behind one protocol; the intent queue lives in Store.
        .target(name: "TidingsSync", dependencies: ["TidingsCore", "TidingsFetch", "TidingsStore"]),
        .executableTarget(name: "tidings", dependencies: [
            "TidingsCore", "TidingsText", "TidingsRender", "TidingsFeeds", "TidingsStore", "TidingsTerminal",
            "TidingsFetch", "TidingsRefresh", "TidingsExtract", "TidingsSync",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "TidingsParseBench", dependencies: ["TidingsFeeds", "TidingsCore"], path: "Sources/TidingsParseBench"),
        .executableTarget(name: "TidingsBench", dependencies: ["TidingsFeeds", "TidingsStore", "TidingsCore"], path: "Sources/TidingsBench"),

        .testTarget(name: "TidingsTextTests", dependencies: ["TidingsText"]),
        .testTarget(name: "TidingsCoreTests", dependencies: ["TidingsCore"]),
        .testTarget(name: "TidingsRenderTests", dependencies: ["TidingsRender", "TidingsCore", "TidingsText"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "TidingsFeedsTests", dependencies: ["TidingsFeeds", "TidingsCore"], exclude: ["Fixtures"]),
        .testTarget(name: "TidingsStoreTests", dependencies: ["TidingsStore", "TidingsCore"]),
        .testTarget(name: "TidingsFetchTests", dependencies: ["TidingsFetch", "TidingsCore"]),
        .testTarget(name: "TidingsRefreshTests", dependencies: ["TidingsRefresh", "TidingsFetch", "TidingsStore", "TidingsFeeds", "TidingsCore"]),
        .testTarget(name: "TidingsExtractTests", dependencies: ["TidingsExtract", "TidingsText"]),
        .testTarget(name: "TidingsSyncTests", dependencies: ["TidingsSync", "TidingsFetch", "TidingsStore", "TidingsCore"]),
        .testTarget(name: "TidingsEndToEndTests", dependencies: []),
    ]
)
