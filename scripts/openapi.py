#!/usr/bin/env python3
"""Writes Sources/RampartServer/Resources/openapi.json, Rampart's OpenAPI 3.1 description.

The document is kept here as data and regenerated with `python3 scripts/openapi.py`; the server
test suite checks that it lists exactly the routes the server registers.
"""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def problem(desc): return {"description": desc, "content": {"application/problem+json": {"schema": ref("Problem")}}}
def ok(schema, desc="OK", status="200"): return {status: {"description": desc, "content": {"application/json": {"schema": schema}}}}
def page(item): return {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref(item)}, "nextCursor": {"type": ["string", "null"]}}}
# The server decodes optional fields as Swift optionals: JSON null is read as "not given". Request bodies say so: every
# property a body does not require also takes null (and a property that does not apply takes only null), except those
# in NOT_NULL, which the server refuses as null.
NOT_NULL = {"mfaRequired", "changeApproval"}
def nullable(schema):
    if schema is False: return {"type": "null"}
    if not isinstance(schema, dict): return schema
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        out = {**schema, "type": types if "null" in types else types + ["null"]}
        if "enum" in out and None not in out["enum"]: out["enum"] = out["enum"] + [None]
        return out
    if "enum" in schema: return {**schema, "enum": schema["enum"] if None in schema["enum"] else schema["enum"] + [None]}
    if "const" in schema: return {**{k: v for k, v in schema.items() if k != "const"}, "enum": [schema["const"], None]}
    if schema.get("$ref") or "oneOf" in schema or "anyOf" in schema:
        return schema if {"type": "null"} in schema.get("oneOf", []) + schema.get("anyOf", []) else {"anyOf": [schema, {"type": "null"}]}
    return schema
def optional_null(schema, required=()):
    """A copy of `schema` whose optional properties (in nested objects and in oneOf/anyOf branches too) also take null."""
    if not isinstance(schema, dict): return schema
    out = dict(schema)
    required = set(required) | set(schema.get("required", []))
    for key in ("oneOf", "anyOf"):
        if key in out: out[key] = [optional_null(branch, required) for branch in out[key]]
    if isinstance(out.get("properties"), dict):
        out["properties"] = {name: (sub if name in required or name in NOT_NULL else nullable(sub))
                             for name, sub in ((name, optional_null(sub)) for name, sub in out["properties"].items())}
    return out
def body(schema): return {"required": True, "content": {"application/json": {"schema": optional_null(schema)}}}
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
USERID = {"name": "userId", "in": "path", "required": True, "schema": {"type": "string"}}
PAGING = [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}},
          {"name": "cursor", "in": "query", "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{0,64}$"}}]
def SEARCH(what): return {"name": "search", "in": "query", "schema": {"type": "string", "maxLength": 200},
                          "description": f"Only those whose {what} starts with this text, ignoring case (no control characters)"}
SERVICEQ = {"name": "service", "in": "query", "schema": {"type": "string"}, "description": "Only the policies of this service"}
IFMATCH = {"name": "If-Match", "in": "header", "schema": {"type": "string"}, "description": "Optional: the version (ETag) the change is based on"}
COMMON = {"400": problem("Malformed request"), "401": problem("Not authenticated"), "403": problem("Not permitted")}
# Anonymous routes need no credentials, but credentials that are given must be valid.
ANONYMOUS = {"400": problem("Malformed request"), "401": problem("Credentials were given and are not valid")}
UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
# RFC 3339 (the server parses it with Foundation's ISO 8601 parser) or Unix microseconds.
TIME = {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "pattern": "^[0-9]{1,18}$"}]}
INT64_POSITIVE = {"type": "integer", "minimum": 1, "maximum": 9223372036854775807}
NOBODY = {"204": {"description": "Done"}}

def op(summary, tag, responses, security=True, params=None, request=None, extra=None):
    o = {"summary": summary, "tags": [tag], "responses": {**responses, **COMMON} if security else {**ANONYMOUS, **responses}}
    if not security: o["security"] = []
    if params: o["parameters"] = params
    if request: o["requestBody"] = body(request)
    for code in (extra or []):
        o["responses"][code] = problem({"404": "Not found (also for other tenants' objects)", "409": "Conflict", "413": "Body too large",
                                        "415": "Not JSON", "422": "Validation failed", "503": "Database unreachable", "412": "If-Match names another version"}[code])
    return o

S = {"type": "string"}
# Field rules of RampartCore's Validation and the controllers, as JSON Schema. JSON Schema counts code points where
# Swift counts Characters (grapheme clusters, never more than code points), so these are at least as strict as the server.
# Validation.name: trimmed of whitespace, 1-N characters, no control characters (Cc). The first code point must be
# neither whitespace nor a control character, so that trimming cannot leave an empty name.
_WS_OR_CC = "\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_CC = "\\u0000-\\u001f\\u007f-\\u009f"
def text(maximum, optional=False, description=None):
    """Validation.name (optional: Validation.optionalText, where "" means none)."""
    core = f"[^{_WS_OR_CC}][^{_CC}]{{0,{maximum - 1}}}"
    schema = {"type": "string", "pattern": f"^(?:{core})?$" if optional else f"^{core}$",
              "description": description or f"1-{maximum} characters, no control characters, not blank" + ("; \"\" for none" if optional else "")}
    if not optional: schema["minLength"] = 1
    schema["maxLength"] = maximum
    return schema
NAME = text(200)
# Validation.slug: 2-63 of a-z 0-9 -, starting with a letter, not ending with -.
SLUG = {"type": "string", "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$", "minLength": 2, "maxLength": 63}
# Validation.username: 1-128 ASCII letters, digits and . _ - @ +.
USERNAME = {"type": "string", "pattern": "^[A-Za-z0-9._@+-]{1,128}$", "minLength": 1, "maxLength": 128}
# PasswordPolicy: 12-128 characters. Its other rules (4 distinct characters, the common-password list, not the
# username) are the server's alone; scripts/schemathesis.toml says why those bodies are judged by the server.
PASSWORD = {"type": "string", "format": "password", "minLength": 12, "maxLength": 128,
            "description": "12-128 characters with at least 4 distinct ones; not one of the 10,000 most common passwords; must not contain the username"}
# Validation.email: a dot-atom local part of 1-64 and a host name of two or more labels, at most 254 bytes; "" for none.
EMAIL = {"type": "string", "maxLength": 254,
         "pattern": "^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)?$",
         "description": "An e-mail address; \"\" for none"}
# A printable, space-free token without quotes or backslashes (DatasourcesController.token, SSOProvidersController.token).
def token(maximum): return {"type": "string", "pattern": f"^[!#-\\[\\]-~]{{1,{maximum}}}$", "minLength": 1, "maxLength": maximum}
# ThrottlePolicy.validate: durations 1 ms to 30 days, strikeMemory 0 to 30 days, thresholds, IPv6 prefix 32-128.
DURATION = {"type": "integer", "minimum": 1, "maximum": 2592000000, "description": "Milliseconds, at most 30 days"}
THRESHOLD = {"type": "integer", "minimum": 1, "maximum": 10000}
_LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_PORT = "(?::[1-9][0-9]{0,3})?"
def _ci(word): return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else ("\\." if c == "." else c) for c in word)
# WebhookURL.validate: an https:// URL (plain http only when the operator allows it) of at most 2048 bytes, without user
# information, naming a host that is not localhost and not a literal address (names are checked again at delivery).
WEBHOOK_URL = {"type": "string", "maxLength": 2048, "description": "https:// webhook; not localhost, not a literal internal address",
               "pattern": f"^https://(?!(?:[^/:]*\\.)?localhost(?:[:/]|$))(?:[a-z][a-z0-9-]{{0,62}}\\.)+[a-z][a-z0-9-]{{0,62}}{_PORT}"
                          "(?:/[A-Za-z0-9._~-]*)*$"}
# MailboxAddress.validate: a dot-atom local part of at most 64 and a dotted host name, at most 254 in all.
MAILBOX = {"type": "string", "maxLength": 254,
           "pattern": "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"}
# OIDCEndpointPolicy.allows: an https:// URL without user information, query or fragment, of at most 2048 bytes. Entra
# multi-tenant issuers ({tenantid}, …/common|organizations|consumers/v2.0) also need allowedTenantIds: not in this pattern.
ISSUER = {"type": "string", "maxLength": 2048,
          "description": "https:// issuer; discovery at {issuer}/.well-known/openid-configuration. An Entra multi-tenant issuer "
                         "({tenantid}, common, organizations, consumers) also needs allowedTenantIds",
          "pattern": "^https://(?!.*/(?:" + "|".join(_ci(w) for w in ["common", "organizations", "consumers"]) + ")/" + _ci("v2.0") + "$)"
                     f"(?:{_LABEL}\\.)*{_LABEL}{_PORT}(?:/[A-Za-z0-9_~-]+(?:\\.[A-Za-z0-9_~-]+)*)*$"}
# SecurityEventKind's raw values, in declaration order (a server test compares them).
SECURITY_EVENT_KINDS = ["login.failed", "login.succeeded", "login.throttled", "ip.blocked", "tenant.under_attack", "password.recheck_failed",
                        "mfa.enrolled", "mfa.disabled", "mfa.succeeded", "mfa.failed", "mfa.replay_rejected", "recovery.used",
                        "recovery.regenerated", "device.new", "network.new", "device.anomalous", "apikey.new_ip", "apikey.rate_limited", "tenant.rate_limited",
                        "decisions.denial_spike", "backup.failed", "backup.missed", "sync.drift", "sync.failed",
                        "access.requested", "access.decided", "access.break_glass", "access.break_glass_unreviewed", "access.escalated",
                        "change.requested", "change.decided", "change.emergency", "change.emergency_unreviewed", "change.approval_disabled",
                        "review.started", "review.closed"]
