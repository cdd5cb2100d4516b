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
        var unreadable = false
        for r in serviceTags.serviceResources {
            let key = r.id.map(String.init) ?? ""
            let ids = serviceTags.resourceToTagIds[key] ?? []
            var tags: [ResourceTag] = []
            for id in ids {
                guard let t = serviceTags.tags[String(id)] else { continue }
                // A tag can only add access or restrictions; an unreadable period keeps it (the
                // window's fail-safe answer for something that can deny).
                let validity = ValidityWindow(t.validityPeriods, canDeny: true, defaultZone: scheduleZone)
                if validity?.hasUnreadableRecurrence == true { unreadable = true }
                tags.append(ResourceTag(tag: TagForEval(type: t.type, attributes: t.attributes, matchType: .selfMatch), validity: validity))
            }
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
