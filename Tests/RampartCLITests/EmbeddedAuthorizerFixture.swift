// SPDX-License-Identifier: Apache-2.0

/// A small service in Ranger's embedded-authorizer layout, with expectations worked out from
/// Ranger's semantics (`RangerAuthzPlugin`): who may read the shop's orders and customers.
enum EmbeddedAuthorizerFixture {
    static let policies = """
        {
          "serviceName": "dev_shop", "policyVersion": 7,
          "serviceDef": {
            "name": "hive", "options": {"enableDenyAndExceptionsInPolicies": "true"},
            "resources": [
              {"name": "database", "level": 10, "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
              {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
              {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}}
            ],
            "accessTypes": [{"name": "select"}, {"name": "update"}],
            "dataMaskDef": {
              "maskTypes": [{"name": "MASK_HASH", "transformer": "mask_hash({col})"}],
              "accessTypes": [{"name": "select"}],
              "resources": [{"name": "database"}, {"name": "table", "parent": "database"}, {"name": "column", "parent": "table"}]
            },
            "rowFilterDef": {
              "accessTypes": [{"name": "select"}],
              "resources": [{"name": "database"}, {"name": "table", "parent": "database"}]
            }
          },
          "policies": [
            {"id": 1, "version": 1, "name": "orders", "policyType": 0, "isEnabled": true, "isAuditEnabled": true,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}, "column": {"values": ["*"]}},
             "policyItems": [
               {"users": ["ann"], "accesses": [{"type": "select", "isAllowed": true}, {"type": "update", "isAllowed": true}]},
               {"users": ["bob"], "accesses": [{"type": "select", "isAllowed": true}]}
             ]},
            {"id": 2, "version": 3, "name": "no eve", "policyType": 0, "isEnabled": true, "isAuditEnabled": true,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
             "denyPolicyItems": [{"users": ["eve"], "accesses": [{"type": "select", "isAllowed": true}]}]},
            {"id": 3, "version": 1, "name": "bob sees Europe", "policyType": 2, "isEnabled": true,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}},
             "rowFilterPolicyItems": [{"users": ["bob"], "accesses": [{"type": "select", "isAllowed": true}],
                                       "rowFilterInfo": {"filterExpr": "region = 'EU'"}}]},
            {"id": 4, "version": 2, "name": "card hashed for bob", "policyType": 1, "isEnabled": true,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}, "column": {"values": ["card"]}},
             "dataMaskPolicyItems": [{"users": ["bob"], "accesses": [{"type": "select", "isAllowed": true}],
                                      "dataMaskInfo": {"dataMaskType": "MASK_HASH"}}]}
          ],
          "tagPolicies": {
            "serviceName": "dev_shop_tag",
            "serviceDef": {"name": "tag", "resources": [{"name": "tag", "level": 1, "matcherOptions": {"wildCard": "false", "ignoreCase": "false"}}],
                           "accessTypes": [{"name": "hive:select"}], "options": {"enableDenyAndExceptionsInPolicies": "true"}},
            "policies": [
              {"id": 11, "version": 1, "name": "PII readers", "policyType": 0, "isEnabled": true, "isAuditEnabled": true,
               "resources": {"tag": {"values": ["PII"]}},
               "policyItems": [{"users": ["tia"], "accesses": [{"type": "hive:select", "isAllowed": true}]}]}
            ]
          }
        }
        """

    static let tags = """
        {
          "serviceName": "dev_shop_tag", "tagVersion": 1, "op": "add_or_update",
          "tags": {"1": {"type": "PII"}},
          "serviceResources": [{"id": 1, "serviceName": "dev_shop",
                                "resourceElements": {"database": {"values": ["sales"]}, "table": {"values": ["customers"]}}}],
          "resourceToTagIds": {"1": [1]}
        }
        """