schemas = {
    "Problem": {"type": "object", "description": "RFC 9457 problem details", "required": ["type", "title", "status", "code"],
                "properties": {"type": {"type": "string", "example": "urn:rampart:problem:not-found"}, "title": S, "status": {"type": "integer"},
                               "detail": S, "instance": S, "code": S, "field": S, "requestId": S}},
    "Tenant": {"type": "object", "required": ["id", "slug", "displayName", "status"], "properties": {
        "id": S, "slug": S, "displayName": S, "status": {"enum": ["active", "suspended"]}, "createdAt": {"type": "string", "format": "date-time"},
        "updatedAt": {"type": "string", "format": "date-time"}}},
    "User": {"type": "object", "required": ["id", "tenantId", "username", "roles", "status"], "properties": {
        "id": S, "tenantId": S, "username": S, "displayName": {"type": ["string", "null"]}, "email": {"type": ["string", "null"]},
        "roles": {"type": "array", "items": ref("Role")}, "status": {"enum": ["active", "disabled"]}, "hasPassword": {"type": "boolean"},
        "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}}},
    "Group": {"type": "object", "required": ["id", "tenantId", "name"], "properties": {
        "id": S, "tenantId": S, "name": S, "description": {"type": ["string", "null"]},
        "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}}},
    "ApiKey": {"type": "object", "required": ["id", "name", "ownerId", "roles"], "properties": {
        "id": S, "name": S, "ownerId": S, "roles": {"type": "array", "items": ref("Role")}, "createdAt": S, "expiresAt": {"type": ["string", "null"]},
        "lastUsedAt": {"type": ["string", "null"]}, "revokedAt": {"type": ["string", "null"]},
        "decisionRateLimit": ref("DecisionRateLimit"),
        "secret": {"type": "string", "description": "Only in the creation response"},
        "token": {"type": "string", "description": "`<id>.<secret>`, only in the creation response"}}},
    "DecisionRateLimit": {"type": "object", "required": ["burst", "requestsPerSecond"],
        "description": "An API key's own limit on decision requests (`/v1/authorize`, `/v1/authorize/batch`); absent: the server's default (bursts of 20,000, 10,000 requests/s)",
        "properties": {"burst": {"type": "integer", "minimum": 1, "maximum": 1000000},
                       "requestsPerSecond": {"type": "integer", "minimum": 1, "maximum": 1000000}}},
    "Role": {"enum": ["tenant-admin", "security-admin", "auditor", "user", "change-approver"]},
    "RoleDescription": {"type": "object", "properties": {"name": ref("Role"), "permissions": {"type": "array", "items": S}}},
    "Login": {"type": "object", "required": ["username", "password"], "properties": {
        "tenant": {"type": "string", "description": "Tenant slug; omit for the platform operator"}, "username": S, "password": {"type": "string", "format": "password"}}},
    "Session": {"type": "object", "required": ["token", "tokenType", "expiresAt"], "properties": {
        "token": S, "tokenType": {"const": "Bearer"}, "expiresAt": S, "idleTimeoutSeconds": {"type": "integer"}, "sessionId": S,
        "tenant": ref("Tenant"), "user": ref("User"), "operator": S}},
    "Me": {"type": "object", "properties": {"kind": {"enum": ["operator", "user", "api-key"]}, "actor": S, "username": S, "tenant": ref("Tenant"),
           "user": ref("User"), "roles": {"type": "array", "items": ref("Role")}, "permissions": {"type": "array", "items": S},
           "groups": {"type": "array", "items": ref("Group")}}},
    "DecisionRequest": {"type": "object", "required": ["service", "user", "resource", "accessType"], "properties": {
        "service": S, "user": S,
        "groups": {"type": "array", "items": S, "description": "Only for services whose `rampart.identity.source` config is `request` (the caller is trusted); services taking identities from Rampart (the default) refuse it with 422"},
        "roles": {"type": "array", "items": S, "description": "As `groups`"},
        "resource": {"type": "object", "additionalProperties": S}, "accessType": S, "context": {"type": "object", "additionalProperties": S},
        "userAttributes": {"type": "object", "maxProperties": 64, "additionalProperties": {"type": "string", "maxLength": 1024},
                           "description": "The user's attributes for `${{USER.<attribute>}}` in policies; as `groups`, only for `request` services"}}},
    "Decision": {"type": "object", "required": ["allowed", "audited", "policyVersion"], "properties": {
        "allowed": {"type": "boolean"}, "audited": {"type": "boolean"}, "policyId": {"type": ["integer", "null"]}, "policyVersion": {"type": "integer"},
        "reason": S, "mask": {"type": "object", "properties": {"type": S, "value": S, "condition": S, "policyId": {"type": "integer"}}},
        "rowFilter": {"type": "object", "properties": {"expression": S, "policyId": {"type": "integer"}}}}},
    "AuditRecord": {"type": "object", "required": ["seq", "time", "tenantId", "actorType", "operation", "outcome", "leafHash"], "properties": {
        **{k: {"type": "integer"} for k in ["seq", "time"]}, "timestamp": S, "leafHash": S,
        **{k: {"type": ["string", "null"]} for k in ["tenantId", "actorType", "actorId", "sourceIp", "userAgent", "method", "path", "entityType", "entityId",
           "operation", "outcome", "requestId", "batchId", "service", "resource", "accessType", "policyId", "details"]},
        "status": {"type": ["integer", "null"]}, "policyVersion": {"type": ["integer", "null"]}}},
    "SignedCheckpoint": {"type": "object", "required": ["tenantId", "treeSize", "rootHash", "timestamp", "keyId", "signature"], "properties": {
        "tenantId": S, "treeSize": {"type": "integer"}, "rootHash": {"type": "string", "description": "base64"},
        "timestamp": {"type": "integer", "description": "Unix microseconds"}, "keyId": S, "signature": {"type": "string", "description": "base64 Ed25519"}}},
    "Checkpoint": {"type": "object", "properties": {"checkpoint": ref("SignedCheckpoint"), "timestamp": {"type": "string", "format": "date-time"},
        "note": {"type": "string", "description": "signed note text"}}},
    "Status": {"type": "object", "properties": {"status": S}},
    "RangerObject": {"type": "object", "description": "A Ranger JSON object (RangerServiceDef, RangerService, RangerPolicy, RangerRole, "
                     "RangerSecurityZone or ServiceTags) with Ranger's field names; `id` and `version` are assigned by Rampart",
                     "properties": {"id": {"type": "integer"}, "version": {"type": "integer"}, "name": S}},
    "RangerPage": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("RangerObject")},
                   "nextCursor": {"type": ["string", "null"]}}},
    "BackupFile": {"type": "object", "required": ["file", "kind", "sizeBytes", "createdAt"], "properties": {
        "file": S, "kind": {"enum": ["daily", "intraday"]}, "sizeBytes": {"type": "integer"}, "createdAt": {"type": "string", "format": "date-time"}}},
    "JobLease": {"type": "object", "required": ["job", "holder", "acquiredAt", "expiresAt"], "description":
                 "A single-runner job and the server (instance name) that runs it until the lease expires unless renewed", "properties": {
        "job": S, "holder": S, "acquiredAt": {"type": "string", "format": "date-time"}, "expiresAt": {"type": "string", "format": "date-time"}}},
    "Backups": {"type": "object", "required": ["enabled", "backups", "instance", "jobs"], "properties": {
        "enabled": {"type": "boolean"}, "directory": {"type": ["string", "null"]}, "offsiteDirectory": {"type": ["string", "null"]},
        "intradayIntervalSeconds": {"type": "integer"}, "keepDaily": {"type": "integer"}, "keepIntraday": {"type": "integer"},
        "lastSuccess": {"type": ["object", "null"], "properties": {"at": {"type": "string", "format": "date-time"}, "file": S, "kind": S,
                        "sizeBytes": {"type": "integer"}, "rows": {"type": "integer"}, "durationMs": {"type": "integer"}}},
        "lastFailure": {"type": ["object", "null"], "properties": {"at": {"type": "string", "format": "date-time"}, "message": S}},
        "backups": {"type": "array", "items": ref("BackupFile")},
        "instance": {"type": "string", "description": "This server as a lease holder: its instance name (rampart serve --instance-id), '#' and a per-process suffix"},
        "jobs": {"type": "array", "items": ref("JobLease"), "description": "Which server holds each single-runner job's lease"}}},
    "MFAChallenge": {"type": "object", "required": ["status", "challenge", "expiresAt", "methods"], "description":
                     "Answer to a right password when a second factor is needed (instead of a Session)", "properties": {
        "status": {"enum": ["mfa-required", "mfa-enrolment-required"]}, "challenge": {"type": "string", "description": "Single use, short-lived"},
        "expiresAt": S, "methods": {"type": "array", "items": {"enum": ["totp", "recovery-code", "totp-enrolment"]}}}},
    "TOTPEnrollment": {"type": "object", "description": "Shown once", "properties": {"otpauthUri": S, "qrCodeSvg": S,
        "secret": {"type": "string", "description": "Base32, for manual entry"}, "algorithm": {"const": "SHA1"}, "digits": {"const": 6}, "period": {"const": 30}}},
    "RecoveryCodes": {"type": "object", "properties": {"recoveryCodes": {"type": "array", "items": S, "description": "Shown once; each works once"}}},
    "MFAStatus": {"type": "object", "properties": {"totp": {"enum": ["off", "pending", "active"]}, "recoveryCodesRemaining": {"type": "integer"},
                  "required": {"type": "boolean"}}},
    "SessionInfo": {"type": "object", "properties": {"id": S, "device": {"type": ["string", "null"]}, "sourceIp": {"type": ["string", "null"]},
                    "userAgent": {"type": ["string", "null"]}, "createdAt": S, "lastSeenAt": S, "expiresAt": S, "current": {"type": "boolean"}}},
    "Revoked": {"type": "object", "properties": {"revoked": {"type": "integer"}}},
    "SecurityEvent": {"type": "object", "properties": {"id": S, "kind": S, "occurredAt": S, "actorType": S, "actorId": {"type": ["string", "null"]},
                      "sourceIp": {"type": ["string", "null"]}, "userAgent": {"type": ["string", "null"]}, "requestId": {"type": ["string", "null"]},
                      "details": {"type": "object", "additionalProperties": S}}},
    "AlertRule": {"type": "object", "properties": {"id": S, "name": S, "url": {"type": "string", "description": "Webhook; absent for an e-mail-only rule"},
                  "emails": {"type": "array", "items": S, "description": "E-mail recipients; empty for a webhook-only rule"},
                  "kinds": {"type": "array", "items": S, "description": "Empty: every kind"},
                  "notifyParticipants": {"type": "boolean", "description": "Also e-mails workflow events' participants"},
                  "createdAt": S, "secret": {"type": "string", "description": "HMAC-SHA256 key of X-Rampart-Signature; only in the creation response of a rule with a url"},
                  "deliveries": {"type": "array", "items": {"type": "object", "properties": {"id": S, "eventId": S,
                                 "channel": {"type": "string", "enum": ["webhook", "email"]}, "status": {"type": "string", "enum": ["pending", "delivered", "failed"]},
                                 "attempts": {"type": "integer"}, "lastError": S, "updatedAt": S}}}}},
    "ThrottlePolicy": {"type": "object", "description": "Milliseconds; fields left out keep the server default. Besides the bounds here, "
                       "account.maxDelay ≥ account.baseDelay, sourceIP.maxBlockDuration ≥ sourceIP.blockDuration and "
                       "tenant.maxDelay ≥ tenant.baseDelay (after defaults are filled in)", "properties": {
        "account": {"type": "object", "properties": {"window": DURATION, "threshold": THRESHOLD, "baseDelay": DURATION, "maxDelay": DURATION}},
        "sourceIP": {"type": "object", "properties": {"window": DURATION, "threshold": THRESHOLD, "blockDuration": DURATION,
                     "maxBlockDuration": DURATION, "strikeMemory": DURATION | {"minimum": 0, "description": "Milliseconds, 0 to 30 days"},
                     "ipv6Prefix": {"type": "integer", "minimum": 32, "maximum": 128}}},
        "tenant": {"type": "object", "properties": {"window": DURATION, "threshold": THRESHOLD | {"maximum": 1000000},
                   "baseDelay": DURATION, "maxDelay": DURATION}}}},
    "TenantSettings": {"type": "object", "properties": {"mfaRequired": {"type": "boolean"}, "loginThrottle": ref("ThrottlePolicy"),
                       "loginThrottleCustomized": {"type": "boolean"},
                       "changeApproval": {"type": "boolean", "description": "Policy, tagging-rule and approval-rule writes become change requests a second person applies"},
                       "accessRequestMaximumSeconds": {"type": ["integer", "null"], "description": "The longest access any access request may ask for; null: the rules' own maxima"}}},
}
# Request-only components: optional fields take null like every request body's (see optional_null).
for _name in ["ThrottlePolicy", "Login", "DecisionRequest"]: schemas[_name] = optional_null(schemas[_name])
LIMITED = {"429": problem("Too many attempts; see Retry-After")}
ANON = {"401": problem("Invalid challenge or code"), "429": problem("Too many attempts; see Retry-After")}
def items(name): return {"type": "object", "properties": {"items": {"type": "array", "items": ref(name)}, "nextCursor": {"type": ["string", "null"]}}}
paths = {
    "/healthz": {"get": op("Liveness", "system", ok(ref("Status")), security=False)},
    "/readyz": {"get": op("Readiness for a load balancer: 503 while the database is unreachable, migrations are pending or the server is draining", "system", ok(ref("Status")), security=False, extra=["503"])},
    "/metrics": {"get": op("Prometheus metrics", "system", {"200": {"description": "Prometheus text format", "content": {"text/plain": {"schema": S}}}}, security=False)},
    "/openapi.json": {"get": op("This document", "system", ok({"type": "object"}), security=False)},
    "/v1/roles": {"get": op("Built-in roles and their permissions", "identity", ok({"type": "array", "items": ref("RoleDescription")}))},
    "/v1/auth/login": {"post": op("Sign in (tenant user, or the operator without `tenant`)", "auth", ok(ref("Session")), security=False, request=ref("Login"),
                                  extra=["413", "415"]) | {"responses": {**ok(ref("Session")), "401": problem("Invalid username or password"),
                                  "403": problem("Tenant suspended"), "400": problem("Malformed request")}}},
    "/v1/auth/logout": {"post": op("End the current session", "auth", NOBODY)},
    "/v1/me": {"get": op("The caller", "auth", ok(ref("Me")))},
    "/v1/me/password": {"post": op("Change own password (ends every session)", "auth", NOBODY, request={"type": "object", "required": ["currentPassword", "newPassword"],
                        "properties": {"currentPassword": S, "newPassword": PASSWORD}}, extra=["422"])},
    "/v1/tenants": {
        "post": op("Create a tenant (operator)", "tenants", ok({"type": "object", "properties": {"tenant": ref("Tenant"), "admin": ref("User"),
                   "adminPassword": {"type": "string", "description": "Generated password, shown once"}}}, "Created", "201"),
                   request={"type": "object", "required": ["slug", "displayName"], "properties": {"slug": SLUG,
                   "displayName": NAME, "admin": {"type": "object", "required": ["username"], "properties": {"username": USERNAME, "password": PASSWORD,
                   "email": EMAIL}}}},
                   extra=["409", "413", "415", "422"]),
        "get": op("List tenants (operator)", "tenants", ok(page("Tenant")), params=PAGING)},
    "/v1/tenants/{id}": {
        "get": op("Get a tenant (operator)", "tenants", ok(ref("Tenant")), params=[ID], extra=["404"]),
        "patch": op("Rename, suspend or reactivate a tenant (operator)", "tenants", ok(ref("Tenant")), params=[ID],
                    request={"type": "object", "properties": {"displayName": NAME, "status": {"enum": ["active", "suspended"]}}}, extra=["404", "422"])},
    "/v1/users": {
        "post": op("Create a user", "identity", ok(ref("User"), "Created", "201"), request={"type": "object", "required": ["username"], "properties": {
                   "username": USERNAME, "password": PASSWORD, "displayName": text(200, optional=True), "email": EMAIL,
                   "roles": {"type": "array", "items": ref("Role"), "description": "Default: [user]"}}}, extra=["409", "413", "415", "422"]),
        "get": op("List users", "identity", ok(page("User")), params=PAGING + [SEARCH("username")])},
    "/v1/users/{id}": {
        "get": op("Get a user", "identity", ok(ref("User")), params=[ID], extra=["404"]),
        "patch": op("Update a user", "identity", ok(ref("User")), params=[ID], request={"type": "object", "properties": {"displayName": text(200, optional=True), "email": EMAIL,
                    "roles": {"type": "array", "items": ref("Role")}, "status": {"enum": ["active", "disabled"]}}}, extra=["404", "409", "422"]),
        "delete": op("Delete a user (not oneself: 409)", "identity", NOBODY, params=[ID], extra=["404", "409"])},
    "/v1/users/{id}/password": {"put": op("Set a user's password (ends their sessions)", "identity", NOBODY, params=[ID],
                                request={"type": "object", "required": ["password"], "properties": {"password": PASSWORD}}, extra=["404", "422"])},
    "/v1/users/{id}/groups": {"get": op("Groups of a user", "identity", ok(page("Group")), params=[ID], extra=["404"])},
    "/v1/users/{id}/sso-identities": {
        "get": op("Identities at the tenant's OpenID providers that sign in as this user (tenant-admin)", "sso", ok(page("SSOIdentityLink")),
                  params=[ID], extra=["404"]),
        "post": op("Link an identity (iss, sub) at a provider to this user, whatever its roles (tenant-admin)", "sso",
                   ok(ref("SSOIdentityLink"), "Linked", "201"), params=[ID],
                   request={"type": "object", "required": ["providerId", "subject"], "properties": {
                       "providerId": UUID, "subject": {"type": "string", "minLength": 1, "maxLength": 255, "description": "The ID token's sub (1-255 bytes)"},
                       "issuer": {"type": "string", "description": "The ID token's iss (default: the provider's issuer; required for Entra multi-tenant providers)"}}},
                   extra=["404", "409", "422"])},
    "/v1/users/{id}/sso-identities/{providerId}": {"delete": op("Unlink the user's identity at a provider (tenant-admin)", "sso", NOBODY,
        params=[ID, {"name": "providerId", "in": "path", "required": True, "schema": S}], extra=["404"])},
    "/v1/groups": {
        "post": op("Create a group", "identity", ok(ref("Group"), "Created", "201"), request={"type": "object", "required": ["name"], "properties": {"name": NAME, "description": text(1000, optional=True)}},
                   extra=["409", "422"]),
        "get": op("List groups", "identity", ok(page("Group")), params=PAGING + [SEARCH("name")])},
    "/v1/groups/{id}": {
        "get": op("Get a group", "identity", ok(ref("Group")), params=[ID], extra=["404"]),
        "patch": op("Update a group", "identity", ok(ref("Group")), params=[ID], request={"type": "object", "properties": {"name": NAME, "description": text(1000, optional=True)}}, extra=["404", "409", "422"]),
        "delete": op("Delete a group", "identity", NOBODY, params=[ID], extra=["404"])},
    "/v1/groups/{id}/members": {"get": op("Members of a group", "identity", ok(page("User")), params=[ID] + PAGING, extra=["404"])},
    "/v1/groups/{id}/members/{userId}": {
        "put": op("Add a member", "identity", {"201": {"description": "Added"}, "204": {"description": "Already a member"}}, params=[ID, USERID], extra=["404"]),
        "delete": op("Remove a member", "identity", NOBODY, params=[ID, USERID], extra=["404"])},
    "/v1/api-keys": {
        "post": op("Create an API key (secret shown once)", "identity", ok(ref("ApiKey"), "Created", "201"), request={"type": "object", "required": ["name"],
                   "properties": {"name": NAME, "roles": {"type": "array", "minItems": 1, "items": ref("Role"),
                   "description": "Default: the creator's roles; never a permission the creator lacks"},
                   "expiresInDays": {"type": "integer", "minimum": 1, "maximum": 3650},
                   "decisionRateLimit": ref("DecisionRateLimit")}}, extra=["422"]),
        "get": op("List API keys (own; all for tenant-admins)", "identity", ok(page("ApiKey")), params=PAGING)},
    "/v1/api-keys/{id}": {
        "get": op("Get an API key (a revoked key stays readable, with `revokedAt`)", "identity", ok(ref("ApiKey")), params=[ID], extra=["404"]),
        "delete": op("Revoke an API key: it stops authenticating at once; its record stays for the audit trail", "identity", NOBODY,
                     params=[ID], extra=["404"])},
    "/v1/policies/import": {"post": op("Import a Ranger service: serviceDef, service and policies (Ranger export JSON)", "policies",
                            ok({"type": "object", "properties": {"service": S, "version": {"type": "integer"}, "policies": {"type": "integer"}}}),
                            request={"type": "object", "required": ["serviceDef", "policies"], "properties": {"serviceDef": {"type": "object"},
                            "service": {}, "policies": {"type": "array", "items": {"type": "object"}}}}, extra=["409", "413", "415", "422"])},
    "/v1/policies/export": {"get": op("Export a service in Ranger JSON", "policies", ok({"type": "object"}),
                            params=[{"name": "service", "in": "query", "required": True, "schema": S}], extra=["404"])},
    "/v1/authorize": {"post": op("Decide one access request", "decisions", ok(ref("Decision")), request=ref("DecisionRequest"), extra=["404", "422"])},
    "/v1/authorize/batch": {"post": op("Decide up to 1,000 access requests", "decisions", ok({"type": "object", "properties": {
                            "decisions": {"type": "array", "items": ref("Decision")}}}), request={"type": "object", "required": ["requests"], "properties": {
                            "requests": {"type": "array", "maxItems": 1000, "items": ref("DecisionRequest")}}}, extra=["404", "422"])},
    "/v1/audit/records": {"get": op("Audit records of the tenant, oldest first (auditor)", "audit", ok({"type": "object", "properties": {
                          "items": {"type": "array", "items": ref("AuditRecord")}, "nextCursor": {"type": ["string", "null"]}}}),
                          params=[{"name": n, "in": "query", "schema": schema, "description": d} for n, schema, d in [
                              ("from", TIME, "RFC 3339 time or Unix microseconds, inclusive"),
                              ("to", TIME, "RFC 3339 time or Unix microseconds, exclusive"),
                              ("actor", {"type": "string", "minLength": 1, "maxLength": 200}, "actor id (user id, API key id)"),
                              ("entity", {"type": "string", "minLength": 1, "maxLength": 200}, "entity id"),
                              ("outcome", {"enum": ["allowed", "denied", "error"]}, "allowed, denied or error"),
                              ("cursor", {"type": "string", "pattern": "^[0-9]{1,18}$"}, "sequence number to continue after")]]
                          + [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}], extra=["422"])},
    "/v1/audit/checkpoints": {"post": op("Sign a checkpoint of the tenant log now", "audit", ok(ref("Checkpoint"), "Created", "201"), extra=["404"])},
    "/v1/audit/checkpoints/latest": {"get": op("The newest signed checkpoint", "audit", ok(ref("Checkpoint")), extra=["404"])},
    "/v1/audit/proof/inclusion": {"get": op("RFC 9162 inclusion proof of record `seq` in the tree of `size`", "audit", ok({"type": "object", "properties": {
                                  "seq": {"type": "integer"}, "treeSize": {"type": "integer"}, "leafHash": S, "proof": {"type": "array", "items": S},
                                  "checkpoint": {"oneOf": [ref("SignedCheckpoint"), {"type": "null"}]}}}), params=[{"name": "seq", "in": "query", "required": True, "schema": INT64_POSITIVE},
                                  {"name": "size", "in": "query", "schema": INT64_POSITIVE}], extra=["404", "422"])},
    "/v1/audit/proof/consistency": {"get": op("RFC 9162 consistency proof between tree sizes `from` and `to`", "audit", ok({"type": "object", "properties": {
                                    "from": {"type": "integer"}, "to": {"type": "integer"}, "proof": {"type": "array", "items": S}}}),
                                    params=[{"name": "from", "in": "query", "required": True, "schema": INT64_POSITIVE},
                                    {"name": "to", "in": "query", "required": True, "schema": INT64_POSITIVE}], extra=["404", "422"])},
    "/v1/audit/public-key": {"get": op("The tenant's checkpoint signing keys (Ed25519, base64)", "audit", ok({"type": "object", "properties": {
                             "keys": {"type": "array", "items": {"type": "object", "properties": {"keyId": S, "algorithm": S, "publicKey": S, "createdAt": S}}}}}))},
    **{base: {
        "post": op(f"Create a {what}", "policy administration", ok(ref("RangerObject"), "Created", "201"), request=ref("RangerObject"),
                   extra=["409", "413", "415", "422"]),
        "get": op(f"List {what}s", "policy administration", ok(ref("RangerPage")), params=PAGING + ([SERVICEQ] if base == "/v1/policies" else []))}
       for base, what in [("/v1/service-defs", "service definition"), ("/v1/services", "service"), ("/v1/policies", "policy"),
                          ("/v1/policy-roles", "Ranger role"), ("/v1/zones", "security zone")]},
    **{base + "/{id}": {
        "get": op(f"Get a {what}", "policy administration", ok(ref("RangerObject")), params=[ID], extra=["404"]),
        "put": op(f"Replace a {what} (bumps its version and the tenant's policy version)", "policy administration", ok(ref("RangerObject")),
                  params=[ID, IFMATCH], request=ref("RangerObject"), extra=["404", "409", "412", "422"]),
        "delete": op(f"Delete a {what}", "policy administration", NOBODY, params=[ID, IFMATCH], extra=["404", "409", "412"])}
       for base, what in [("/v1/service-defs", "service definition"), ("/v1/services", "service"), ("/v1/policies", "policy"),
                          ("/v1/policy-roles", "Ranger role"), ("/v1/zones", "security zone")]},
    "/v1/services/{id}/tags": {
        "put": op("Replace the tags of a tag service (Ranger ServiceTags JSON); refused (409) while the tenant's changeApproval is on",
                  "policy administration", ok(ref("RangerObject")), params=[ID, IFMATCH], request=ref("RangerObject"),
                  extra=["404", "409", "412", "413", "422"]),
        "get": op("The tags of a tag service", "policy administration", ok(ref("RangerObject")), params=[ID], extra=["404"])},
    "/v1/backups": {"get": op("Scheduled backups: configuration, last success and failure, files on disk (operator)", "backups", ok(ref("Backups")))},
    "/v1/keys": {"get": op("Data-key versions of the tenant", "keys", ok({"type": "object", "properties": {"currentVersion": {"type": "integer"},
                 "versions": {"type": "array", "items": {"type": "integer"}}}}))},
    "/v1/keys/rotate": {"post": op("Rotate the tenant data key, re-encrypt stored secrets and the token vault", "keys", ok({"type": "object", "properties": {
                        "currentVersion": {"type": "integer"}, "rewrappedSecrets": {"type": "integer"},
                        "reencryptedVaultEntries": {"type": "integer", "description": "Token-vault entries moved to the new key version"}}}))},
    "/v1/auth/mfa": {"post": op("Second login step: challenge plus a TOTP code or a recovery code", "auth", {**ok(ref("Session")), **ANON}, security=False,
                     request={"type": "object", "required": ["challenge"], "properties": {"challenge": S, "code": S, "recoveryCode": S}}, extra=["422"])},
    "/v1/auth/mfa/totp": {"post": op("Enrol an authenticator with an enrolment challenge (tenant requires two-factor login)", "auth",
                          {**ok(ref("TOTPEnrollment")), **ANON}, security=False, request={"type": "object", "required": ["challenge"], "properties": {"challenge": S}},
                          extra=["409"])},
    "/v1/auth/mfa/totp/activate": {"post": op("Activate the enrolled authenticator and sign in (returns recovery codes once)", "auth",
                                   {**ok(ref("Session")), **ANON}, security=False, request={"type": "object", "required": ["challenge", "code"],
                                   "properties": {"challenge": S, "code": S}}, extra=["422"])},
    "/v1/me/mfa": {
        "get": op("Own two-factor status", "auth", ok(ref("MFAStatus"))),
        "delete": op("Turn off own two-factor login (needs a current code or the password)", "auth", NOBODY,
                     request={"type": "object", "properties": {"code": S, "password": S}}, extra=["422"])},
    "/v1/me/mfa/totp": {"post": op("Start TOTP enrolment (otpauth URI and QR code shown once)", "auth", ok(ref("TOTPEnrollment")), extra=["409"])},
    "/v1/me/mfa/totp/activate": {"post": op("Activate TOTP with a current code; returns ten recovery codes once", "auth", ok(ref("RecoveryCodes")),
                                 request={"type": "object", "required": ["code"], "properties": {"code": S}}, extra=["409", "422"])},
    "/v1/me/mfa/recovery-codes": {"post": op("Replace own recovery codes (the old ones stop working)", "auth", ok(ref("RecoveryCodes")), extra=["422"])},
    "/v1/me/sessions": {
        "get": op("Own sessions (device, address, user agent, times, current flag)", "auth", ok(items("SessionInfo"))),
        "delete": op("Revoke own sessions: all, or with ?others=true all but this one", "auth", ok(ref("Revoked")),
                     params=[{"name": "others", "in": "query", "schema": {"type": "boolean"}}])},
    "/v1/me/sessions/{id}": {"delete": op("Revoke one own session", "auth", NOBODY, params=[ID], extra=["404"])},
    "/v1/users/{id}/sessions": {
        "get": op("A user's sessions", "identity", ok(items("SessionInfo")), params=[ID], extra=["404"]),
        "delete": op("Revoke all of a user's sessions", "identity", ok(ref("Revoked")), params=[ID], extra=["404"])},
    "/v1/users/{id}/mfa": {"delete": op("Reset a user's two-factor login (also ends their sessions)", "identity", NOBODY, params=[ID], extra=["404"])},
    "/v1/security/events": {"get": op("Security events of the tenant, newest first (tenant-admin, security-admin, auditor)", "security", ok(items("SecurityEvent")),
                            params=[{"name": "kind", "in": "query", "schema": {"enum": SECURITY_EVENT_KINDS}}, {"name": "since", "in": "query", "schema": TIME,
                            "description": "RFC 3339 time or Unix microseconds"}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                            {"name": "cursor", "in": "query", "schema": UUID}], extra=["422"])},
    "/v1/security/alert-rules": {
        "post": op("Create an alert rule: event kinds to a webhook (secret shown once), to e-mail recipients (needs the server's --smtp-url; "
                   "422 with field `emails` otherwise), or both", "security", ok(ref("AlertRule"), "Created", "201"),
                   request={"type": "object", "required": ["name"], "description": "At least one of url and emails",
                            "properties": {"name": NAME, "url": WEBHOOK_URL,
                                           "emails": {"type": "array", "items": MAILBOX, "maxItems": 20,
                                                      "description": "Recipients (local@domain, no quoting or comments)"},
                                           "kinds": {"type": "array", "items": {"enum": SECURITY_EVENT_KINDS}, "description": "Empty or absent: every kind"},
                                           "notifyParticipants": {"type": "boolean", "description": "Also e-mail workflow events' participants at their own "
                                                                  "addresses: the approver group's members for access.requested and access.escalated, the "
                                                                  "requester for access.decided (needs --smtp-url)"}},
                            "anyOf": [{"required": ["url"], "properties": {"url": {"type": "string"}}},
                                      {"required": ["emails"], "properties": {"emails": {"type": "array", "minItems": 1}}},
                                      {"required": ["notifyParticipants"], "properties": {"notifyParticipants": {"const": True}}}]}, extra=["422"]),
        "get": op("Alert rules of the tenant", "security", ok(items("AlertRule")))},
    "/v1/security/alert-rules/{id}": {
        "get": op("An alert rule with its recent deliveries", "security", ok(ref("AlertRule")), params=[ID], extra=["404"]),
        "delete": op("Delete an alert rule", "security", NOBODY, params=[ID], extra=["404"])},
    "/v1/tenant/settings": {
        "get": op("Tenant security settings (tenant-admin)", "security", ok(ref("TenantSettings"))),
        "patch": op("Change tenant security settings: mfaRequired, loginThrottle (null resets), changeApproval (four eyes; turning it off raises change.approval_disabled)",
                    "security", ok(ref("TenantSettings")),
                    request={"type": "object", "properties": {"mfaRequired": {"type": "boolean"}, "loginThrottle": {"oneOf": [ref("ThrottlePolicy"), {"type": "null"}]},
                                                              "changeApproval": {"type": "boolean"},
                                                              "accessRequestMaximumSeconds": {"type": ["integer", "null"], "minimum": 60, "maximum": 7776000,
                                                                                              "description": "null removes the cap"}},
                             "anyOf": [{"required": ["mfaRequired"]}, {"required": ["loginThrottle"]}, {"required": ["changeApproval"]},
                                       {"required": ["accessRequestMaximumSeconds"]}]},
                    extra=["422"])},
}
# SCIM 2.0 (RFC 7643/7644) under /scim/v2/{tenant}: the tenant's SCIM token, SCIM JSON and SCIM errors.
schemas["SCIMError"] = {"type": "object", "required": ["schemas", "status"], "properties": {
    "schemas": {"type": "array", "items": S}, "status": S, "scimType": S, "detail": S}}
