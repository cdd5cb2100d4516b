// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Service tags indexed for request enrichment (`RangerTagEnricher`): which tags apply to a
/// requested resource, and how.
///
/// A tag with `validityPeriods` applies only at access times one of them covers (Ranger's
/// `RangerTagForEval.isApplicable`), read like a policy's validity schedules: a tag marking data
/// as embargoed until a date stops counting at that date.
struct TagIndex: Sendable {
    /// A tag of a resource, with the window in which it applies (`nil`: always).
    struct ResourceTag: Sendable {
        let tag: TagForEval
        let validity: ValidityWindow?

        func applies(at time: Date) -> Bool { validity?.contains(time) ?? true }
    }

    struct Entry: Sendable {
        let matcher: PolicyResourceMatcher
        let tags: [ResourceTag]
    }

    let entries: [Entry]
    let allTags: [ResourceTag]
    /// A tag has a validity period that could not be read; it is reported as unsupported.
    let hasUnreadableValidity: Bool

    init(_ serviceTags: ServiceTags, serviceDef: CompiledServiceDef, scheduleZone: TimeZone) {
        var entries: [Entry] = []
        var all: [ResourceTag] = []
        // A tag can only add access or restrictions; an unreadable period keeps it (the window's
        // fail-safe answer for something that can deny). Read once per tag, however many
        // resources carry it.
        let byID = serviceTags.tags.mapValues { t in
            ResourceTag(
                tag: TagForEval(type: t.type, attributes: t.attributes, matchType: .selfMatch),
                validity: ValidityWindow(t.validityPeriods, canDeny: true, defaultZone: scheduleZone))
        }
        var unreadable = false
        for r in serviceTags.serviceResources {
            let key = r.id.map(String.init) ?? ""
            let ids = serviceTags.resourceToTagIds[key] ?? []
            let tags = ids.compactMap { byID[String($0)] }
            if tags.contains(where: { $0.validity?.hasUnreadableRecurrence == true }) { unreadable = true }
            if tags.isEmpty { continue }
            let m = PolicyResourceMatcher(serviceDef: serviceDef, policyType: .access, resources: r.resourceElements)
            entries.append(Entry(matcher: m, tags: tags))
            all.append(contentsOf: tags)
        }
        self.entries = entries
        self.allTags = all
        self.hasUnreadableValidity = unreadable
    }

    /// Tags of the requested resource, each with its match type.
    func tags(for ctx: RequestContext) -> [TagForEval] {
        var out: [TagForEval] = []
        var seen: Set<TagForEval> = []
        func add(_ t: TagForEval) {
            if seen.insert(t).inserted { out.append(t) }
        }
        let time = ctx.accessTime
        if ctx.prepared.isEmpty {
            if ctx.isAny {
                for t in allTags where t.applies(at: time) {
                    add(TagForEval(type: t.tag.type, attributes: t.tag.attributes, matchType: .descendant))
                }
            }
            return out
        }
        let descendantsCount = ctx.isAny || ctx.request.resourceMatchingScope == .selfOrDescendants
        for e in entries {
            let mt = e.matcher.matchType(ctx.prepared, ctx.tokens)
            let ok: Bool
            switch mt {
            case .selfMatch, .selfAndAllDescendants, .ancestor: ok = true
            case .descendant: ok = descendantsCount
            case .none: ok = false
            }
            guard ok else { continue }
            for t in e.tags where t.applies(at: time) { add(TagForEval(type: t.tag.type, attributes: t.tag.attributes, matchType: mt)) }
        }
        return out
    }
}
