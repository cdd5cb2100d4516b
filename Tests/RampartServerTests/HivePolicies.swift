// SPDX-License-Identifier: Apache-2.0

/// A small Ranger export for a Hive-like service: analysts may select from sales.*, the ssn column
/// is masked to its last four characters, rows of `orders` are filtered by region, and `hr` is denied.
enum HivePolicies {
    static func json(service: String) -> String {
        """
        {
          "serviceDef": {
            "name": "hive",
            "resources": [
              {"name": "database", "level": 10, "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
              {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
              {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}}
            ],
            "accessTypes": [{"name": "select"}, {"name": "update"}],
            "dataMaskDef": {
              "maskTypes": [{"name": "MASK_SHOW_LAST_4"}, {"name": "MASK_NULL"}, {"name": "MASK_NONE"}],
              "accessTypes": [{"name": "select"}],
              "resources": [
                {"name": "database", "level": 10, "matcherOptions": {"wildCard": "false"}},
                {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "false"}},
                {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "false"}}
              ]
            },
            "rowFilterDef": {
              "accessTypes": [{"name": "select"}],
              "resources": [
                {"name": "database", "level": 10, "matcherOptions": {"wildCard": "false"}},
                {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "false"}}
              ]
            }
          },
          "service": {"name": "\(service)"},
          "policies": [
            {"id": 1, "name": "analysts read sales", "service": "\(service)", "isEnabled": true, "policyType": 0,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
             "policyItems": [{"groups": ["analysts"], "accesses": [{"type": "select", "isAllowed": true}]}]},
            {"id": 2, "name": "nobody reads hr", "service": "\(service)", "isEnabled": true, "policyType": 0,
             "resources": {"database": {"values": ["hr"]}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
             "denyPolicyItems": [{"groups": ["public"], "accesses": [{"type": "select", "isAllowed": true}]}],
             "policyItems": [{"groups": ["analysts"], "accesses": [{"type": "select", "isAllowed": true}]}]},
            {"id": 3, "name": "mask ssn", "service": "\(service)", "isEnabled": true, "policyType": 1,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["customers"]}, "column": {"values": ["ssn"]}},
             "dataMaskPolicyItems": [{"groups": ["analysts"], "accesses": [{"type": "select", "isAllowed": true}],
                                      "dataMaskInfo": {"dataMaskType": "MASK_SHOW_LAST_4"}}]},
            {"id": 4, "name": "orders by region", "service": "\(service)", "isEnabled": true, "policyType": 2,
             "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}},
             "rowFilterPolicyItems": [{"groups": ["analysts"], "accesses": [{"type": "select", "isAllowed": true}],
                                       "rowFilterInfo": {"filterExpr": "region = 'EU'"}}]}
          ]
        }
        """
    }

    /// Ranger's tag service definition, reduced to what the tests use: tag policies grant
    /// `<component>:<access>` on tags.
    static let tagServiceDef: [String: any Sendable] = [
        "name": "tag",
        "resources": [["name": "tag", "level": 1, "matcherOptions": ["wildCard": "false", "ignoreCase": "false"]] as [String: any Sendable]],
        "accessTypes": [["name": "hive:select"], ["name": "hive:update"]],
        "options": ["enableDenyAndExceptionsInPolicies": "true"],
    ]
}