schemas["SCIMResource"] = {"type": "object", "description": "A SCIM resource or message (RFC 7643/7644)"}
SCIM_ERROR = {"description": "SCIM error (RFC 7644 §3.12)", "content": {"application/scim+json": {"schema": ref("SCIMError")}}}
SCIM_JSON = {"application/scim+json": {"schema": ref("SCIMResource")}}
TENANT = {"name": "tenant", "in": "path", "required": True, "schema": S, "description": "Tenant slug"}
SCIM_LIST = [{"name": n, "in": "query", "schema": S} for n in ["filter", "sortBy", "sortOrder", "attributes", "excludedAttributes"]] + \
            [{"name": n, "in": "query", "schema": {"type": "integer"}} for n in ["startIndex", "count"]]
SCIM_PROJECTION = [{"name": n, "in": "query", "schema": S} for n in ["attributes", "excludedAttributes"]]
def scim_op(summary, status="200", desc="OK", params=None, request=False, errors=("400", "404")):
    o = {"summary": summary, "tags": ["scim"], "security": [{"scim": []}], "parameters": [TENANT] + (params or []),
         "responses": {status: {"description": desc, **({} if status == "204" else {"content": SCIM_JSON})},
                       "401": SCIM_ERROR, **{code: SCIM_ERROR for code in errors}}}
    if request: o["requestBody"] = {"required": True, "content": SCIM_JSON}
    return o
