// SPDX-License-Identifier: Apache-2.0

import Crypto

/// The key of `MASK_HASH`, kept in the governed database where only the sync role reads it, and
/// the SQL that computes HMAC-SHA256 with it.
///
/// PostgreSQL has `sha256()` built in but `hmac()` only with pgcrypto, so the database is given
/// the two HMAC pads (RFC 2104: the key, zero-padded to SHA-256's 64-byte block, XOR `0x36` and
/// XOR `0x5c`) and computes `sha256(opad || sha256(ipad || message))`, which is HMAC-SHA256 by
/// definition. The pads live in `rampart_mask.mask_key`, readable by no one but its owner; masked
/// roles call `rampart_mask.mask_hash(text)`, a `SECURITY DEFINER` function, so the key is neither
/// in a view definition nor in `pg_proc`, where every role could read it.
///
/// With a `tokenPrefix` the key is a token scheme's (issue 23) and the function returns the
/// scheme's tokens, `prefix ‖ base32(first 160 bits of the HMAC)`, exactly what `/v1/protect`
/// returns for the same text: masked values then join across tables, databases and the
/// applications that tokenized through the API.
package struct MaskHashKey: Sendable, Hashable {
    package let innerPad: [UInt8]
    package let outerPad: [UInt8]
    /// The token scheme's prefix when the key is a token scheme's; `nil` for hex digests.
    package let tokenPrefix: String?

    /// The schema holding the key and the function.
    package static let schema = "rampart_mask"
    package static let function = "\(SQLText.identifier(schema)).\(SQLText.identifier("mask_hash"))"
    static let blockSize = 64

    /// - Parameters:
    ///   - key: 32 random bytes kept encrypted in the tenant's keyring (the datasource's own, or a
    ///     token scheme's token key).
    ///   - tokenPrefix: with a token scheme's key, its prefix (`[A-Za-z0-9_-]`, checked by the scheme).
    package init(key: [UInt8], tokenPrefix: String? = nil) {
        self.tokenPrefix = tokenPrefix
        var block = key.count > Self.blockSize ? Array(SHA256.hash(data: key)) : key
        block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
        innerPad = block.map { $0 ^ 0x36 }
        outerPad = block.map { $0 ^ 0x5c }
    }

    /// What the catalog shows of the key in place: a digest of the pads, never the pads.
    package var fingerprint: String { OwnershipMarker.digest(hex(innerPad) + hex(outerPad) + (tokenPrefix.map { "|token:" + $0 } ?? "")) }

    /// The expression masking `value` (an SQL text expression).
    package static func expression(_ value: String) -> String { "\(function)(\(value))" }

    /// Statements creating the schema, the key table, the function, and storing the key. The
    /// one that stores the key is shown redacted in plans.
    func statements(marker: OwnershipMarker, schemaExists: Bool, functionDigest: String?) -> [PlannedStatement] {
        let schema = SQLText.identifier(Self.schema)
        let table = "\(schema).\(SQLText.identifier("mask_key"))"
        var statements: [PlannedStatement] = []
        if !schemaExists {
            statements.append(PlannedStatement(.schema, "CREATE SCHEMA \(schema)", table: nil))
            statements.append(PlannedStatement(.schema, "COMMENT ON SCHEMA \(schema) IS \(SQLText.literal(marker.comment(digest: "-")))", table: nil))
            // Masked roles call the function; the key table stays unreadable to them.
            statements.append(PlannedStatement(.schema, "GRANT USAGE ON SCHEMA \(schema) TO PUBLIC", table: nil))
            statements.append(PlannedStatement(.schema, "CREATE TABLE \(table) (inner_pad bytea NOT NULL, outer_pad bytea NOT NULL)", table: nil))
            statements.append(PlannedStatement(.schema, "REVOKE ALL ON \(table) FROM PUBLIC", table: nil))
        }
        let function = Self.functionDefinition(table: table, tokenPrefix: tokenPrefix)
        let digest = OwnershipMarker.digest(function + "\n" + fingerprint)
        if functionDigest != digest {
            statements.append(PlannedStatement(.schema, "DELETE FROM \(table)", table: nil))
            statements.append(
                PlannedStatement(
                    .schema, "INSERT INTO \(table) VALUES ('\\x\(hex(innerPad))'::bytea, '\\x\(hex(outerPad))'::bytea)", table: nil,
                    display: "INSERT INTO \(table) VALUES (<the tenant's masking key, not shown>)"))
            statements.append(PlannedStatement(.schema, function, table: nil))
            statements.append(
                PlannedStatement(
                    .schema, "COMMENT ON FUNCTION \(Self.function)(text) IS \(SQLText.literal(marker.comment(digest: digest)))", table: nil))
        }
        return statements
    }

    static func functionDefinition(table: String, tokenPrefix: String? = nil) -> String {
        let header =
            "CREATE OR REPLACE FUNCTION \(function)(value text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog "
        let mac = "sha256(k.outer_pad || sha256(k.inner_pad || convert_to(value, 'UTF8')))"
        guard let tokenPrefix else { return header + "AS $$ SELECT encode(\(mac), 'hex') FROM \(table) k $$" }
        // PostgreSQL has no base32: the first 20 bytes of the MAC are four 40-bit groups (bigint),
        // each written as eight characters of five bits, most significant first, as the tokenizer does.
        let groups = (0..<4).map { "('x' || encode(substring(m.h FROM \($0 * 5 + 1) FOR 5), 'hex'))::bit(40)::bigint AS g\($0)" }
        let characters = (0..<4).flatMap { group in
            (0..<8).map { index in "substr('abcdefghijklmnopqrstuvwxyz234567', ((b.g\(group) >> \(35 - 5 * index)) & 31)::integer + 1, 1)" }
        }
        return header
            + "AS $$ SELECT \(SQLText.literal(tokenPrefix)) || \(characters.joined(separator: " || ")) "
            + "FROM (SELECT \(mac) AS h FROM \(table) k) m, LATERAL (SELECT \(groups.joined(separator: ", "))) b $$"
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
