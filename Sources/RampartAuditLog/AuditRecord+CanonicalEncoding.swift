// SPDX-License-Identifier: Apache-2.0

extension AuditRecord {
    /// The version byte that starts ``canonicalBytes``. A new layout gets a new version so old
    /// leaves keep verifying: the version is part of the hashed bytes.
    package static let canonicalEncodingVersion: UInt8 = 1

    /// The bytes the leaf hash is computed from. This layout is a stable contract.
    ///
    /// Version 1: the byte `0x01`, then every field in declaration order, each as
    /// - `Int64`: 8 bytes, big-endian two's complement (`status` is widened to `Int64`);
    /// - `String`: its UTF-8 byte count as 8 bytes big-endian, then the bytes, unnormalised;
    /// - optional: `0x00` when nil, else `0x01` and the value.
    ///
    /// Every field is length-prefixed or fixed-size and the order is fixed, so two different
    /// records can never encode to the same bytes (no field-boundary ambiguity), which JSON
    /// text with its key order and escaping choices cannot promise.
    package var canonicalBytes: [UInt8] {
        var out = CanonicalWriter()
        out.bytes.append(Self.canonicalEncodingVersion)
        out.int(seq)
        out.int(time)
        out.string(tenantID)
        out.string(actorType)
        out.optionalString(actorID)
        out.optionalString(sourceIP)
        out.optionalString(userAgent)
        out.optionalString(method)
        out.optionalString(path)
        out.optionalString(entityType)
        out.optionalString(entityID)
        out.string(operation)
        out.string(outcome)
        out.optionalInt(status.map(Int64.init))
        out.optionalString(requestID)
        out.optionalString(batchID)
        out.optionalString(service)
        out.optionalString(resource)
        out.optionalString(accessType)
        out.optionalString(policyID)
        out.optionalInt(policyVersion)
        out.optionalString(details)
        return out.bytes
    }

    /// The record's Merkle leaf hash: `SHA-256(0x00 || canonicalBytes)`.
    package var leafHash: MerkleHash {
        canonicalBytes.withUnsafeBytes { RFC9162.leafHash(bufferPointer: $0) }
    }
}

private struct CanonicalWriter {
    // Most records are a few hundred bytes; reserving once avoids regrowth on the hot path.
    var bytes: [UInt8] = {
        var bytes = [UInt8]()
        bytes.reserveCapacity(512)
        return bytes
    }()

    mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        // withUTF8 gives the contiguous bytes of a native string without copying, so the
        // append is one memcpy rather than a per-code-unit loop.
        var value = value
        value.withUTF8 { utf8 in
            int(Int64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        string(value)
    }

    mutating func optionalInt(_ value: Int64?) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        int(value)
    }
}