SCIM_BASE = "/scim/v2/{tenant}"
paths.update({
    SCIM_BASE + "/ServiceProviderConfig": {"get": scim_op("SCIM service provider configuration")},
    SCIM_BASE + "/ResourceTypes": {"get": scim_op("SCIM resource types (User, Group)")},
    SCIM_BASE + "/ResourceTypes/{id}": {"get": scim_op("One SCIM resource type", params=[ID])},
    SCIM_BASE + "/Schemas": {"get": scim_op("SCIM schemas (User, Group, EnterpriseUser)")},
    SCIM_BASE + "/Schemas/{id}": {"get": scim_op("One SCIM schema by URN", params=[ID])},
    SCIM_BASE + "/.search": {"post": scim_op("Search users and groups (SearchRequest)", request=True)},
})
for name, what in [("Users", "users"), ("Groups", "groups")]:
    paths.update({
        f"{SCIM_BASE}/{name}": {"get": scim_op(f"List {what} (filter, sort, paging, projection)", params=SCIM_LIST),
                                "post": scim_op(f"Provision a {what[:-1]}", "201", "Created", params=SCIM_PROJECTION, request=True, errors=("400", "409"))},
        f"{SCIM_BASE}/{name}/.search": {"post": scim_op(f"Search {what} (SearchRequest)", request=True)},
        f"{SCIM_BASE}/{name}/{{id}}": {
            "get": scim_op(f"Get a {what[:-1]} (ETag; If-None-Match)", params=[ID] + SCIM_PROJECTION),
            "put": scim_op(f"Replace a {what[:-1]} (If-Match optional)", params=[ID] + SCIM_PROJECTION, request=True, errors=("400", "404", "409", "412")),
            "patch": scim_op(f"Patch a {what[:-1]} (PatchOp; If-Match optional)", params=[ID] + SCIM_PROJECTION, request=True, errors=("400", "404", "409", "412")),
            "delete": scim_op(f"Delete a {what[:-1]}", "204", "Deleted", params=[ID], errors=("404", "412"))},
    })
schemas["SCIMToken"] = {"type": "object", "required": ["id", "name", "createdAt"], "properties": {
    "id": S, "name": S, "createdBy": {"type": ["string", "null"]}, "createdAt": S, "lastUsedAt": {"type": ["string", "null"]},
    "revokedAt": {"type": ["string", "null"]}, "token": {"type": "string", "description": "`<id>.<secret>`, only in the creation response"},
    "scimBaseUrl": {"type": "string", "description": "The tenant's SCIM base URL, only in the creation response"}}}
paths.update({
    "/v1/scim/tokens": {
        "post": op("Create a SCIM provisioning token (tenant-admin; secret shown once)", "scim", ok(ref("SCIMToken"), "Created", "201"),
                   request={"type": "object", "required": ["name"], "properties": {"name": NAME}}, extra=["413", "415", "422"]),
        "get": op("List the tenant's SCIM tokens (tenant-admin)", "scim", ok(page("SCIMToken")), params=PAGING)},
    "/v1/scim/tokens/{id}": {"delete": op("Revoke a SCIM token (tenant-admin)", "scim", NOBODY, params=[ID], extra=["404"])},
})

# OpenID Connect single sign-on: providers and settings (tenant-admin), and the anonymous sign-in flow.
schemas["SSOIdentityLink"] = {"type": "object", "required": ["providerId", "issuer", "subject"], "properties": {
    "providerId": S, "issuer": S, "subject": S, "createdAt": {"type": "string", "format": "date-time"},
    "lastLoginAt": {"type": "string", "format": "date-time"}}}
schemas["SSOProvider"] = {"type": "object", "required": ["id", "name", "issuer", "clientId"], "properties": {
    "id": S, "name": S, "displayName": {"type": ["string", "null"]}, "issuer": S, "clientId": S, "hasClientSecret": {"type": "boolean"},
    "scopes": {"type": "array", "items": S}, "claims": {"type": "object", "properties": {"username": S, "email": S, "groups": S}},
    "allowedDomains": {"type": "array", "items": S}, "jitProvisioning": {"type": "boolean"},
    "linkExistingUsers": {"type": "boolean", "description": "Link an unlinked identity to the existing user of its username on first sign-in, only if that user has no password, no role beyond `user` and no link (default false)"},
    "allowedTenantIds": {"type": "array", "items": S, "description": "Entra tenant ids (tid) accepted by a multi-tenant issuer ({tenantid}, common, organizations, consumers); required for those"},
    "trustedAmr": {"type": "array", "maxItems": 20, "items": {"type": "string", "pattern": "^[!#-\\[\\]-~]{1,256}$"}, "description": "ID token `amr` values (RFC 8176: mfa, hwk, otp…) that count as a second factor; without one, a sign-in that needs two-factor steps up with Rampart TOTP (default none)"},
    "trustedAcr": {"type": "array", "maxItems": 20, "items": {"type": "string", "pattern": "^[!#-\\[\\]-~]{1,256}$"}, "description": "ID token `acr` values that count as a second factor (default none)"},
    "groupMapping": {"type": "object", "additionalProperties": S, "description": "IdP group → Rampart group name"},
    "enabled": {"type": "boolean"}, "startUrl": S, "redirectUri": S, "createdAt": S, "updatedAt": S}}
