// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tonearm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tonearm", targets: ["tonearm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Already in the graph through Hummingbird; named for its file system API, which opens a path from bytes.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .executableTarget(name: "tonearm", dependencies: [
            "Analysis", "TrackStore", "CollectionScan", "Models", "Report", "Playlists", "Web", "Evaluation",
            "Users", "Subsonic", "Export", "Similarity", "StoreLock", "Tagging", "ServerPush", "MPDRadio",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TrackStore", dependencies: ["Fusion", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Fusion"),
        .target(name: "CFileTree"),
        .target(name: "CollectionScan", dependencies: ["TrackStore", "CFileTree"]),
        .target(name: "Models", dependencies: ["TrackStore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Analysis", dependencies: ["TrackStore", "CollectionScan", "Models"]),
        .target(name: "StoreLock"),
        .target(name: "Tagging", dependencies: ["TrackStore", "CollectionScan"]),
        .target(name: "MPDRadio", dependencies: ["TrackStore", "Playlists"]),
        .target(name: "ServerPush", dependencies: ["TrackStore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Report", dependencies: ["TrackStore", "Models", "Evaluation", "Export"], resources: [.copy("Assets")]),
        .target(name: "Playlists", dependencies: ["TrackStore", "Similarity", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Similarity", dependencies: ["CHNSW", "WholeFile"]),
        .target(name: "WholeFile"),
        // hnswlib is header-only (Debian's libhnswlib-dev); optimized even in debug builds, where an
        // unoptimized graph build would take minutes in the tests.
        .target(name: "CHNSW", cxxSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "MusicMap", dependencies: ["TrackStore", "Similarity", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Export", dependencies: ["TrackStore", "WholeFile"]),
        .target(name: "Evaluation", dependencies: ["TrackStore"]),
        .target(name: "Users", dependencies: [
            "TrackStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "AudioStreaming", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "_NIOFileSystem", package: "swift-nio"),
        ]),
        .target(name: "Listening", dependencies: ["TrackStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Subsonic", dependencies: [
            "TrackStore", "Playlists", "Similarity", "Users", "AudioStreaming", "Listening", "CollectionScan",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "Web", dependencies: [
            "TrackStore", "Models", "Playlists", "MusicMap",
            "Subsonic", "AudioStreaming",
            "Users", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Templates"), .copy("Static")]),
        .executableTarget(name: "similarity-bench", dependencies: [
                              "TrackStore", "Playlists", "Similarity", .product(name: "GRDB", package: "GRDB.swift"),
                          ],
                          path: "bench/similarity-helper"),
        .target(name: "TestSupport", dependencies: ["TrackStore"], path: "Tests/TestSupport"),
        .testTarget(name: "FusionTests", dependencies: ["Fusion"]),
        .testTarget(name: "TrackStoreTests", dependencies: ["TrackStore", "TestSupport"]),
        .testTarget(name: "CollectionScanTests", dependencies: ["CollectionScan", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"]),
        .testTarget(name: "RayTests", dependencies: ["TrackStore", "TestSupport"], exclude: ["local_ray_cluster.py"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "TestSupport"]),
        .testTarget(name: "PlaylistsTests", dependencies: ["Playlists", "Similarity", "TestSupport"]),
        .testTarget(name: "SimilarityTests", dependencies: ["Similarity", "Playlists", "TestSupport"]),
        .testTarget(name: "WholeFileTests", dependencies: ["WholeFile", "TestSupport"]),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "WebTests", dependencies: [
            "Web", "TestSupport",
            "Users",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "MusicMapTests", dependencies: ["MusicMap", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "AudioStreamingTests", dependencies: ["AudioStreaming"]),
        .testTarget(name: "UsersTests", dependencies: ["Users", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TaggingTests", dependencies: ["TrackStore", "CollectionScan", "TestSupport"]),
        .testTarget(name: "RadioTests", dependencies: ["MPDRadio", "TestSupport"]),
        .testTarget(name: "PushTests", dependencies: ["TrackStore", "CollectionScan", "Playlists", "TestSupport"]),
        .testTarget(name: "SubsonicTests", dependencies: ["Subsonic", "Web", "Users", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)
