// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy

/// Running the embedded authorizer's test files (Ranger's `authz-embedded` module:
/// `tests_authz.json`, `tests_multi_authz.json`, `tests_resource_permissions.json`), whose
/// requests name resources as `table:mydb/tbl1` and ask for several permissions at once.
///
/// The policies come from the files beside them, as Ranger's `EmbeddedResourcePolicySource`
/// reads them: `[appId_]<service>.json` (`ServicePolicies`), `<service>_tag.json`,
/// `<service>_roles.json`, and `<service>_gds.json` (governed data sharing, which Rampart does
/// not evaluate: a request on a shared resource is skipped, named `gds`).
extension FileRun {
    /// The engine for one service of the folder, and what is needed to read its requests.
    struct AuthzService {
        let snapshot: PolicySnapshot
        let serviceDef: ServiceDef
        let name: String
        /// Resources shared through GDS data shares.
        let sharedResources: [[String: PolicyResource]]
        /// The users, groups and roles the allow and deny items of all policies name.
        let principals: (users: Set<String>, groups: Set<String>, roles: Set<String>)

        /// The resource names from the top of the hierarchy to `type` (Ranger's RRN template).
        func template(_ type: String) -> [String]? {
            guard var resource = serviceDef.resources.first(where: { $0.name == type }) else { return nil }
            var path = [resource.name]
            while let parent = resource.parent, !parent.isEmpty, let next = serviceDef.resources.first(where: { $0.name == parent }) {
                path.insert(next.name, at: 0)
                resource = next
                guard path.count <= serviceDef.resources.count else { return nil }
            }
            return path
        }

        /// `type:value/value/…` as resource elements; the last element keeps any further
        /// separators (`path:bucket/dir/file`), and `\` escapes a separator in the others.
        func resource(_ name: String) -> [String: String]? {
            let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let names = template(String(parts[0])) else { return nil }
            let separator = serviceDef.options["rrnResourceSepChar"]?.first ?? "/"
            var values: [String] = []
            var token = ""
            var escaping = false
            for c in parts[1] {
                if c == "\\", !escaping {
                    escaping = true
                    continue
                }
                if c == separator, !escaping, values.count < names.count - 1 {
                    values.append(token)
                    token = ""
                    continue
                }
                token.append(c)
                escaping = false
            }
            values.append(token)
            guard values.count == names.count else { return nil }
            return Dictionary(uniqueKeysWithValues: zip(names, values))
        }

        /// Whether `keys` are exactly one hierarchy of the mask or row-filter definition.
        func supports(_ keys: Set<String>, in resources: [ResourceDef]?) -> Bool {
            guard let resources, !resources.isEmpty else { return false }
            let names = Set(resources.map(\.name))
            let parents = Dictionary(serviceDef.resources.map { ($0.name, $0.parent ?? "") }, uniquingKeysWith: { first, _ in first })
            let leaves = names.filter { name in !names.contains { parents[$0] == name } }
            return leaves.contains { leaf in
                var chain: Set<String> = [leaf]
                var current = leaf
                while let parent = parents[current], names.contains(parent), chain.insert(parent).inserted { current = parent }
                return chain == keys
            }
        }

        /// Whether a GDS data share covers the resource: its values, or below them when recursive.
        func isShared(_ elements: [String: String]) -> Bool {
            sharedResources.contains { shared in
                shared.allSatisfy { name, resource in
                    guard let value = elements[name] else { return false }
                    return resource.values.contains { value == $0 || (resource.isRecursive && value.hasPrefix($0 + "/")) }
                }
            }
        }
    }

