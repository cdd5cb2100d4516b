// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // A warning is a finding: deprecated API, a needless `try`, an always-true cast. Dependencies'
    // warnings are theirs (SwiftPM applies this to the package's own targets only).
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Rampart",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rampart", targets: ["RampartCLI"]),
        .library(name: "RampartPolicy", targets: ["RampartPolicy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        // OpenTelemetry traces over OTLP/HTTP only: the gRPC exporter would double the build.
        .package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        // Proleptic Gregorian day numbers in integer arithmetic, for the pure targets below. Pure.
        .target(name: "RampartCalendar", swiftSettings: swiftSettings),
        // Apache Ranger-compatible policy engine. Pure: stdlib and Foundation only.
        .target(name: "RampartPolicy", dependencies: ["RampartCalendar"], swiftSettings: swiftSettings),
        .target(name: "RampartPolicyConformance", dependencies: ["RampartPolicy"], swiftSettings: swiftSettings),
        // Sensitive-data classifiers and the scan engine. Pure: stdlib and Foundation only.
        .target(name: "RampartDiscovery", dependencies: ["RampartCalendar"], swiftSettings: swiftSettings),
        // The SCIM 2.0 protocol engine (RFC 7643/7644): schemas, filters, PATCH, projection. Pure.
        .target(name: "RampartSCIM", dependencies: ["RampartCalendar"], swiftSettings: swiftSettings),
        // The audit log's math: RFC 9162 Merkle tree, proofs, signed checkpoints, verification.
        .target(
            name: "RampartAuditLog", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .executableTarget(
            name: "AuditBench", dependencies: ["RampartAuditLog", .product(name: "Crypto", package: "swift-crypto")], path: "Benchmarks/AuditBench",
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "AuditStoreBench",
            dependencies: [
                "RampartAuditLog", "RampartCore", "RampartStorage", "RampartApp", "RampartServer", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/AuditStoreBench", swiftSettings: swiftSettings),
        .executableTarget(name: "PolicyBench", dependencies: ["RampartPolicy"], path: "Benchmarks/PolicyBench", swiftSettings: swiftSettings),
        .executableTarget(name: "DiscoverBench", dependencies: ["RampartDiscovery"], path: "Benchmarks/DiscoverBench", swiftSettings: swiftSettings),
        // Enforcement inside PostgreSQL at estate scale: plan, apply, incremental sync, masking views.
        .executableTarget(
            name: "SyncBench",
            dependencies: [
                "RampartApp", "RampartConnectors", "RampartEnforcement", "RampartPolicy", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/SyncBench", swiftSettings: swiftSettings),
        // The console's list pages at 100,000 users: seeds a stopped server's SQLite file
        // (scripts/console-bench.sh times the pages over HTTP).
        .executableTarget(
            name: "ConsoleListBench",
            dependencies: ["RampartAuditLog", "RampartCore", "RampartStorage", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/ConsoleListBench", exclude: ["measure.py"], swiftSettings: swiftSettings),
        // Batch-decision throughput of a running server over HTTP (scripts/http-bench.sh).
        .executableTarget(
            name: "HTTPDecisionBench",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/HTTPDecisionBench", swiftSettings: swiftSettings),
        // Where discovery's samples come from: SQLite files, CSV/JSONL directories, PostgreSQL.
        .target(
            name: "RampartConnectors",
            dependencies: [
                "RampartDiscovery",
                "RampartEnforcement",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Enforcement inside PostgreSQL: the planner that turns decisions into roles' grants, row
        // security and masking views. Pure: it reads a catalog and writes SQL text.
        .target(
            name: "RampartEnforcement", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        // Format-preserving encryption (NIST SP 800-38G FF1), keyed tokens and masks, on
        // swift-crypto's AES and HMAC. Pure: no storage, no keyring.
        .target(
            name: "RampartEncryption",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "EncryptionBench",
            dependencies: ["RampartEncryption", "RampartCore", .product(name: "Crypto", package: "swift-crypto")],
            path: "Benchmarks/EncryptionBench", swiftSettings: swiftSettings),
        // Pure domain model: no I/O, no NIO, no Hummingbird.
        .target(
            name: "RampartCore",
            dependencies: [
                "RampartCalendar",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/common-passwords.txt")],
            swiftSettings: swiftSettings
        ),
        // The backup container: header, chunked AES-256-GCM stream, compression, manifest, row codec.
        // Pure: no database code.
        .target(
            name: "RampartBackup",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BackupBench",
            dependencies: [
                "RampartBackup", "RampartStorage", "RampartCore", .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            path: "Benchmarks/BackupBench", swiftSettings: swiftSettings),
        .target(
            name: "RampartStorage",
            dependencies: [
                "RampartCore",
                "RampartAuditLog",
                "RampartBackup",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The application: every use case, the background services and the outbound clients,
        // without HTTP. The CLI, the HTTP layer and (later) the console and workflows call it.
        .target(
            name: "RampartApp",
            dependencies: [
                "RampartCore",
                "RampartAuditLog",
                .product(name: "Crypto", package: "swift-crypto"),
                "RampartPolicy",
                "RampartSCIM",
                "RampartStorage",
                "RampartBackup",
                "RampartDiscovery",
                "RampartConnectors",
                "RampartEnforcement",
                "RampartEncryption",
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP shell: wiring, routing, middleware, request and response DTOs, controllers.
        .target(
            name: "RampartServer",
            // Exactly what its files import.
            dependencies: [
                "RampartApp",
                "RampartAuditLog",
                "RampartBackup",
                "RampartConnectors",
                "RampartCore",
                "RampartDiscovery",
                "RampartEncryption",
                "RampartPolicy",
                "RampartSCIM",
                "RampartStorage",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RampartCLI",
            dependencies: [
                "RampartCore",
                "RampartAuditLog",
                "RampartStorage",
                "RampartApp", "RampartServer",
                "RampartBackup",
                "RampartPolicyConformance",
                "RampartDiscovery",
                "RampartConnectors",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RampartTesting",
            dependencies: [
                "RampartCore",
                "RampartStorage",
                "RampartBackup",
                .product(name: "SQLKit", package: "sql-kit"),
                "RampartApp", "RampartServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RampartCalendarTests", dependencies: ["RampartCalendar"], swiftSettings: swiftSettings),
        .testTarget(name: "RampartCoreTests", dependencies: ["RampartCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartAuditLogTests", dependencies: ["RampartAuditLog", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartBackupTests", dependencies: ["RampartBackup", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartPolicyTests", dependencies: ["RampartPolicy", "RampartPolicyConformance"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartDiscoveryTests", dependencies: ["RampartCalendar", "RampartDiscovery", "RampartTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartEnforcementTests", dependencies: ["RampartEnforcement", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(name: "RampartSCIMTests", dependencies: ["RampartSCIM"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartEncryptionTests", dependencies: ["RampartEncryption", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RampartStorageTests",
            dependencies: [
                "RampartCore", "RampartStorage", "RampartBackup", "RampartTesting", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RampartServerTests",
            dependencies: [
                "RampartCore", "RampartStorage", "RampartApp", "RampartServer", "RampartBackup", "RampartTesting", "RampartAuditLog",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                "RampartConnectors", "RampartEnforcement", "RampartPolicy",
            ],
            // Read from the source tree by path (#filePath), not bundled.
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RampartCLITests",
            dependencies: [
                "RampartCLI", "RampartTesting", "RampartStorage", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
