// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy

/// Running `test_policyengine_*.json` (TestPolicyEngine / TestPolicyEngineForDeltas).
extension FileRun {
    /// Everything needed to (re)build a snapshot from a test file.
    struct EngineSetup {
        var serviceDef: ServiceDef
        var service: Service
        var policies: [Policy]
        var zones: [SecurityZone]
        var roles: [Role]
        var tagServiceDef: ServiceDef?
        var tagPolicies: [Policy]
        var tagConfigs: [String: String]
        var serviceTags: ServiceTags?
        var usesTagEnricher: Bool
        /// The geolocation enrichers' tables, run by the harness (``GeolocationTable``).
        var geolocation: [GeolocationTable]
        var options: PolicyEngineOptions
        var setupFeatures: Set<String>

        func build() throws(PolicyError) -> PolicySnapshot {
            try PolicySnapshot(
                serviceDef: serviceDef, service: service, policies: policies, roles: roles, zones: zones, tagServiceDef: tagServiceDef,
                tagPolicies: tagPolicies, serviceTags: serviceTags, tagServiceConfigs: tagConfigs, options: options)
        }
    }

    func decodePolicies(_ v: JSONValue?) -> [Policy] {
        (v?.arrayValue ?? []).compactMap { try? PolicyLoader.reencode(Policy.self, $0) }
    }

    func stringMap(_ v: JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for (k, x) in v?.objectValue ?? [:] { if let s = x.stringValue { out[k] = s } }
        return out
    }

    func stringSet(_ v: JSONValue?) -> Set<String> { Set((v?.arrayValue ?? []).compactMap(\.stringValue)) }