SSO_BODY = {"type": "object", "properties": {
    "name": SLUG, "displayName": text(200, optional=True), "issuer": ISSUER,
    "clientId": token(256), "clientSecret": {"type": "string", "format": "password", "maxLength": 1024,
                                             "description": "At most 1024 bytes; stored encrypted with the tenant key; never returned; \"\" removes it"},
    "scopes": {"type": "array", "items": token(128), "maxItems": 31, "description": "`openid` is added when missing; at most 32 with it"},
    "claims": {"type": "object", "properties": {"username": token(128), "email": token(128), "groups": token(128)}},
    "allowedDomains": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 253,
                       "pattern": "^[A-Za-z0-9-]*\\.[A-Za-z0-9.-]*$", "description": "A domain name (compared in lower case)"}},
    "jitProvisioning": {"type": "boolean"},
    "linkExistingUsers": {"type": "boolean", "description": "Link an unlinked identity to the existing user of its username on first sign-in, only if that user has no password, no role beyond `user` and no link (default false)"},
    "allowedTenantIds": {"type": "array", "maxItems": 100, "items": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,64}$"}, "description": "Entra tenant ids (tid) accepted by a multi-tenant issuer ({tenantid}, common, organizations, consumers); required for those"},
    "trustedAmr": {"type": "array", "maxItems": 20, "items": {"type": "string", "pattern": "^[!#-\\[\\]-~]{1,256}$"}, "description": "ID token `amr` values (RFC 8176: mfa, hwk, otp…) that count as a second factor; without one, a sign-in that needs two-factor steps up with Rampart TOTP (default none)"},
    "trustedAcr": {"type": "array", "maxItems": 20, "items": {"type": "string", "pattern": "^[!#-\\[\\]-~]{1,256}$"}, "description": "ID token `acr` values that count as a second factor (default none)"},
    "groupMapping": {"type": "object", "maxProperties": 500, "propertyNames": {"minLength": 1, "maxLength": 64, "description": "IdP group name, 1-256 bytes"},
                     "additionalProperties": NAME, "description": "IdP group → Rampart group name"},
    "enabled": {"type": "boolean"}}}
SSO_SETTINGS = {"type": "object", "required": ["ssoOnly"], "properties": {"ssoOnly": {"type": "boolean"}}}
paths.update({
    "/v1/sso/providers": {
        "post": op("Configure an OpenID Connect identity provider (tenant-admin)", "sso", ok(ref("SSOProvider"), "Created", "201"),
                   request=SSO_BODY | {"required": ["name", "issuer", "clientId"]}, extra=["409", "413", "415", "422"]),
        "get": op("List the tenant's identity providers (tenant-admin)", "sso", ok(page("SSOProvider")), params=PAGING)},
    "/v1/sso/providers/{id}": {
        "get": op("Get an identity provider (tenant-admin)", "sso", ok(ref("SSOProvider")), params=[ID], extra=["404"]),
        "patch": op("Change an identity provider (tenant-admin)", "sso", ok(ref("SSOProvider")), params=[ID], request=SSO_BODY,
                    extra=["404", "409", "422"]),
        "delete": op("Delete an identity provider and its secret (tenant-admin)", "sso", NOBODY, params=[ID], extra=["404"])},
    "/v1/sso/settings": {
        "get": op("The tenant's SSO settings (tenant-admin)", "sso", ok(SSO_SETTINGS)),
        "put": op("Make SSO the only way to sign in (needs an enabled provider, else 409), or not", "sso", ok(SSO_SETTINGS), request=SSO_SETTINGS,
                  extra=["409", "422"])},
    "/v1/auth/sso/{tenant}/{idp}/start": {"get": op("Start an OpenID Connect sign-in: 302 to the provider (PKCE S256, state, nonce)", "auth",
        {"302": {"description": "Redirect to the provider's authorization endpoint"}, "404": problem("No such tenant or provider"),
         "502": problem("The issuer is on an address the outbound address policy refuses (`destination-not-allowed`)"),
         "503": problem("Provider unreachable")}, security=False,
        params=[{"name": "tenant", "in": "path", "required": True, "schema": S}, {"name": "idp", "in": "path", "required": True, "schema": S}])},
    "/v1/auth/sso/callback": {"get": op("Complete an OpenID Connect sign-in; answers like /v1/auth/login", "auth",
        {**ok(ref("Session")), "401": problem("Sign-in failed; the detail names the reason"),
         "502": problem("The provider's token endpoint is on a refused address (`destination-not-allowed`)"), "503": problem("Provider unreachable")},
        security=False, params=[{"name": n, "in": "query", "schema": S} for n in ["code", "state", "error", "error_description"]])},
})

# Discovery: datasources, scans, tagging rules, custom classifiers, tags (discovery:read / discovery:write).
DS_FIELDS = {
    "name": S, "kind": {"enum": ["postgres", "sqlite", "csv-dir", "jsonl-dir"]},
    "path": {"type": "string", "description": "sqlite, csv-dir, jsonl-dir: an absolute path without `..`"},
    "host": S, "port": {"type": "integer"}, "database": S, "username": S, "tls": {"enum": ["disable", "prefer", "require"]},
    "rangerService": {"type": "string", "description": "The Ranger service whose tag service receives the tags (default: the tenant's only service with a tag service)"},
    "rangerDatabase": {"type": "string", "description": "The `database` resource element of this datasource's tables (default: its name)"}}
_SYNC = {"type": "object", "description": "Enforcement inside the database; fields left out keep their value", "properties": {
    "enabled": {"type": "boolean", "description": "Run the background sync (plans and applies on demand work either way)"},
    "mode": {"enum": ["enforce", "report"], "description": "enforce: apply every plan, reverting drift; report: plan only, drift raises sync.drift"},
    "intervalSeconds": {"type": "integer", "minimum": 10, "maximum": 86400, "default": 60},
    "rolePrefix": {"type": "string", "pattern": "^[a-z0-9_]{0,30}$", "description": "Login role = rolePrefix + username"},
    "roleMap": {"type": "object", "maxProperties": 10000, "propertyNames": USERNAME,
                "additionalProperties": {"type": "string", "pattern": "^[A-Za-z0-9._@+-]{1,63}$"}, "description": "username → login role"},
    "createRoles": {"type": "boolean", "description": "Create missing login roles NOLOGIN instead of reporting them"},
    "maskHashScheme": {"type": "string", "pattern": "^(?:[a-z0-9][a-z0-9._-]{0,63})?$", "description": "A token encryption scheme whose key MASK_HASH "
                       "uses: masked values are then that scheme's tokens (what /v1/protect returns); \"\" for the datasource's own key (hex). "
                       "A missing or non-token scheme withholds the hashed columns"}}}
schemas["Datasource"] = {"type": "object", "required": ["id", "name", "kind", "hasCredentials"], "properties": {
    "id": S, **{k: v for k, v in DS_FIELDS.items() if k != "rangerDatabase"}, "rangerDatabase": S,
    "hasCredentials": {"type": "boolean", "description": "A password is stored (it is never returned)"},
    "sync": {"anyOf": [{**_SYNC, "description": "Enforcement settings"}, {"type": "null"}]}, "createdAt": S, "updatedAt": S}}
# Request bodies: DatasourcesController.apply. A PostgreSQL datasource takes connection fields (host and username, or a url),
# a file datasource an absolute path; fields of the other kind are refused.
_DS_COMMON = {"name": SLUG,
    "rangerService": text(255, optional=True, description="The Ranger service whose tag service receives the tags (default: the tenant's "
                          "only service with a tag service); it must exist; \"\" for the default"),
    "rangerDatabase": text(255, optional=True, description="The `database` resource element of this datasource's tables (default: its name)")}
_PG_PASSWORD = {"type": "string", "format": "password", "maxLength": 1024,
                "description": "At most 1024 bytes; stored encrypted with the tenant key; never returned; \"\" removes it"}
_PG_URL = {"type": "string", "format": "password", "maxLength": 2048,
           "description": "postgres://user[:password]@host[:port]/database[?sslmode=…]; split into fields and an encrypted password",
           "pattern": f"^postgres(?:ql)?://[A-Za-z0-9_-]{{1,63}}(?::[A-Za-z0-9_-]{{1,128}})?@(?:{_LABEL}\\.)*{_LABEL}{_PORT}"
                      "(?:/[A-Za-z0-9_-]{1,63})?(?:\\?sslmode=(?:disable|allow|prefer|require|verify-ca|verify-full))?$"}
_PG_FIELDS = {"host": token(253), "port": {"type": "integer", "minimum": 1, "maximum": 65535}, "database": token(63), "username": token(63),
              "tls": {"enum": ["disable", "prefer", "require"]}, "url": _PG_URL, "password": _PG_PASSWORD, "sync": _SYNC}
_FILE_PATH = {"type": "string", "maxLength": 4096, "pattern": "^(?!.*/\\.\\.(?:/|$))/(?:[^\\u0000/]+/?)*$",
              "description": "An absolute path without NUL or `..` segments, under the directory the operator allows this tenant "
                             "(`--datasource-root`); without one, file datasources are off"}
_NOT = False  # a field that does not apply
DS_CREATE = {"type": "object", "required": ["name", "kind"], "oneOf": [
    {"title": "PostgreSQL", "properties": {**_DS_COMMON, "kind": {"const": "postgres"}, **_PG_FIELDS, "path": _NOT},
     "anyOf": [{"required": ["url"], "properties": {"url": S}}, {"required": ["host", "username"], "properties": {"host": S, "username": S}}]},
    {"title": "Files", "required": ["path"], "properties": {**_DS_COMMON, "kind": {"enum": ["sqlite", "csv-dir", "jsonl-dir"]},
     "path": _FILE_PATH, **{k: _NOT for k in ["url", "host", "username", "password", "sync"]}}}]}
# The fields of the datasource's own kind. Changing host, port, database or tls of a datasource with a stored password
# needs the password again (or a url): that depends on what is stored, so it is in the description only.
DS_UPDATE = {"type": "object", "description": "`kind` cannot be changed. Fields of the datasource's own kind only. Changing host, port, "
             "database or tls of a datasource with a stored password needs `password` (or `url`) again", "anyOf": [
    {"title": "PostgreSQL", "properties": {**_DS_COMMON, **_PG_FIELDS, "path": _NOT}},
    {"title": "Files", "properties": {**_DS_COMMON, "path": _FILE_PATH, **{k: _NOT for k in ["url", "host", "username", "password", "sync"]}}}]}
schemas["SchemaTable"] = {"type": "object", "properties": {"schema": {"type": ["string", "null"]}, "name": S,
    "columns": {"type": "array", "items": {"type": "object", "properties": {"name": S, "type": S}}}, "estimatedRows": {"type": ["integer", "null"]}}}
_SCAN_PATTERNS = {"type": "array", "maxItems": 100, "items": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": "^[\\u0001-\\u007f]*$",
                  "description": "1-256 bytes, no NUL"}}
schemas["ScanOptions"] = {"type": "object", "properties": {"include": _SCAN_PATTERNS, "exclude": _SCAN_PATTERNS,
    "sampleSize": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1000}, "fullScan": {"type": "boolean", "default": False}}}
schemas["Scan"] = {"type": "object", "required": ["id", "datasourceId", "status"], "properties": {
    "id": S, "datasourceId": S, "status": {"enum": ["queued", "running", "succeeded", "failed", "cancelled"]}, "options": ref("ScanOptions"),
    "progress": {"type": "object", "properties": {"tablesDone": {"type": "integer"}, "tablesTotal": {"type": "integer"}, "rowsRead": {"type": "integer"},
                 "bytesRead": {"type": "integer"}, "currentTable": {"type": ["string", "null"]}, "etaSeconds": {"type": ["integer", "null"]}}},
    "error": {"type": ["string", "null"]}, "cancelRequested": {"type": "boolean"}, "createdAt": S, "startedAt": {"type": ["string", "null"]},
    "finishedAt": {"type": ["string", "null"]}}}
schemas["ScanResults"] = {"type": "object", "properties": {"scanId": S, "status": S, "columns": {"type": "array", "items": {"type": "object", "properties": {
    "table": S, "column": S, "classes": {"type": "array", "items": S}, "confidence": {"type": "object", "additionalProperties": {"type": "number"}},
    "prevalence": {"type": "object", "additionalProperties": {"type": "number"}}, "rowsScanned": {"type": "integer"},
    "maskedSamples": {"type": "object", "additionalProperties": {"type": "array", "items": S}, "description": "Masked examples per class; raw values are never stored"}}}}}}
