// SPDX-License-Identifier: Apache-2.0

/// Service tags indexed for request enrichment (`RangerTagEnricher`): which tags apply to a
/// requested resource, and how.
struct TagIndex: Sendable {
    struct Entry: Sendable {
        let matcher: PolicyResourceMatcher
        let tags: [TagForEval]
    }

    let entries: [Entry]
    let allTags: [TagForEval]
    let hasValidityPeriods: Bool

    init(_ serviceTags: ServiceTags, serviceDef: CompiledServiceDef) {
        var entries: [Entry] = []
        var all: [TagForEval] = []
        var validity = false
        for r in serviceTags.serviceResources {
            let key = r.id.map(String.init) ?? ""
            let ids = serviceTags.resourceToTagIds[key] ?? []
            var tags: [TagForEval] = []
            for id in ids {
                guard let t = serviceTags.tags[String(id)] else { continue }
                if !t.validityPeriods.isEmpty { validity = true }
                tags.append(TagForEval(type: t.type, attributes: t.attributes, matchType: .selfMatch))
            }
            if tags.isEmpty { continue }
            let m = PolicyResourceMatcher(serviceDef: serviceDef, policyType: .access, resources: r.resourceElements)
            entries.append(Entry(matcher: m, tags: tags))
            all.append(contentsOf: tags)
        }
        self.entries = entries
        self.allTags = all
        self.hasValidityPeriods = validity
    }

    /// Tags of the requested resource, each with its match type.
    func tags(for ctx: RequestContext) -> [TagForEval] {
        var out: [TagForEval] = []
        var seen: Set<TagForEval> = []
        func add(_ t: TagForEval) {
            if seen.insert(t).inserted { out.append(t) }
        }
        if ctx.prepared.isEmpty {
            if ctx.isAny {
                for t in allTags { add(TagForEval(type: t.type, attributes: t.attributes, matchType: .descendant)) }
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
            for t in e.tags { add(TagForEval(type: t.type, attributes: t.attributes, matchType: mt)) }
        }
        return out
    }
}
