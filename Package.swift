// swift-tools-version:6.1
import PackageDescription

/// Settings every target of ours shares: Swift 6 language mode and the upcoming features
/// our style guide asks for (design/STYLE.md).
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "boa-coord",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "boa-coord", targets: ["boa-coord"]),
        .library(name: "BoaCore", targets: ["BoaCore"]),
        .library(name: "BoaXML", targets: ["BoaXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "BoaCore",
            swiftSettings: strictSettings
        ),
        .target(
            name: "BoaXML",
            dependencies: ["BoaCore", "CLibXML2"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BoaStore",
            dependencies: [
                "BoaCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BoaPlanner",
            dependencies: ["BoaCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BoaSamples",
            dependencies: ["BoaCore", "BoaPlanner"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BoaService",
            dependencies: [
                "BoaCore", "BoaXML", "BoaStore", "BoaPlanner", "BoaSamples",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "boa-coord",
            dependencies: [
                "BoaService", "BoaXML", "BoaStore", "BoaCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "boa-bench",
            dependencies: [
                "BoaCore", "BoaXML", "BoaSamples", "BoaStore", "BoaService", "BoaPlanner", "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/BoaBench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BoaCoreTests",
            dependencies: ["BoaCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BoaXMLTests",
            dependencies: ["BoaCore", "BoaXML", "BoaSamples", "CLibXML2"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BoaPlannerTests",
            dependencies: [
                "BoaCore", "BoaPlanner", "BoaSamples",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BoaStoreTests",
            dependencies: ["BoaCore", "BoaStore", "BoaSamples"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["boa-coord", "BoaCore", "BoaXML", "BoaSamples", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
    ]
)