schemas["TaggingRule"] = {"type": "object", "required": ["id", "class", "minConfidence", "tag"], "properties": {
    "id": S, "class": S, "minConfidence": {"type": "number", "minimum": 0, "maximum": 1}, "tag": S, "createdAt": S}}
schemas["Classifier"] = {"type": "object", "properties": {"id": S, "definition": {"type": "object"}, "createdAt": S}}
# A class id (TaggingRulesController.className, CustomClassifierDefinition.compile): 1-64 ASCII letters, digits, `_` (upper-cased).
CLASS_ID = {"type": "string", "pattern": "^[A-Za-z0-9_]{1,64}$", "minLength": 1, "maxLength": 64, "description": "A class id like CREDIT_CARD"}
# SafePattern accepts a regular-expression dialect (no look-around, back-references, possessive or nested quantifiers, at
# most 2000 characters and 4000 compiled instructions). The pattern below is a subset that always compiles: literals, `.`,
# escapes, classes (ranges only a-z, A-Z, 0-9), `^`, `$` and `|`, each atom optionally quantified (`{n}` up to 4), and up
# to two groups of at most four alternatives of eight atoms, quantified by * + ? only.
_SP_LITERAL = "[^()\\[{|*+?\\\\.^$]|\\{(?![0-9])"
_SP_ESCAPE = "\\\\[dDwWsSntrfv0.*+?()\\[\\]{}|\\\\^$/-]"
_SP_CLASS = "\\[\\^?(?:a-z|A-Z|0-9|\\\\[dwsntrfv0\\]\\\\^-]|[^\\]\\\\\\-]){1,20}\\]"
_SP_ATOM = f"(?:{_SP_LITERAL}|\\.|{_SP_ESCAPE}|{_SP_CLASS})"
_SP_SIMPLE = f"(?:{_SP_ATOM}(?:(?:[*+?]|\\{{[1-4]\\}})\\??)?|\\||\\^|\\$)"
_SP_GSEQ = f"(?:{_SP_ATOM}(?:[*+?]\\??)?){{1,8}}"
_SP_GROUP = f"\\((?:\\?:)?{_SP_GSEQ}(?:\\|{_SP_GSEQ}){{0,3}}\\)(?:[*+?]\\??)?"
SAFE_PATTERN = {"type": "string", "maxLength": 2000, "pattern": f"^{_SP_SIMPLE}{{0,280}}(?:{_SP_GROUP}{_SP_SIMPLE}{{0,280}}){{0,2}}$",
                "description": "Safe pattern dialect (linear-time; no look-around, back-references or possessive quantifiers; at most "
                               "2000 characters and 4000 compiled instructions)"}
CLASSIFIER_BODY = {"type": "object", "required": ["dataClass", "pattern"], "properties": {
    "dataClass": CLASS_ID, "pattern": SAFE_PATTERN, "caseInsensitive": {"type": "boolean"},
    "validator": {"enum": ["", "luhn", "mod97", "iban", "us_ssn", "ip", "ipv4", "ipv6", "date", "none", "ssn", "mod_97", "mod10"],
                  "description": "A named check of the matched text (case-insensitive); \"\" or none for no check"},
    "columnNameHints": {"type": "array", "items": S},
    "negativeColumnNameHints": {"type": "array", "items": S}, "minPrevalence": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
    "match": {"enum": ["whole", "contains"]}, "maxInspectedLength": {"type": "integer", "minimum": 1, "maximum": 1024, "default": 256}}}
DSQ = {"name": "datasource", "in": "query", "schema": UUID, "description": "Only this datasource's (its id)"}
items = lambda item: {"type": "object", "properties": {"items": {"type": "array", "items": item}}}
paths.update({
    "/v1/datasources": {
        "post": op("Register a datasource (password encrypted with the tenant key, write-only)", "discovery", ok(ref("Datasource"), "Created", "201"),
                   request=DS_CREATE, extra=["404", "409", "413", "415", "422"]),
        "get": op("List the tenant's datasources", "discovery", ok(page("Datasource")), params=PAGING)},
    "/v1/datasources/{id}": {
        "get": op("Get a datasource", "discovery", ok(ref("Datasource")), params=[ID], extra=["404"]),
        "patch": op("Change a datasource or replace its password; a new host, port, database or tls drops the stored password unless `password` is given again", "discovery", ok(ref("Datasource")), params=[ID], request=DS_UPDATE, extra=["404", "409", "422"]),
        "delete": op("Delete a datasource, its scans and its password", "discovery", NOBODY, params=[ID], extra=["404", "409"])},
    "/v1/datasources/{id}/test": {"post": op("Test the connection: {ok, tables} or {ok: false, error: {code: dns|refused|auth|tls|permission|timeout|not-found|invalid-data|destination-not-allowed, message}}",
        "discovery", ok({"type": "object", "properties": {"ok": {"type": "boolean"}, "tables": {"type": "integer"},
                                                        "error": {"type": "object", "properties": {"code": S, "message": S}},
                                                        "enforcement": {"type": "array", "description": "With sync.enabled: the sync role's preflight findings (privilege-missing, privilege-excess), each naming the statement a DBA runs; empty when ready",
                                                                        "items": {"type": "object", "properties": {"code": S, "message": S}}}}}),
        params=[ID, {"name": "enforcement", "in": "query", "schema": {"type": "boolean"}, "description": "Also run the sync preflight (default: when sync is enabled); postgres datasources only"}],
        extra=["404", "409"])},
    "/v1/datasources/{id}/schema": {"get": op("Schemas, tables, columns with types, row-count estimates", "discovery",
        {**ok({"type": "object", "properties": {"tables": {"type": "array", "items": ref("SchemaTable")}}}), "502": problem("The datasource cannot be read (`datasource-failed`)")},
        params=[ID], extra=["404"])},
    "/v1/scans": {
        "post": op("Queue a scan of a datasource (by id or name)", "discovery", ok(ref("Scan"), "Queued", "202"),
                   request={"type": "object", "required": ["datasource"], "properties": {"datasource": {"type": "string", "minLength": 1,
                            "description": "The datasource's id or name"}, **schemas["ScanOptions"]["properties"]}},
                   extra=["404", "413", "415", "422"]),
        "get": op("List scans, newest first", "discovery", ok(page("Scan")), params=PAGING + [DSQ])},
    "/v1/scans/{id}": {"get": op("A scan with its progress and ETA", "discovery", ok(ref("Scan")), params=[ID], extra=["404"])},
    "/v1/scans/{id}/cancel": {"post": op("Cancel a queued or running scan", "discovery", ok(ref("Scan"), "Accepted", "202"), params=[ID], extra=["404", "409"])},
    "/v1/scans/{id}/results": {"get": op("Per-column classes, confidence, prevalence and masked samples", "discovery", ok(ref("ScanResults")), params=[ID], extra=["404"])},
    "/v1/tagging-rules": {
        "post": op("Add a rule: class with confidence ≥ minConfidence → tag", "discovery", ok(ref("TaggingRule"), "Created", "201"),
                   request={"type": "object", "required": ["class", "tag"], "properties": {"class": CLASS_ID,
                            "minConfidence": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.8}, "tag": token(128)}},
                   extra=["409", "413", "415", "422"]),
        "get": op("The tenant's tagging rules", "discovery", ok(items(ref("TaggingRule"))))},
    "/v1/tagging-rules/{id}": {"delete": op("Delete a tagging rule", "discovery", NOBODY, params=[ID], extra=["404"])},
    "/v1/classifiers": {
        "post": op("Add a custom classifier (compiled and checked now)", "discovery", ok(ref("Classifier"), "Created", "201"), request=CLASSIFIER_BODY,
                   extra=["409", "413", "415", "422"]),
        "get": op("The tenant's custom classifiers", "discovery", ok(items(ref("Classifier"))))},
    "/v1/classifiers/{id}": {"delete": op("Delete a custom classifier", "discovery", NOBODY, params=[ID], extra=["404"])},
    "/v1/tags/resources": {"get": op("Resources (database/table/column) discovery tagged, with their tags", "discovery",
        ok(items({"type": "object", "properties": {"datasourceId": S, "resource": {"type": "object", "additionalProperties": S},
                                                  "tags": {"type": "array", "items": S}, "classes": {"type": "object"}, "scanId": S,
                                                  "reviews": {"type": "object", "additionalProperties": {"enum": ["accepted", "rejected"]},
                                                              "description": "People's verdicts on this column's tags, by tag"}}})), params=[DSQ])},
    "/v1/tags/history": {"get": op("Tags added and removed by scans, newest first", "discovery",
        ok(items({"type": "object", "properties": {"datasourceId": S, "resource": {"type": "object"}, "tag": S, "action": {"enum": ["added", "removed", "accepted", "rejected", "cleared"]},
                                                  "actor": {"type": ["string", "null"], "description": "Who reviewed it (accepted, rejected, cleared)"},
                                                  "scanId": S, "at": S}})), params=[DSQ, PAGING[0]])},
    "/v1/tags/reviews": {
        "get": op("People's verdicts on discovery's tags", "discovery",
                  ok(items({"type": "object", "properties": {"datasourceId": S, "resource": {"type": "object"}, "tag": S,
                                                            "verdict": {"enum": ["accepted", "rejected"]}, "reviewerId": S, "reviewedAt": S}})),
                  params=[DSQ]),
        "post": op("Accept, reject or clear the verdict on tags discovery gave columns, all or none: a rejected tag is removed and "
                   "scans do not add it again; an accepted one stays when scans no longer find it", "discovery",
                   ok({"type": "object", "properties": {"reviewed": {"type": "integer"}}}),
                   request={"type": "object", "required": ["action", "items"], "properties": {
                       "action": {"enum": ["accept", "reject", "clear"]},
                       "items": {"type": "array", "minItems": 1, "maxItems": 500, "items": {
                           "type": "object", "required": ["datasourceId", "table", "column", "tag"], "properties": {
                               "datasourceId": UUID, "table": token(256), "column": token(256),
                               "tag": token(256)}}}}},
                   extra=["404", "413", "415", "422"])},
})

# Enforcement inside PostgreSQL datasources (sync:write).
schemas["EnforcementReport"] = {"type": "object", "required": ["datasource", "service", "policyVersion", "applied", "statements", "findings"], "properties": {
    "datasource": S, "service": S, "policyVersion": {"type": "integer"}, "applied": {"type": "boolean"},
    "tables": {"type": "integer"}, "roles": {"type": "integer"},
    "counts": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Statements by kind: grant, revoke, view, row-security, schema, search-path"},
    "statements": {"type": "array", "items": {"type": "object", "properties": {"kind": S, "table": {"type": ["string", "null"]}, "sql": S}}},
    "findings": {"type": "array", "items": {"type": "object", "properties": {
        "code": {"enum": ["role-missing", "mask-unsupported", "filter-invalid", "foreign-object", "foreign-row-security", "inherited-privilege",
                          "privilege-missing", "privilege-excess"]},
        "message": S, "table": S, "role": S, "policyId": {"type": "integer"}}}}}}
schemas["DatasourceSync"] = {"type": "object", "properties": {**_SYNC["properties"], "policyVersion": {"type": ["integer", "null"],
    "description": "The tenant policy version the database last agreed with"},
    "lastRun": {"anyOf": [{"type": "null"}, {"type": "object", "properties": {"at": S, "outcome": {"enum": ["applied", "in-sync", "pending", "failed"]},
        "statements": {"type": "integer"}, "findings": {"type": "integer"}, "drift": {"type": "integer", "description": "Statements planned although "
        "nothing Rampart governs changed: the database was changed by hand"}, "error": {"type": ["string", "null"]}}}]}}}