    /// Loads the folder's services once per file.
    func authzServices(named names: Set<String>) throws -> [String: AuthzService] {
        let folder = url.deletingLastPathComponent()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func file(_ service: String, suffix: String) -> URL? {
            let name = files.first { $0 == "\(service)\(suffix).json" } ?? files.first { $0.hasSuffix("_\(service)\(suffix).json") }
            return name.map { folder.appendingPathComponent($0) }
        }
        var services: [String: AuthzService] = [:]
        for name in names {
            guard let policiesFile = file(name, suffix: "") else { throw AuthzSetupError("no policies file for service `\(name)`") }
            let root = try LenientJSON.parse([UInt8](Data(contentsOf: policiesFile)))
            let serviceDef = try PolicyLoader.reencode(ServiceDef.self, root["serviceDef"] ?? .null)
            let policies = try PolicyLoader.reencode([Policy].self, root["policies"] ?? .array([]))
            let tagRoot = root["tagPolicies"]
            let tagServiceDef = try tagRoot?["serviceDef"].map { try PolicyLoader.reencode(ServiceDef.self, $0) }
            let tagPolicies = try tagRoot?["policies"].map { try PolicyLoader.reencode([Policy].self, $0) } ?? []
            let serviceTags = try file(name, suffix: "_tag").map { try PolicyLoader.serviceTags(from: Data(contentsOf: $0)) }
            let roles = try file(name, suffix: "_roles").map { try PolicyLoader.roles(from: Data(contentsOf: $0)) } ?? []
            var shared: [[String: PolicyResource]] = []
            if let gdsFile = file(name, suffix: "_gds") {
                let gds = try LenientJSON.parse([UInt8](Data(contentsOf: gdsFile)))
                for entry in gds["resources"]?.arrayValue ?? [] {
                    shared.append(try PolicyLoader.reencode([String: PolicyResource].self, entry["resource"] ?? .object([:])))
                }
            }
            let tagService = tagServiceDef == nil ? nil : (tagRoot?["serviceName"]?.stringValue ?? "\(name)_tag")
            let snapshot = try PolicySnapshot(
                serviceDef: serviceDef, service: Service(name: name, tagService: tagService), policies: policies, roles: roles,
                tagServiceDef: tagServiceDef, tagPolicies: tagPolicies, serviceTags: serviceTags)
            var principals: (users: Set<String>, groups: Set<String>, roles: Set<String>) = ([], [], [])
            for item in (policies + tagPolicies).flatMap({ $0.policyItems + $0.denyPolicyItems }) {
                principals.users.formUnion(item.users.filter { !$0.hasPrefix("{") })
                principals.groups.formUnion(item.groups)
                principals.roles.formUnion(item.roles)
            }
            services[name] = AuthzService(
                snapshot: snapshot, serviceDef: serviceDef, name: name, sharedResources: shared, principals: principals)
        }
        return services
    }

    /// The services the cases name, or `nil` (and a failure) when their files cannot be read.
    mutating func loadServices(_ names: [String]) -> [String: AuthzService]? {
        do {
            return try authzServices(named: Set(names))
        } catch {
            fail("(setup)", expected: "the services' policy files", got: "\(error)")
            return nil
        }
    }

    struct AuthzSetupError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `tests_authz.json` (`multi: false`) or `tests_multi_authz.json`: a list of
    /// `{request, result, audits?}`; entries without a request are comments.
    mutating func runAuthz(_ root: JSONValue, multi: Bool) {
        let cases = (root.arrayValue ?? []).filter { $0["request"] != nil && $0["result"] != nil }
        guard let services = loadServices(cases.compactMap { $0["request"]?["context"]?["serviceName"]?.stringValue }) else { return }
        for (index, test) in cases.enumerated() {
            guard let request = test["request"], let expected = test["result"] else { continue }
            let name = request["requestId"]?.stringValue ?? "case \(index)"
            guard let service = request["context"]?["serviceName"]?.stringValue.flatMap({ services[$0] }) else {
                fail(name, expected: "a known serviceName", got: "none")
                continue
            }
            let accesses = multi ? request["accesses"]?.arrayValue ?? [] : [request["access"] ?? .null]
            var evaluation = AuthzEvaluation(service: service, user: request["user"] ?? .null, context: request["context"] ?? .null)
            var results: [JSONValue] = []
            for access in accesses {
                guard let result = evaluation.authorize(access) else { break }
                results.append(result)
            }
            if let feature = evaluation.unsupported {
                skip(name, feature)
                continue
            }
            guard results.count == accesses.count else {
                fail(name, expected: "resources of the service's templates", got: "a resource Rampart cannot read")
                continue
            }
            var got: [String: JSONValue] = [
                "decision": .string(multi ? Self.combinedDecision(results) : results.first?["decision"]?.stringValue ?? "")
            ]
            if let id = request["requestId"] { got["requestId"] = id }
            if multi {
                got["accesses"] = .array(results.map { result in .object((result.objectValue ?? [:]).filter { $0.key != "requestId" }) })
            } else {
                got["permissions"] = results.first?["permissions"]
            }
            var problems: [(String, String)] = []
            if Self.normalised(.object(got)) != Self.normalised(expected) {
                problems.append(("\(Self.render(expected))", "\(Self.render(.object(got)))"))
            }
            if let audits = test["audits"]?.arrayValue {
                let want = audits.map { Self.auditFields($0) }
                if want != evaluation.audits { problems.append(("audits \(want)", "audits \(evaluation.audits)")) }
            }
            if let (wanted, actual) = problems.first { fail(name, expected: wanted, got: actual) } else { pass() }
        }
    }

