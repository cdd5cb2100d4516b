// SPDX-License-Identifier: Apache-2.0

import RampartPolicy

enum TestData {
    static let matcher = "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher"

    static let hiveDef = ServiceDef(
        name: "hive",
        resources: [
            ResourceDef(name: "database", level: 1, matcher: matcher),
            ResourceDef(name: "table", level: 2, parent: "database", matcher: matcher),
            ResourceDef(name: "column", level: 3, parent: "table", matcher: matcher),
        ],
        accessTypes: [
            AccessTypeDef(name: "select"), AccessTypeDef(name: "update"),
            AccessTypeDef(name: "all", impliedGrants: ["select", "update"]),
        ],
        dataMaskDef: DataMaskDef(
            maskTypes: [DataMaskTypeDef(name: "MASK_SHOW_LAST_4", transformer: "show_last_4({col})"), DataMaskTypeDef(name: "MASK_NULL")],
            accessTypes: [AccessTypeDef(name: "select")],
            resources: [
                ResourceDef(name: "database", matcherOptions: ["wildCard": "false"]),
                ResourceDef(name: "table", parent: "database", matcherOptions: ["wildCard": "false"]),
                ResourceDef(name: "column", parent: "table", matcherOptions: ["wildCard": "false"]),
            ]),
        rowFilterDef: RowFilterDef(
            accessTypes: [AccessTypeDef(name: "select")],
            resources: [ResourceDef(name: "database"), ResourceDef(name: "table", parent: "database")])
    )

    static func res(_ db: String, _ table: String = "*", _ column: String = "*") -> [String: PolicyResource] {
        ["database": PolicyResource(values: [db]), "table": PolicyResource(values: [table]), "column": PolicyResource(values: [column])]
    }

    static func request(
        _ db: String, _ table: String, _ column: String? = nil, access: String = "select", user: String, groups: Set<String> = []
    )
        -> AccessRequest
    {
        var e = ["database": db, "table": table]
        if let column { e["column"] = column }
        return AccessRequest(resource: AccessResource(e), accessType: access, user: user, userGroups: groups)
    }
}