    static func access(_ user: String, _ resource: String, _ permissions: [String], sub: [String] = []) -> String {
        let subResources = sub.isEmpty ? "" : ", \"subResources\": [\(sub.map { "\"\($0)\"" }.joined(separator: ", "))]"
        return """
            "user": {"name": "\(user)"}, "context": {"serviceName": "dev_shop"},
            "access": {"resource": {"name": "\(resource)"\(subResources)}, "action": "\(permissions[0])",
                       "permissions": [\(permissions.map { "\"\($0)\"" }.joined(separator: ", "))]}
            """
    }

    static let authz = """
        [
          {"comment": "ann reads and updates orders"},
          {"request": {"requestId": "ann select orders", \(access("ann", "table:sales/orders", ["select"]))},
           "result": {"requestId": "ann select orders", "decision": "ALLOW",
                      "permissions": {"select": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}}}}},
           "audits": [{"reqUser": "ann", "access": "select", "action": "select", "repo": "dev_shop", "resType": "table",
                       "resource": "sales/orders", "result": 1, "policy": 1, "agent": "test", "enforcer": "ranger-acl"}]},
          {"request": {"requestId": "bob select,update orders", \(access("bob", "table:sales/orders", ["select", "update"]))},
           "result": {"requestId": "bob select,update orders", "decision": "DENY",
                      "permissions": {
                        "select": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}},
                                   "rowFilter": {"filterExpr": "region = 'EU'", "policy": {"id": 3, "version": 1}}},
                        "update": {"permission": "update", "access": {"decision": "DENY", "policy": {"id": -1}}}}}},
          {"request": {"requestId": "bob select card, total", \(access("bob", "table:sales/orders", ["select"], sub: ["column:card", "column:total"]))},
           "result": {"requestId": "bob select card, total", "decision": "ALLOW",
                      "permissions": {"select": {
                        "permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}},
                        "rowFilter": {"filterExpr": "region = 'EU'", "policy": {"id": 3, "version": 1}},
                        "subResources": {
                          "column:card": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}},
                                          "dataMask": {"maskType": "MASK_HASH", "policy": {"id": 4, "version": 2}}},
                          "column:total": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}}}}}}}},
          {"request": {"requestId": "eve select orders", \(access("eve", "table:sales/orders", ["select"]))},
           "result": {"requestId": "eve select orders", "decision": "DENY",
                      "permissions": {"select": {"permission": "select", "access": {"decision": "DENY", "policy": {"id": 2, "version": 3}}}}}},
          {"request": {"requestId": "tia select tagged customers", \(access("tia", "table:sales/customers", ["select"]))},
           "result": {"requestId": "tia select tagged customers", "decision": "ALLOW",
                      "permissions": {"select": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 11, "version": 1}}}}}},
          {"request": {"requestId": "tia select untagged orders", \(access("tia", "column:sales/orders/total", ["select"]))},
           "result": {"requestId": "tia select untagged orders", "decision": "DENY",
                      "permissions": {"select": {"permission": "select", "access": {"decision": "DENY", "policy": {"id": -1}}}}}}
        ]
        """

    static let multiAuthz = """
        [
          {"request": {"requestId": "bob reads and updates", "user": {"name": "bob"}, "context": {"serviceName": "dev_shop"},
                       "accesses": [{"resource": {"name": "table:sales/orders"}, "action": "select", "permissions": ["select"]},
                                    {"resource": {"name": "table:sales/orders"}, "action": "update", "permissions": ["update"]}]},
           "result": {"requestId": "bob reads and updates", "decision": "PARTIAL",
                      "accesses": [
                        {"decision": "ALLOW", "permissions": {"select": {"permission": "select",
                           "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}},
                           "rowFilter": {"filterExpr": "region = 'EU'", "policy": {"id": 3, "version": 1}}}}},
                        {"decision": "DENY", "permissions": {"update": {"permission": "update",
                           "access": {"decision": "DENY", "policy": {"id": -1}}}}}]}}
        ]
        """

    static let resourcePermissions = """
        [
          {"resource": {"name": "table:sales/orders"}, "context": {"serviceName": "dev_shop"},
           "permissions": {"resource": {"name": "table:sales/orders"},
             "users": {
               "ann": {"select": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}}},
                       "update": {"permission": "update", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}}}},
               "bob": {"select": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 1, "version": 1}}}},
               "eve": {"select": {"permission": "select", "access": {"decision": "DENY", "policy": {"id": 2, "version": 3}}}}}}},
          {"resource": {"name": "table:sales/customers"}, "context": {"serviceName": "dev_shop"},
           "permissions": {"resource": {"name": "table:sales/customers"},
             "users": {
               "eve": {"select": {"permission": "select", "access": {"decision": "DENY", "policy": {"id": 2, "version": 3}}}},
               "tia": {"select": {"permission": "select", "access": {"decision": "ALLOW", "policy": {"id": 11, "version": 1}}}}}}}
        ]
        """
}