SYNC_ERRORS = {"502": problem("The datasource cannot be reached or a statement failed (`datasource-failed`); nothing was changed")}
paths.update({
    "/v1/datasources/{id}/sync": {"get": op("The datasource's sync settings and its last enforcement run", "enforcement", ok(ref("DatasourceSync")),
        params=[ID], extra=["404"])},
    "/v1/datasources/{id}/sync/plan": {"post": op("Plan enforcement of the tenant's policies inside a PostgreSQL datasource: the SQL it would run and what it cannot enforce (withheld, fail closed)",
        "enforcement", {**ok(ref("EnforcementReport")), **SYNC_ERRORS}, params=[ID], extra=["404", "409"])},
    "/v1/datasources/{id}/sync/apply": {"post": op("Plan and run the plan in one transaction (all or nothing); recorded in the tenant's audit log",
        "enforcement", {**ok(ref("EnforcementReport")), **SYNC_ERRORS}, params=[ID], extra=["404", "409"])},
    "/v1/datasources/{id}/sync/mask-key/rotate": {"post": op("Replace the datasource's own MASK_HASH key with a fresh one (the old one is "
        "overwritten); the database gets it at the next apply. 409 when the datasource masks with a token scheme's key",
        "enforcement", ok({"type": "object", "required": ["datasource", "keyFingerprint", "appliesAt"], "properties": {
            "datasource": S, "keyFingerprint": {"type": "string", "description": "A digest of the new key, never the key"},
            "appliesAt": {"enum": ["next-apply"]}}}), params=[ID], extra=["404", "409"])},
})

# Encryption schemes and data protection (issue 23).
MASK = {"type": "object", "description": "The masked form `unprotect-masked` returns: letters and digits (an ff1 scheme: its alphabet) "
        "replaced but the first showFirst and last showLast", "properties": {
    "showFirst": {"type": "integer", "minimum": 0, "maximum": 64, "default": 0}, "showLast": {"type": "integer", "minimum": 0, "maximum": 64, "default": 4},
    "character": {"type": "string", "minLength": 1, "maxLength": 1, "default": "*"}}}
SCHEME_NAME = {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$", "minLength": 1, "maxLength": 64}
SCHEME_SETTINGS = {
    "algorithm": {"enum": ["ff1", "token", "aead"], "description": "ff1: NIST SP 800-38G FF1 format-preserving encryption; token: deterministic "
                  "HMAC-SHA-256 tokens (reversible through the tenant's token vault when `reversible`); aead: AES-256-GCM, randomized"},
    "alphabet": {"enum": ["digits", "lowercase-alphanumeric", "alphanumeric", "custom"], "description": "ff1 only (default digits); other characters stay as they are"},
    "customAlphabet": {"type": "string", "minLength": 2, "maxLength": 256, "description": "ff1 with alphabet custom: 2-256 distinct characters, numeral order"},
    "keepFirst": {"type": "integer", "minimum": 0, "maximum": 64, "description": "ff1 only: alphabet characters kept in clear at the start"},
    "keepLast": {"type": "integer", "minimum": 0, "maximum": 64, "description": "ff1 only: alphabet characters kept in clear at the end"},
    "tweak": {"enum": ["none", "fixed", "kept"], "description": "ff1 only: no tweak, fixedTweak, or the characters kept in clear"},
    "fixedTweak": {"type": "string", "minLength": 1, "maxLength": 64, "description": "ff1 with tweak fixed"},
    "reversible": {"type": "boolean", "description": "token only (default false)"},
    "tokenPrefix": {"type": "string", "pattern": "^[A-Za-z0-9_-]{0,16}$", "description": "token only (default tok_)"},
    "mask": MASK}
schemas["EncryptionScheme"] = {"type": "object", "required": ["id", "name", "algorithm", "createdAt"], "properties": {
    "id": S, "name": S, "description": S, **SCHEME_SETTINGS, "mask": MASK,
    "minimumLength": {"type": "integer", "description": "ff1: the fewest alphabet characters a value needs (kept ones included)"}, "createdAt": S}}
schemas["ProtectionResult"] = {"type": "object", "required": ["scheme", "algorithm", "form", "values"], "properties": {
    "scheme": S, "algorithm": {"enum": ["ff1", "token", "aead"]}, "form": {"enum": ["protected", "clear", "masked"]},
    "keyVersion": {"type": ["integer", "null"], "description": "aead: the data-key version the values were sealed with"},
    "values": {"type": "array", "items": S}}}
PROTECT_VALUES = {"type": "array", "minItems": 1, "maxItems": 10000, "items": {"type": "string", "maxLength": 16384},
                  "description": "1-10,000 values, each at most 65,536 bytes of UTF-8"}
PROTECT_ERRORS = ["404", "413", "415", "422"]
paths.update({
    "/v1/encryption-schemes": {
        "post": op("Create an encryption scheme (encryption:manage); the first also creates the rampart-encryption service its policies use",
                   "encryption", ok(ref("EncryptionScheme"), "Created", "201"),
                   request={"type": "object", "required": ["name", "algorithm"], "properties": {"name": SCHEME_NAME, "description": text(1000, optional=True),
                            **SCHEME_SETTINGS}}, extra=["409", "413", "415", "422"]),
        "get": op("The tenant's encryption schemes (never their keys)", "encryption", ok(items(ref("EncryptionScheme"))))},
    "/v1/encryption-schemes/{name}": {
        "get": op("An encryption scheme", "encryption", ok(ref("EncryptionScheme")), params=[{**ID, "name": "name"}], extra=["404"]),
        "delete": op("Delete a scheme with its key and token-vault entries: what it protected can no longer be unprotected",
                     "encryption", NOBODY, params=[{**ID, "name": "name"}], extra=["404"])},
    "/v1/protect": {"post": op("Protect values with a scheme, where a policy on rampart-encryption allows `protect`; audited without values",
        "encryption", ok(ref("ProtectionResult")), request={"type": "object", "required": ["scheme", "values"], "properties": {
            "scheme": {"type": "string", "minLength": 1, "maxLength": 64}, "values": PROTECT_VALUES}}, extra=PROTECT_ERRORS)},
    "/v1/unprotect": {"post": op("Unprotect values: in clear where a policy allows `unprotect`, masked where it allows `unprotect-masked`; 403 otherwise; audited without values",
        "encryption", ok(ref("ProtectionResult")), request={"type": "object", "required": ["scheme", "values"], "properties": {
            "scheme": {"type": "string", "minLength": 1, "maxLength": 64}, "values": PROTECT_VALUES,
            "masked": {"type": "boolean", "description": "The masked form even where the clear one is allowed"}}}, extra=PROTECT_ERRORS)},
})

# Access requests (issue 22): time-limited access, asked for and approved.
schemas["AccessRequest"] = {"type": "object", "required": ["id", "requester", "service", "resource", "accessTypes", "state"], "properties": {
    "id": S, "requester": S, "service": S, "resource": {"type": "object", "additionalProperties": S}, "accessTypes": {"type": "array", "items": S},
    "unmask": {"type": "boolean"}, "breakGlass": {"type": "boolean"}, "reviewedBy": {"type": ["string", "null"]}, "reviewedAt": {"type": ["string", "null"]},
    "durationSeconds": {"type": "integer"}, "justification": S,
    "state": {"enum": ["pending", "approved", "active", "expired", "revoked", "denied", "cancelled", "timed-out"],
              "description": "approved: approved ahead of its startsAt; its policy allows from then"}, "ruleId": S,
    "requiredApprovals": {"type": "integer"}, "approvals": {"type": "integer"}, "denials": {"type": "integer"}, "createdAt": S, "timesOutAt": S,
    "startsAt": {"type": ["string", "null"]}, "expiresAt": {"type": ["string", "null"]}, "decidedAt": {"type": ["string", "null"]},
    "policyId": {"type": ["integer", "null"], "description": "The policy granting the access while active"},
    "escalated": {"type": "boolean", "description": "Unanswered past the rule's timeout: its escalation group answers too"},
    "votes": {"type": "array", "items": {"type": "object", "properties": {"approver": S, "approve": {"type": "boolean"}, "comment": {"type": ["string", "null"]}, "at": S}}}}}
schemas["ApprovalRule"] = {"type": "object", "required": ["id", "service", "approverGroup"], "properties": {
    "id": S, "service": S, "resource": {"type": "object", "additionalProperties": S}, "approverGroup": S, "requiredApprovals": {"type": "integer"},
    "denialThreshold": {"type": "integer"}, "maximumDurationSeconds": {"type": "integer"}, "timeoutSeconds": {"type": "integer"},
    "justificationPattern": {"type": ["string", "null"]}, "breakGlassMaximumSeconds": {"type": ["integer", "null"]},
    "escalationGroup": {"type": ["string", "null"]}, "createdAt": S}}
ANSWER = {"type": "object", "properties": {"comment": text(1000, optional=True)}}
paths.update({
    "/v1/access-requests": {
        "post": op("Ask for time-limited access to a resource (the covering approval rule decides who approves)", "access-requests",
                   ok(ref("AccessRequest"), "Created", "201"), request={"type": "object", "required": ["service", "accessTypes", "durationSeconds", "justification"],
                   "description": "Give `resource` or `tag`",
                   "properties": {"service": {"type": "string", "minLength": 1}, "resource": {"type": "object", "minProperties": 1, "additionalProperties": S},
                                  "tag": token(128) | {"description": "Access to what carries the tag: a request on the service's tag service, access types prefixed with the service's type"},
                                  "accessTypes": {"type": "array", "minItems": 1, "maxItems": 16, "items": S},
                                  "durationSeconds": {"type": "integer", "minimum": 60, "maximum": 7776000, "description": "At most the rule's maximumDurationSeconds"},
                                  "justification": text(1000, description="1-1000 characters; must match the rule's justificationPattern when it has one"),
                                  "unmask": {"type": "boolean", "description": "An unmask exception for one masked column (a MASK_NONE item at override priority) instead of access"},
                                  "breakGlass": {"type": "boolean", "description": "Active at once without approval, for at most the rule's breakGlassMaximumSeconds; raises access.break_glass and is to be reviewed within 24 hours"},
                                  "startAt": {"type": "string", "format": "date-time", "description": "Access planned ahead (up to 90 days): approved before then, the request is `approved` and its policy allows from this time"}}},
                   extra=["413", "415", "422"]),
        "get": op("Access requests the caller may see: administrators and auditors all, others their own and those their groups approve",
                  "access-requests", ok(items(ref("AccessRequest"))))},
    "/v1/access-requests/{id}": {"get": op("An access request with its votes", "access-requests", ok(ref("AccessRequest")), params=[ID], extra=["404"])},
    "/v1/access-requests/{id}/approve": {"post": op("Approve (members of the rule's approver group, never the requester); the last approval needed activates it",
        "access-requests", ok(ref("AccessRequest")), params=[ID], request=ANSWER, extra=["404", "409", "413", "415", "422"])},
    "/v1/access-requests/{id}/deny": {"post": op("Deny; at the rule's denial threshold the request is denied", "access-requests",
        ok(ref("AccessRequest")), params=[ID], request=ANSWER, extra=["404", "409", "413", "415", "422"])},
    "/v1/access-requests/{id}/cancel": {"post": op("The requester withdraws a pending request", "access-requests", ok(ref("AccessRequest")),
        params=[ID], extra=["404", "409"])},
    "/v1/access-requests/{id}/revoke": {"post": op("End active access early (the requester, or a tenant- or security-admin); its policy goes at once",
        "access-requests", ok(ref("AccessRequest")), params=[ID], extra=["404", "409"])},
    "/v1/access-requests/{id}/review": {"post": op("Review break-glass access (the rule's approvers, not the requester); unreviewed after 24 hours it raises access.break_glass_unreviewed",
        "access-requests", ok(ref("AccessRequest")), params=[ID], extra=["404", "409"])},
    "/v1/approval-rules": {
        "post": op("Add an approval rule (policies:write)", "access-requests", ok(ref("ApprovalRule"), "Created", "201"),
                   request={"type": "object", "required": ["service", "approverGroup"], "properties": {
                       "service": {"type": "string", "minLength": 1}, "resource": {"type": "object", "maxProperties": 8, "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 512},
                                                                 "description": "Resource name → value pattern (* and ?); none: the whole service"},
                       "approverGroup": {"type": "string", "minLength": 1}, "requiredApprovals": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1},
                       "denialThreshold": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1},
                       "maximumDurationSeconds": {"type": "integer", "minimum": 60, "maximum": 7776000, "default": 86400},
                       "timeoutSeconds": {"type": "integer", "minimum": 60, "maximum": 2592000, "default": 259200},
                       "justificationPattern": SAFE_PATTERN,
                       "breakGlassMaximumSeconds": {"type": "integer", "minimum": 60, "maximum": 14400, "description": "Allow break-glass access of at most this long; none when absent"},
                       "escalationGroup": {"type": "string", "minLength": 1, "description": "Answers too once a request went unanswered past timeoutSeconds; "
                                           "it is denied (timed-out) one more timeout later"}}},
                   extra=["409", "413", "415", "422"]),
        "get": op("The tenant's approval rules", "access-requests", ok(items(ref("ApprovalRule"))))},
    "/v1/approval-rules/{id}": {"delete": op("Delete an approval rule (pending requests under it can then only be cancelled)", "access-requests",
        NOBODY, params=[ID], extra=["404"])},
})