    /// Resolves `/policyengine/x.json` against the test-resources root above this file.
    func resolveResource(_ p: String) -> URL? {
        var dir = url.deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent(String(p.drop(while: { $0 == "/" })))
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            if dir.lastPathComponent == "resources" { break }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    func makeSetup(_ root: JSONValue) throws(PolicyError) -> EngineSetup {
        guard let sdv = root["serviceDef"] else { throw PolicyError(code: .invalidModel, message: "no serviceDef") }
        let sd = try PolicyLoader.reencode(ServiceDef.self, sdv)
        let serviceName = root["serviceName"]?.stringValue ?? "svc"
        let tagInfo = root["tagPolicyInfo"]
        let tagServiceName = tagInfo?["serviceName"]?.stringValue
        let service = Service(
            name: serviceName, type: sd.name, tagService: tagInfo == nil ? nil : (tagServiceName ?? "tagdev"),
            configs: stringMap(root["serviceConfig"]))
        var policies = decodePolicies(root["policies"]).map { p -> Policy in
            var c = p
            c.zoneName = nil
            return c
        }
        var zones: [SecurityZone] = []
        var features: Set<String> = []
        for (zname, z) in root["securityZones"]?.objectValue ?? [:] {
            var specs: [[String: [String]]] = []
            for spec in z["resources"]?.arrayValue ?? [] {
                var m: [String: [String]] = [:]
                for (k, v) in spec.objectValue ?? [:] { m[k] = (v.arrayValue ?? []).compactMap(\.stringValue) }
                specs.append(m)
            }
            let containsTag = z["containsAssociatedTagService"]?.boolValue ?? false
            zones.append(
                SecurityZone(
                    name: zname, services: [serviceName: .init(resources: specs)],
                    tagServices: containsTag ? [service.tagService ?? "tagdev"] : []))
            for p in decodePolicies(z["policies"]) {
                var c = p
                c.zoneName = zname
                policies.append(c)
            }
        }
        // Roles: userRoles / groupRoles / roleRoles map a member to the roles it belongs to.
        var members: [String: (users: [String], groups: [String], roles: [String])] = [:]
        for (u, rs) in root["userRoles"]?.objectValue ?? [:] {
            for r in rs.arrayValue ?? [] { if let r = r.stringValue { members[r, default: ([], [], [])].users.append(u) } }
        }
        for (g, rs) in root["groupRoles"]?.objectValue ?? [:] {
            for r in rs.arrayValue ?? [] { if let r = r.stringValue { members[r, default: ([], [], [])].groups.append(g) } }
        }
        for (x, rs) in root["roleRoles"]?.objectValue ?? [:] {
            for r in rs.arrayValue ?? [] { if let r = r.stringValue { members[r, default: ([], [], [])].roles.append(x) } }
        }
        let roles = members.map { name, m in
            Role(name: name, users: m.users.map { .init(name: $0) }, groups: m.groups.map { .init(name: $0) }, roles: m.roles.map { .init(name: $0) })
        }
        var options = PolicyEngineOptions(
            superUsers: stringSet(root["superUsers"]), superGroups: stringSet(root["superGroups"]),
            auditExcludedUsers: stringSet(root["auditExcludedUsers"]), auditExcludedGroups: stringSet(root["auditExcludedGroups"]),
            auditExcludedRoles: stringSet(root["auditExcludedRoles"]), useForwardedIPAddress: true,
            trustedProxyAddresses: ["255.255.255.255", "128.101.101.101", "128.101.101.99"])
        if let mode = root["auditMode"]?.stringValue { options.auditMode = .init(rangerName: mode) }
        options.scheduleTimeZone = Self.rangerHarnessZone

        var tagDef: ServiceDef? = nil
        var tagPolicies: [Policy] = []
        var tagConfigs: [String: String] = [:]
        if let tagInfo {
            if let tsd = tagInfo["serviceDef"] { tagDef = try PolicyLoader.reencode(ServiceDef.self, tsd) }
            tagPolicies = decodePolicies(tagInfo["tagPolicies"])
            tagConfigs = stringMap(tagInfo["serviceConfig"])
        }
        var serviceTags: ServiceTags? = nil
        var usesEnricher = false
        var geolocation: [GeolocationTable] = []
        var engineDef = sd
        for e in (tagDef?.contextEnrichers ?? []) + sd.contextEnrichers {
            let cls = e.enricher?.split(separator: ".").last.map(String.init) ?? ""
            if cls == "RangerTagEnricher" {
                usesEnricher = true
                if let file = e.enricherOptions["serviceTagsFileName"] {
                    if let u = resolveResource(file), let d = try? Data(contentsOf: u),
                        let v = try? LenientJSON.parse([UInt8](d)), let st = try? PolicyLoader.reencode(ServiceTags.self, v)
                    {
                        serviceTags = st
                    } else {
                        features.insert("tag file `\(file)`")
                    }
                } else {
                    features.insert("tag retriever without file")
                }
            } else if cls == "RangerFileBasedGeolocationProvider", let file = e.enricherOptions["FilePath"],
                let u = resolveResource(file) ?? resolveResource("../../main/resources" + file),
                let text = try? String(contentsOf: u, encoding: .utf8),
                let table = GeolocationTable(
                    text, prefix: e.enricherOptions["geolocation.meta.prefix"] ?? "",
                    dotted: e.enricherOptions["IPInDotFormat"]?.lowercased() != "false")
            {
                // The harness enriches the requests; the engine is not told of an enricher it does not run.
                geolocation.append(table)
                engineDef.contextEnrichers.removeAll { $0.name == e.name }
            } else if cls.contains("Geolocation") || cls == "RangerUserStoreEnricher" || cls.contains("Gds") {
                // Only conditions read what these enrichers add; script conditions are reported when used.
            }
        }
        if usesEnricher && serviceTags == nil { serviceTags = ServiceTags() }
        return EngineSetup(
            serviceDef: engineDef, service: service, policies: policies, zones: zones, roles: roles, tagServiceDef: tagDef,
            tagPolicies: tagPolicies, tagConfigs: tagConfigs, serviceTags: serviceTags, usesTagEnricher: usesEnricher, geolocation: geolocation,
            options: options,
            setupFeatures: features)
    }

    mutating func runPolicyEngine(_ root: JSONValue) {
        var setup: EngineSetup
        do {
            setup = try makeSetup(root)
        } catch {
            fail("(setup)", expected: "engine", got: "\(error)")
            return
        }
        // TestPolicyEngineForDeltas shape: only the first step runs upstream.
        if let info = root["testsInfo"] {
            runTests(info["tests"]?.arrayValue ?? [], setup: setup, root: root)
            if let upd = info["updatedPolicies"], let next = info["updatedTestsInfo"] {
                var s2 = setup
                applyDeltas(upd, to: &s2)
                runTests(next["tests"]?.arrayValue ?? [], setup: s2, root: root)
            }
            return
        }
        runTests(root["tests"]?.arrayValue ?? [], setup: setup, root: root)
        if let upd = root["updatedPolicies"] {
            var s2 = setup
            applyDeltas(upd, to: &s2)
            runTests(root["updatedTests"]?.arrayValue ?? [], setup: s2, root: root)
        }
    }

    /// Applies `RangerPolicyDelta`s (0 create, 1 update, 2 delete) by rebuilding the policy list.
    func applyDeltas(_ upd: JSONValue, to setup: inout EngineSetup) {
        for d in upd["policyDeltas"]?.arrayValue ?? [] {
            guard let pv = d["policy"], var p = try? PolicyLoader.reencode(Policy.self, pv) else { continue }
            let change = d["changeType"]?.int64Value ?? 0
            if p.zoneName?.isEmpty == true { p.zoneName = nil }
            let isTag = p.serviceType == "tag" || (setup.service.tagService != nil && p.service == setup.service.tagService)
            if isTag {
                setup.tagPolicies.removeAll { $0.id == p.id }
                if change != 2 { setup.tagPolicies.append(p) }
            } else {
                setup.policies.removeAll { $0.id == p.id }
                if change != 2 { setup.policies.append(p) }
            }
        }
        for (zname, z) in upd["securityZones"]?.objectValue ?? [:] {
            var specs: [[String: [String]]] = []
            for spec in z["resources"]?.arrayValue ?? [] {
                var m: [String: [String]] = [:]
                for (k, v) in spec.objectValue ?? [:] { m[k] = (v.arrayValue ?? []).compactMap(\.stringValue) }
                specs.append(m)
            }
            setup.zones.removeAll { $0.name == zname }
            let containsTag = z["containsAssociatedTagService"]?.boolValue ?? false
            setup.zones.append(
                SecurityZone(
                    name: zname, services: [setup.service.name: .init(resources: specs)],
                    tagServices: containsTag ? [setup.service.tagService ?? "tagdev"] : []))
        }
    }

    mutating func runTests(_ tests: [JSONValue], setup: EngineSetup, root: JSONValue) {
        let snapshot: PolicySnapshot
        do {
            snapshot = try setup.build()
        } catch {
            for t in tests { fail(t["name"]?.stringValue ?? "?", expected: "engine", got: "\(error)") }
            return
        }
        for t in tests {
            let name = t["name"]?.stringValue ?? "?"
            if !setup.setupFeatures.isEmpty {
                skip(name, setup.setupFeatures.sorted().joined(separator: ", "))
                continue
            }
            var request = makeRequest(t["request"] ?? .object([:]), setup: setup)
            // The harness's user store: the attributes of each user, read by `${{USER.x}}`.
            for (key, value) in t["userAttributes"]?[request.user]?.objectValue ?? [:] {
                if let text = value.stringValue { request.userAttributes[key] = text }
            }
            var features: Set<String> = []
            if t["groupAttributes"] != nil { features.insert("user-store") }
            var problems: [(String, String, String)] = []
            var unsupported = features
            var warned = false
            if let exp = t["result"] {
                let r = snapshot.evaluate(request)
                unsupported.formUnion(r.unsupportedFeatures)
                let eAllowed = exp["isAllowed"]?.boolValue ?? false
                let eAudited = exp["isAudited"]?.boolValue ?? false
                if r.isAllowed != eAllowed || r.isAudited != eAudited {
                    problems.append(
                        ("result", "allowed=\(eAllowed) audited=\(eAudited)", "allowed=\(r.isAllowed) audited=\(r.isAudited) policyId=\(r.policyId)"))
                } else if let pid = exp["policyId"]?.int64Value, pid != r.policyId {
                    warned = true
                }
            }
            if let exp = t["dataMaskResult"] {
                let r = snapshot.evaluateDataMask(request)
                unsupported.formUnion(r.unsupportedFeatures)
                let info = exp["additionalInfo"]
                let eType = info?["maskType"]?.stringValue
                let eCond = info?["maskCondition"]?.stringValue
                let eValue = info?["maskedValue"]?.stringValue
                let ePid = exp["policyId"]?.int64Value ?? 0
                if r.maskType != eType || r.maskCondition != eCond || r.maskedValue != eValue || r.policyId != ePid {
                    problems.append(
                        (
                            "dataMaskResult", "type=\(eType ?? "nil") cond=\(eCond ?? "nil") value=\(eValue ?? "nil") policyId=\(ePid)",
                            "type=\(r.maskType ?? "nil") cond=\(r.maskCondition ?? "nil") value=\(r.maskedValue ?? "nil") policyId=\(r.policyId)"
                        ))
                }
            }
            if let exp = t["rowFilterResult"] {
                let r = snapshot.evaluateRowFilter(request)
                unsupported.formUnion(r.unsupportedFeatures)
                let eExpr = exp["additionalInfo"]?["filterExpr"]?.stringValue
                let ePid = exp["policyId"]?.int64Value ?? 0
                if r.filterExpr != eExpr || r.policyId != ePid {
                    problems.append(
                        ("rowFilterResult", "filter=\(eExpr ?? "nil") policyId=\(ePid)", "filter=\(r.filterExpr ?? "nil") policyId=\(r.policyId)"))
                }
            }
            if let exp = t["resourceAccessInfo"] {
                let info = snapshot.resourceAccessInfo(request)
                func names(_ key: String) -> Set<String> { Set((exp[key]?.arrayValue ?? []).compactMap(\.stringValue)) }
                let expected = [names("allowedUsers"), names("allowedGroups"), names("deniedUsers"), names("deniedGroups")]
                let got = [info.allowedUsers, info.allowedGroups, info.deniedUsers, info.deniedGroups]
                if expected != got {
                    problems.append(("resourceAccessInfo", "\(expected.map { $0.sorted() })", "\(got.map { $0.sorted() })"))
                }
            }
            if !unsupported.isEmpty {
                skip(name, unsupported.sorted().joined(separator: ", "))
            } else if problems.isEmpty {
                pass()
                if warned { result.warnings += 1 }
            } else {
                for p in problems { fail("\(name) [\(p.0)]", expected: p.1, got: p.2) }
                result.failed -= problems.count - 1
            }
        }
    }

    func makeRequest(_ r: JSONValue, setup: EngineSetup) -> AccessRequest {
        var resource = Self.accessResource(r["resource"])
        // hbase-agent's harness builds requests with RangerHBaseResource, which drops the
        // `default:` namespace from table names.
        if path.contains("hbase-agent/"), case .single(let t)? = resource.elements["table"], t.hasPrefix("default:") {
            resource.elements["table"] = .single(String(t.dropFirst("default:".count)))
        }
        var context: [String: String] = [:]
        var allTypes: [String]? = nil
        var allGroups: [[String]]? = nil
        var tags: [TagForEval]? = nil
        for (k, v) in r["context"]?.objectValue ?? [:] {
            switch k {
            case "TAGS":
                if let s = v.stringValue, let parsed = try? LenientJSON.parse(s),
                    let list = try? PolicyLoader.reencode([TagForEval].self, parsed)
                {
                    tags = list
                } else if let list = try? PolicyLoader.reencode([TagForEval].self, v) {
                    tags = list
                }
            case "ALLACCESSTYPES":
                allTypes = (v.arrayValue ?? []).compactMap(\.stringValue)
            case "ALLACCESSTYPEGROUPS":
                allGroups = (v.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
            default:
                if let s = v.stringValue { context[k] = s }
            }
        }
        // The client address the engine uses (the first forwarded one: the harness trusts them).
        let forwarded = (r["forwardedAddresses"]?.arrayValue ?? []).compactMap(\.stringValue).first
        if let ip = forwarded ?? r["clientIPAddress"]?.stringValue ?? r["remoteIPAddress"]?.stringValue {
            for table in setup.geolocation { context.merge(table.attributes(for: ip)) { inline, _ in inline } }
        }
        // The tag enricher replaces inline TAGS when the service-def has one.
        if setup.usesTagEnricher { tags = nil } else if tags == nil, setup.tagServiceDef != nil { tags = [] }
        var scopes: [String: ElementMatchingScope] = [:]
        for (k, v) in r["resourceElementMatchingScopes"]?.objectValue ?? [:] {
            if let s = v.stringValue, let sc = ElementMatchingScope(rangerName: s) { scopes[k] = sc }
        }
        var accessTime: Date? = nil
        if let at = r["accessTime"]?.stringValue {
            accessTime = Self.parseGsonDate(at)
        }
        let req = AccessRequest(
            resource: resource, accessType: r["accessType"]?.stringValue ?? "", user: r["user"]?.stringValue ?? "",
            userGroups: stringSet(r["userGroups"]), userRoles: r["userRoles"].map { stringSet($0) }, action: r["action"]?.stringValue,
            requestData: r["requestData"]?.stringValue, clientType: r["clientType"]?.stringValue, sessionId: r["sessionId"]?.stringValue,
            clientIPAddress: r["clientIPAddress"]?.stringValue, remoteIPAddress: r["remoteIPAddress"]?.stringValue,
            forwardedAddresses: (r["forwardedAddresses"]?.arrayValue ?? []).compactMap(\.stringValue), accessTime: accessTime,
            resourceMatchingScope: r["resourceMatchingScope"]?.stringValue.flatMap(ResourceMatchingScope.init(rangerName:)) ?? .selfScope,
            resourceElementMatchingScopes: scopes, isDescendantDenyIgnored: r["isDescendantDenyIgnored"]?.boolValue ?? true,
            context: context, allAccessTypes: allTypes, allAccessTypeGroups: allGroups, tags: tags)
        return req
    }

    /// `yyyyMMdd-HH:mm:ss.SSSZ`.
    static func parseGsonDate(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        for pattern in ["yyyyMMdd-HH:mm:ss.SSSZ", "yyyyMMdd-HH:mm:ss.SSS-Z", "yyyy/MM/dd HH:mm:ss"] {
            f.dateFormat = pattern
            if let d = f.date(from: s) { return d }
        }
        return nil
    }
}