    /// `tests_resource_permissions.json`: who may do what on a resource (`getResourceACLs`).
    ///
    /// Rampart asks the engine, for every user, group and role a policy names and every access
    /// type, what it decides for that principal alone; the decided answers are the permissions.
    /// Ranger summarises policies statically instead (marking entries with conditions or validity
    /// schedules conditional), which agrees with this wherever neither is involved.
    mutating func runResourcePermissions(_ root: JSONValue) {
        let cases = (root.arrayValue ?? []).filter { $0["resource"] != nil && $0["permissions"] != nil }
        guard let services = loadServices(cases.compactMap { $0["context"]?["serviceName"]?.stringValue }) else { return }
        for (index, test) in cases.enumerated() {
            let resourceName = test["resource"]?["name"]?.stringValue ?? ""
            let name = resourceName.isEmpty ? "case \(index)" : resourceName
            guard let service = test["context"]?["serviceName"]?.stringValue.flatMap({ services[$0] }),
                let elements = service.resource(resourceName)
            else {
                fail(name, expected: "a known service and resource", got: "none")
                continue
            }
            if service.isShared(elements) {
                skip(name, "gds")
                continue
            }
            var got: [String: JSONValue] = ["resource": test["resource"] ?? .null]
            var unsupported: String?
            for (kind, principals) in [
                ("users", service.principals.users), ("groups", service.principals.groups), ("roles", service.principals.roles),
            ] {
                var entries: [String: JSONValue] = [:]
                for principal in principals.sorted() {
                    var permissions: [String: JSONValue] = [:]
                    for accessType in service.serviceDef.accessTypes.map(\.name) {
                        var request = AccessRequest(
                            resource: AccessResource(elements), accessType: accessType, user: kind == "users" ? principal : "")
                        if kind == "groups" { request.userGroups = [principal] }
                        request.userRoles = kind == "roles" ? [principal] : (kind == "users" ? nil : [])
                        let result = service.snapshot.evaluate(request)
                        if let feature = result.unsupportedFeatures.sorted().first { unsupported = unsupported ?? feature }
                        guard result.isAccessDetermined, result.policyId >= 0 else { continue }
                        permissions[accessType] = .object(["permission": .string(accessType), "access": AuthzEvaluation.access(result)])
                    }
                    if !permissions.isEmpty { entries[principal] = .object(permissions) }
                }
                if !entries.isEmpty { got[kind] = .object(entries) }
            }
            if let unsupported {
                skip(name, unsupported)
            } else if Self.normalised(.object(got)) == Self.normalised(test["permissions"] ?? .null) {
                pass()
            } else {
                fail(name, expected: Self.render(test["permissions"] ?? .null), got: Self.render(.object(got)))
            }
        }
    }

    /// A multi-access result: all allowed, all denied, all undetermined, or partial.
    static func combinedDecision(_ results: [JSONValue]) -> String {
        let decisions = results.map { $0["decision"]?.stringValue ?? "" }
        for decision in ["ALLOW", "DENY", "NOT_DETERMINED"] where decisions.allSatisfy({ $0 == decision }) { return decision }
        return "PARTIAL"
    }

    /// The fields Ranger's test compares in an audit event.
    static func auditFields(_ event: JSONValue) -> [String] {
        ["reqUser", "access", "action", "repo", "resType", "resource", "result", "policy", "agent", "enforcer"].map {
            event[$0]?.stringValue ?? ""
        }
    }

    /// Drops nulls, so that an absent member and `null` compare equal, as Jackson's do.
    static func normalised(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.filter { !$0.value.isNull }.mapValues(normalised))
        case .array(let elements): .array(elements.map(normalised))
        default: value
        }
    }

    static func render(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(normalised(value))).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }
}

/// One request of the embedded authorizer, evaluated as `RangerAuthzPlugin.authorize` does:
/// each permission on the resource, then on each sub-resource (whose results decide the
/// permission), with the row filter and mask where the resource is a whole filter or mask
/// hierarchy.
struct AuthzEvaluation {
    let service: FileRun.AuthzService
    let user: String
    let groups: Set<String>
    let roles: Set<String>?
    let context: [String: String]
    /// A feature a request needs that Rampart lacks, once found.
    private(set) var unsupported: String?
    /// The audit events, as the compared fields.
    private(set) var audits: [[String]] = []

    init(service: FileRun.AuthzService, user: JSONValue, context: JSONValue) {
        self.service = service
        self.user = user["name"]?.stringValue ?? ""
        groups = Set((user["groups"]?.arrayValue ?? []).compactMap(\.stringValue))
        let roles = (user["roles"]?.arrayValue ?? []).compactMap(\.stringValue)
        self.roles = roles.isEmpty ? nil : Set(roles)
        var info: [String: String] = [:]
        for (key, value) in context["additionalInfo"]?.objectValue ?? [:] { if let text = value.stringValue { info[key] = text } }
        self.context = info
    }