# Four-eyes changes (issue 22): with the tenant's changeApproval on, policy-object, tagging-rule and approval-rule writes answer 202
# with a change request that a different person with changes:approve applies or rejects.
schemas["ChangeRequest"] = {"type": "object", "required": ["id", "author", "subject", "operation", "state", "emergency"], "properties": {
    "id": S, "author": S, "subject": {"enum": ["service-def", "service", "policy", "role", "zone", "tagging-rule", "approval-rule"]},
    "operation": {"enum": ["create", "replace", "delete"]}, "objectId": {"type": ["string", "null"]},
    "baseVersion": {"type": ["integer", "null"], "description": "The object's version the change was made against; it applies only at that version"},
    "state": {"enum": ["pending", "applied", "rejected", "cancelled", "stale"]}, "createdAt": S,
    "decidedBy": {"type": ["string", "null"]}, "decidedAt": {"type": ["string", "null"]}, "comment": {"type": ["string", "null"]},
    "emergency": {"type": "boolean", "description": "Applied by a tenant-admin without a second person; to be reviewed within 24 hours"},
    "reviewedBy": {"type": ["string", "null"]}, "reviewedAt": {"type": ["string", "null"]},
    "before": {"description": "The object when the change was made (replace, delete)"}, "after": {"description": "The submitted document (create, replace)"},
    "diff": {"type": "array", "items": {"type": "object", "properties": {"path": S, "before": {}, "after": {}}}}}}
HELD = ok(ref("ChangeRequest"), "Held for a second person (the tenant's changeApproval is on); see Location", "202")
for _base in ["/v1/service-defs", "/v1/services", "/v1/policies", "/v1/policy-roles", "/v1/zones"]:
    paths[_base]["post"]["responses"].update(HELD)
    paths[_base + "/{id}"]["put"]["responses"].update(HELD)
    paths[_base + "/{id}"]["delete"]["responses"].update(HELD)
paths["/v1/tagging-rules"]["post"]["responses"].update(HELD)
paths["/v1/tagging-rules/{id}"]["delete"]["responses"].update(HELD)
paths["/v1/approval-rules"]["post"]["responses"].update(HELD)
paths["/v1/approval-rules/{id}"]["delete"]["responses"].update(HELD)
CHANGE_DECISION = {"type": "object", "properties": {"comment": text(1000, optional=True)}}
paths.update({
    "/v1/change-requests": {"get": op("The tenant's change requests, newest first (changes:read)", "change-requests", ok(items(ref("ChangeRequest"))),
        params=[{"name": "state", "in": "query", "schema": {"enum": ["pending", "applied", "rejected", "cancelled", "stale"]}}], extra=["422"])},
    "/v1/change-requests/{id}": {"get": op("A change request with its documents and their differences", "change-requests", ok(ref("ChangeRequest")),
        params=[ID], extra=["404"])},
    "/v1/change-requests/{id}/apply": {"post": op("Apply a pending change at the version it was made against (changes:approve, never the author); "
        "with emergency a tenant-admin applies it alone, with a comment, flagged for review; 409 when stale", "change-requests", ok(ref("ChangeRequest")),
        params=[ID], request={"type": "object", "properties": {"comment": text(1000, optional=True), "emergency": {"type": "boolean"}},
                              "if": {"required": ["emergency"], "properties": {"emergency": {"const": True}}},
                              "then": {"required": ["comment"], "properties": {"comment": text(1000)}}},
        extra=["404", "409", "413", "415", "422"])},
    "/v1/change-requests/{id}/reject": {"post": op("Reject a pending change (changes:approve, never the author)", "change-requests", ok(ref("ChangeRequest")),
        params=[ID], request=CHANGE_DECISION, extra=["404", "409", "413", "415", "422"])},
    "/v1/change-requests/{id}/cancel": {"post": op("The author withdraws a pending change", "change-requests", ok(ref("ChangeRequest")),
        params=[ID], extra=["404", "409"])},
    "/v1/change-requests/{id}/review": {"post": op("Review an emergency change (changes:approve, neither its author nor who applied it); "
        "unreviewed after 24 hours it raises change.emergency_unreviewed", "change-requests", ok(ref("ChangeRequest")),
        params=[ID], request=CHANGE_DECISION, extra=["404", "409", "413", "415", "422"])},
})

# Reports (issue 22): the data inventory and who accessed tagged data, JSON or CSV (reports:read).
CSV_TOO = {"text/csv": {"schema": S}}
schemas["InventoryReport"] = {"type": "object", "properties": {
    "generatedAt": S, "policyVersion": {"type": "integer"}, "users": {"type": "integer"}, "truncated": {"type": "boolean"},
    "classes": {"type": "array", "items": {"type": "object", "properties": {"class": S, "columns": {"type": "integer"}, "datasources": {"type": "array", "items": S}}}},
    "entries": {"type": "array", "items": {"type": "object", "properties": {
        "class": S, "tag": S, "confidence": {"type": "number"}, "datasource": S, "service": {"type": ["string", "null"]}, "database": S, "table": S,
        "column": S, "scanId": S, "taggedAt": S, "allowingPolicies": {"type": "array", "items": {"type": "integer"}},
        "maskingPolicies": {"type": "array", "items": {"type": "integer"}}, "denyingPolicies": {"type": "array", "items": {"type": "integer"}},
        "unmaskedReaders": {"type": ["array", "null"], "items": S}, "maskedReaders": {"type": ["integer", "null"]}}}}}}
schemas["AccessReport"] = {"type": "object", "properties": {
    "tag": S, "from": S, "to": S, "taggedColumns": {"type": "integer"}, "scannedRecords": {"type": "integer"}, "truncated": {"type": "boolean"},
    "rows": {"type": "array", "items": {"type": "object", "properties": {
        "seq": {"type": "integer"}, "time": S, "user": S, "actor": {"type": ["string", "null"]}, "service": S, "resource": S, "accessType": S,
        "outcome": S, "policyId": {"type": ["string", "null"]}, "classes": {"type": "array", "items": S}, "leafHash": S}}},
    "checkpoint": {"oneOf": [ref("Checkpoint"), {"type": "null"}]}, "verify": S}}
FORMAT = {"name": "format", "in": "query", "schema": {"enum": ["json", "csv"], "default": "json"}}
def _report(summary, schema, params):
    o = op(summary, "reports", ok(ref(schema)), params=params + [FORMAT], extra=["422"])
    o["responses"]["200"]["content"].update(CSV_TOO)
    return o
paths.update({
    "/v1/reports/inventory": {"get": _report("Data inventory: for each sensitive class, where it lives (from scans), which policies decide reading it, "
        "who may read it unmasked (asked of the engine per user)", "InventoryReport", [{"name": "class", "in": "query", "schema": CLASS_ID}])},
    "/v1/reports/access": {"get": _report("Who asked for access to data with a tag in a period (at most 366 days), from the audit log, with each record's "
        "leaf hash and a signed checkpoint covering them", "AccessReport", [
            {"name": "tag", "in": "query", "required": True, "schema": token(128)},
            {"name": "from", "in": "query", "required": True, "schema": TIME}, {"name": "to", "in": "query", "required": True, "schema": TIME}])},
})

# Access reviews (issue 22): campaigns re-certifying the grants in a scope.
REVIEW_GRANT = {"type": "object", "properties": {
    "id": {"type": "integer"}, "policyId": {"type": "integer"}, "policyName": S, "service": S, "principalType": {"enum": ["user", "group", "role"]},
    "principal": S, "accessTypes": {"type": "array", "items": S}, "resource": {"type": "object", "additionalProperties": {"type": "array", "items": S}},
    "reviewerGroup": S, "state": {"enum": ["pending", "confirmed", "revoked", "unreviewed", "gone"]},
    "decidedBy": {"type": ["string", "null"]}, "decidedAt": {"type": ["string", "null"]}, "comment": {"type": ["string", "null"]}}}
schemas["ReviewGrant"] = REVIEW_GRANT
schemas["AccessReview"] = {"type": "object", "required": ["id", "name", "service", "state"], "properties": {
    "id": S, "name": S, "service": S, "tag": {"type": ["string", "null"]}, "resource": {"type": "object", "additionalProperties": S},
    "reviewerGroup": S, "onDeadline": {"enum": ["revoke", "report"]}, "deadline": S, "state": {"enum": ["open", "closed"]}, "createdBy": S,
    "createdAt": S, "closedAt": {"type": ["string", "null"]},
    "progress": {"type": "object", "properties": {k: {"type": "integer"} for k in ["total", "pending", "confirmed", "revoked", "unreviewed", "gone"]}
                 | {"pendingByReviewer": {"type": "object", "additionalProperties": {"type": "integer"}}}},
    "grants": {"type": "array", "items": ref("ReviewGrant")}}}
GRANT_PARAM = {"name": "grant", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": 999999999}}
paths.update({
    "/v1/access-reviews": {
        "post": op("Start an access-review campaign (policies:write): the grants in scope are listed now; the approval rule's approvers of a "
                   "policy's resources review it, else reviewerGroup", "access-reviews", ok(ref("AccessReview"), "Created", "201"),
                   request={"type": "object", "required": ["name", "service", "reviewerGroup", "durationSeconds"], "properties": {
                       "name": NAME, "service": {"type": "string", "minLength": 1}, "tag": token(128),
                       "resource": {"type": "object", "maxProperties": 8, "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 512},
                                    "propertyNames": {"minLength": 1, "maxLength": 64}},
                       "reviewerGroup": {"type": "string", "minLength": 1}, "onDeadline": {"enum": ["revoke", "report"], "default": "report"},
                       "durationSeconds": {"type": "integer", "minimum": 3600, "maximum": 7776000}}},
                   extra=["413", "415", "422"]),
        "get": op("Campaigns the caller may see: all for those who read policies or the audit log, else those it reviews", "access-reviews",
                  ok(items(ref("AccessReview"))))},
    "/v1/access-reviews/{id}": {"get": op("A campaign with its progress and grants", "access-reviews", ok(ref("AccessReview")), params=[ID], extra=["404"])},
    "/v1/access-reviews/{id}/grants/{grant}/confirm": {"post": op("Confirm a pending grant (its reviewer group; never one's own access)",
        "access-reviews", ok(ref("ReviewGrant")), params=[ID, GRANT_PARAM], request=ANSWER, extra=["404", "409", "413", "415", "422"])},
    "/v1/access-reviews/{id}/grants/{grant}/revoke": {"post": op("Revoke a pending grant: the principal leaves the policy item (a policy write)",
        "access-reviews", ok(ref("ReviewGrant")), params=[ID, GRANT_PARAM], request=ANSWER, extra=["404", "409", "413", "415", "422"])},
})

for path in paths.values():
    for operation in path.values():
        # Anonymous routes too: credentials, when given, are authenticated and rate-limited.
        operation["responses"].setdefault("429", problem("Rate limit exceeded; see Retry-After"))
paths["/v1/auth/login"]["post"]["responses"]["200"]["content"]["application/json"]["schema"] = {"oneOf": [ref("Session"), ref("MFAChallenge")]}
paths["/v1/auth/login"]["post"]["responses"]["429"] = problem("Too many failed sign-ins; see Retry-After (the password was not checked)")
doc = {
    "openapi": "3.1.0",
    "info": {"title": "Rampart API", "version": "0.1.0", "description": "Multi-tenant data security and governance server. Errors are RFC 9457 problem documents."},
    "servers": [{"url": "http://127.0.0.1:8080"}],
    "security": [{"bearer": []}, {"basic": []}],
    "paths": paths,
    "components": {"schemas": schemas, "securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer", "description": "Session token, or API key as `<id>.<secret>`"},
        "basic": {"type": "http", "scheme": "basic", "description": "API key id and secret"},
        "scim": {"type": "http", "scheme": "bearer", "description": "The tenant's SCIM token `st_<id>.<secret>` (SCIM routes only)"}}},
}
out = pathlib.Path(__file__).resolve().parent.parent / "Sources/RampartServer/Resources/openapi.json"
out.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
print(f"wrote {out} ({len(paths)} paths)")
