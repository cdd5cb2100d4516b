// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RampartApp
import RampartCore
import RampartServer
import Synchronization

/// Runs the real application (built by the same function `rampart serve` uses) on an ephemeral
/// loopback port and gives tests an HTTP client for it.
package enum TestServer {
    package static let operatorPassword = "correct-horse-battery-staple-42"

    /// Test defaults: cheap scrypt parameters (the hashing itself is tested separately), the
    /// database's own directory, and a known operator password.
    package static func configuration(for database: TestDatabase) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = database.directory
        configuration.databaseURL = database.postgresURL
        configuration.port = 0
        configuration.passwordParameters = .testing
        configuration.bootstrapPassword = Secret(operatorPassword)
        configuration.environment = [:]
        // Tests name file datasources anywhere (missing ones included); the data directory stays
        // forbidden. The product default, no root, turns file datasources off.
        configuration.discovery.allowedPathRoots = ["/"]
        configuration.discovery.sharesPathRootsAcrossTenants = true
        // The test identity provider and test databases listen on loopback; a server without this
        // allowance refuses them like a production server does.
        configuration.outboundAddressPolicy = (try? OutboundAddressPolicy(allowing: ["127.0.0.0/8", "::1/128"])) ?? OutboundAddressPolicy()
        return configuration
    }

    package static func run<R: Sendable>(
        _ configuration: ServerConfiguration, logger: Logger = Logger(label: "rampart-test"), keepLogLevel: Bool = false,
        _ body: @escaping @Sendable (APIClient) async throws -> R
    ) async throws -> R {
        var logger = logger
        if !keepLogLevel && (logger.logLevel > .warning || ProcessInfo.processInfo.environment["RAMPART_TEST_LOG"] == nil) {
            logger.logLevel = .warning
        }
        let server = "server \(UUID().uuidString.prefix(8)) (\(configuration.databaseURL == nil ? "sqlite" : "postgres"))"
        let built = try await TestActivity.track("\(server): building (migrations, store)") {
            try await RampartApplication.build(configuration: configuration, logger: logger)
        }
        let routes = built.routes
        let stopping = Mutex<Int?>(nil)
        defer { if let id = stopping.withLock({ $0 }) { TestActivity.close(id) } }
        return try await TestActivity.track("\(server): running") {
            try await built.application.test(.live) { client in
                let result = try await TestActivity.track("\(server): test body") {
                    try await body(APIClient(client: client, routes: routes, server: server))
                }
                stopping.withLock { $0 = TestActivity.open("\(server): stopping (its services shut down)") }
                return result
            }
        }
    }

    /// A fresh database of `engine`, a server on it, and a client.
    package static func withServer<R: Sendable>(
        _ engine: TestEngine, configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (APIClient) async throws -> R
    ) async throws -> R {
        try await TestDatabase.withFresh(engine) { database in
            var configuration = configuration(for: database)
            configure(&configuration)
            return try await run(configuration, body)
        }
    }
}

/// A thin JSON client over Hummingbird's test client.
package struct APIClient: Sendable {
    package let client: any TestClientProtocol
    /// The routes the application registered, for table-driven tests.
    package let routes: [RouteDescriptor]
    /// Names the server in ``TestActivity``.
    package var server = "server"

    /// The loopback port a live server listens on, for clients outside this process (the CLI).
    package var port: Int? { client.port }

    package struct Reply: Sendable {
        package let status: Int
        package let headers: HTTPFields
        package let body: Data

        package var text: String { String(decoding: body, as: UTF8.self) }

        package func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw RampartError(.malformedJSON, "response is not a JSON object: \(text)")
            }
            return object
        }

        package func string(_ key: String) throws -> String {
            guard let value = try json()[key] as? String else {
                throw RampartError(.malformedJSON, "response has no string `\(key)`: \(text)")
            }
            return value
        }

        package func int(_ key: String) throws -> Int {
            guard let value = try json()[key] as? Int else {
                throw RampartError(.malformedJSON, "response has no integer `\(key)`: \(text)")
            }
            return value
        }

        package var contentType: String? { headers[.contentType] }
    }

    package enum Body: Sendable {
        case none
        case json([String: any Sendable])
        case raw(String, contentType: String?)
    }

    @discardableResult
    package func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, body: Body = .none, headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        switch body {
        case .none: break
        case .json(let object):
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
        case .raw(let text, let contentType):
            if let contentType { headers[.contentType] = contentType }
            buffer = ByteBuffer(string: text)
        }
        let response = try await TestActivity.track("\(method) \(path.prefix(120)) on \(server)") {
            try await client.execute(uri: path, method: method, headers: headers, body: buffer)
        }
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(response.body.readableBytesView))
    }

    // MARK: Conveniences for building fixtures through the API

    package func loginOperator() async throws -> String {
        let reply = try await send(.post, "/v1/auth/login", body: .json(["username": "operator", "password": TestServer.operatorPassword]))
        guard reply.status == 200 else { throw RampartError(.unauthenticated, "operator login failed: \(reply.text)") }
        return try reply.string("token")
    }

    package func login(tenant: String, username: String, password: String) async throws -> Reply {
        try await send(.post, "/v1/auth/login", body: .json(["tenant": tenant, "username": username, "password": password]))
    }

    /// A tenant with a tenant-admin; returns the tenant id and the admin's session token.
    package func makeTenant(
        _ slug: String, operatorToken: String, adminPassword: String = "tenant-owner-passphrase-9"
    )
        async throws -> (id: String, adminToken: String)
    {
        let created = try await send(
            .post, "/v1/tenants", token: operatorToken,
            body: .json(["slug": slug, "displayName": slug.capitalized, "admin": ["username": "admin", "password": adminPassword]]))
        guard created.status == 201, let tenant = try created.json()["tenant"] as? [String: Any], let id = tenant["id"] as? String
        else { throw RampartError(.internalError, "tenant creation failed: \(created.text)") }
        let login = try await login(tenant: slug, username: "admin", password: adminPassword)
        return (id, try login.string("token"))
    }
}