    /// The result of one `access` (`{resource: {name, subResources?}, action, permissions}`), or
    /// `nil` when its resource cannot be read.
    mutating func authorize(_ access: JSONValue) -> JSONValue? {
        guard let name = access["resource"]?["name"]?.stringValue, let elements = service.resource(name) else { return nil }
        let action = access["action"]?.stringValue
        let subResources = (access["resource"]?["subResources"]?.arrayValue ?? []).compactMap(\.stringValue)
        var permissions: [String: JSONValue] = [:]
        var decisions: [String] = []
        for permission in (access["permissions"]?.arrayValue ?? []).compactMap(\.stringValue) {
            var result = evaluate(elements, permission: permission, action: action)
            if !subResources.isEmpty {
                // The sub-resources decide: a denial stays, an allow gives way to a denial.
                var decided: [String: JSONValue]? = nil
                var subResults: [String: JSONValue] = [:]
                for subResource in subResources {
                    let parts = subResource.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                    var subElements = elements
                    subElements[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
                    let sub = evaluate(subElements, permission: permission, action: action)
                    subResults[subResource] = .object(sub)
                    guard let from = sub["access"]?.objectValue else { continue }
                    let current = decided?["decision"]?.stringValue
                    let incoming = from["decision"]?.stringValue
                    if current == incoming || current == "DENY" { continue }
                    if current == nil || incoming == "DENY" || incoming == "NOT_DETERMINED" { decided = from }
                }
                result["access"] = decided.map { .object($0) } ?? .object([:])
                result["subResources"] = .object(subResults)
            }
            let decision = result["access"]?["decision"]?.stringValue ?? "NOT_DETERMINED"
            if decision == "DENY" {
                result["dataMask"] = nil
                result["rowFilter"] = nil
            }
            decisions.append(decision)
            permissions[permission] = .object(result)
        }
        let overall =
            decisions.contains("DENY") ? "DENY" : decisions.contains(where: { $0 != "ALLOW" }) ? "NOT_DETERMINED" : "ALLOW"
        return .object(["decision": .string(overall), "permissions": .object(permissions)])
    }

    /// One permission on one resource: access, then row filter and mask where supported.
    private mutating func evaluate(_ elements: [String: String], permission: String, action: String?) -> [String: JSONValue] {
        if service.isShared(elements) { unsupported = unsupported ?? "gds" }
        var request = AccessRequest(
            resource: AccessResource(elements), accessType: permission, user: user, userGroups: groups, userRoles: roles, action: action,
            context: context)
        request.accessTime = Date()
        let snapshot = service.snapshot
        let access = snapshot.evaluate(request)
        if let feature = access.unsupportedFeatures.sorted().first { unsupported = unsupported ?? feature }
        var result: [String: JSONValue] = ["permission": .string(permission), "access": Self.access(access)]
        if access.isAudited {
            let leaf = Self.leaf(elements, service) ?? ""
            let names = service.template(leaf) ?? []
            audits.append([
                user, action ?? "", permission, service.name, leaf, names.compactMap { elements[$0] }.joined(separator: "/"),
                access.isAllowed ? "1" : "0", String(access.policyId), "test", "ranger-acl",
            ])
        }
        let keys = Set(elements.keys)
        if service.supports(keys, in: service.serviceDef.rowFilterDef?.resources) {
            let filter = snapshot.evaluateRowFilter(request)
            if let expression = filter.filterExpr, !expression.trimmingCharacters(in: .whitespaces).isEmpty {
                result["rowFilter"] = .object(["filterExpr": .string(expression), "policy": Self.policy(filter.policyId, filter.policyVersion)])
            }
        }
        if service.supports(keys, in: service.serviceDef.dataMaskDef?.resources) {
            let mask = snapshot.evaluateDataMask(request)
            if let type = mask.maskType, !type.trimmingCharacters(in: .whitespaces).isEmpty {
                var info: [String: JSONValue] = ["maskType": .string(type), "policy": Self.policy(mask.policyId, mask.policyVersion)]
                if let value = mask.maskedValue { info["maskedValue"] = .string(value) }
                result["dataMask"] = .object(info)
            }
        }
        return result
    }

    /// The deepest resource of `elements` in the service's hierarchy (the audit's `resType`).
    private static func leaf(_ elements: [String: String], _ service: FileRun.AuthzService) -> String? {
        elements.keys.max { (service.template($0)?.count ?? 0) < (service.template($1)?.count ?? 0) }
    }

    /// An access result as Ranger's `AccessResult`: the decision and the deciding policy.
    static func access(_ result: AccessResult) -> JSONValue {
        let decision = result.isAccessDetermined ? (result.isAllowed ? "ALLOW" : "DENY") : "NOT_DETERMINED"
        return .object(["decision": .string(decision), "policy": policy(result.policyId, result.policyVersion)])
    }

    private static func policy(_ id: Int64, _ version: Int64?) -> JSONValue {
        var policy: [String: JSONValue] = ["id": .number(Double(id))]
        if id >= 0, let version { policy["version"] = .number(Double(version)) }
        return .object(policy)
    }
}
