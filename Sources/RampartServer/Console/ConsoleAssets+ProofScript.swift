// SPDX-License-Identifier: Apache-2.0

extension ConsoleAssets {
    /// The audit record page's script, served from `/console/assets/proof.js`: checks in the
    /// browser, without trusting the server's verdict, that the record shown is in the log the
    /// tenant's key signed.
    ///
    /// From the page's `#proof-check` data (``ConsolePages/ProofEvidence``) it
    /// 1. decodes the record's canonical bytes (version 1, see `AuditRecord.canonicalBytes`) and
    ///    compares every field the page shows with them, so the page cannot show one record and
    ///    prove another;
    /// 2. hashes the bytes to the Merkle leaf (`SHA-256(0x00 || bytes)`) and climbs the RFC 9162
    ///    inclusion proof to a root;
    /// 3. requires that root and the tree size in the checkpoint's signed note, and the note's
    ///    origin to name the record's tenant;
    /// 4. verifies the note's Ed25519 signature under the tenant's public key, whose key id
    ///    (the first 8 bytes of its SHA-256) it recomputes.
    ///
    /// Hashing and the signature are the browser's Web Crypto (HTTPS or localhost); nothing is
    /// computed by hand but the walk up the tree.
    ///
    /// What it guards against is a changed record or log (the database, a backup, a proxy that
    /// rewrites the page's text), not a dishonest server: the key, the evidence and this script
    /// come from the same server. The key id it shows is to be compared with one obtained
    /// elsewhere (`GET /v1/audit/public-key`, kept by whoever verifies the exports).
    static let proofScript = #"""
        "use strict";
        (function () {
          var section = document.getElementById("proof-check");
          var verdict = document.getElementById("proof-verdict");
          if (!section || !verdict) { return; }
          function say(outcome, text) {
            verdict.className = outcome;
            verdict.textContent = text;
          }
          if (!window.crypto || !window.crypto.subtle || !window.TextDecoder) {
            say("muted", "Your browser did not check this record: it offers Web Crypto only on HTTPS.");
            return;
          }
          var subtle = window.crypto.subtle;
          function bytes(base64) {
            var text = atob(base64);
            var out = new Uint8Array(text.length);
            for (var index = 0; index < text.length; index += 1) { out[index] = text.charCodeAt(index); }
            return out;
          }
          function base64(array) {
            var text = "";
            for (var index = 0; index < array.length; index += 1) { text += String.fromCharCode(array[index]); }
            return btoa(text);
          }
          function hex(array) {
            return Array.prototype.map.call(array, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
          }
          async function sha256(prefix, parts) {
            var length = parts.reduce(function (sum, part) { return sum + part.length; }, 1);
            var joined = new Uint8Array(length);
            joined[0] = prefix;
            var at = 1;
            parts.forEach(function (part) { joined.set(part, at); at += part.length; });
            return new Uint8Array(await subtle.digest("SHA-256", joined));
          }
          function decode(record) {
            var view = new DataView(record.buffer, record.byteOffset, record.byteLength);
            var utf8 = new TextDecoder("utf-8", { fatal: true });
            var at = 0;
            function need(count) {
              if (count < 0 || at + count > record.length) { throw new Error("the record's bytes end early"); }
            }
            function int() { need(8); var value = view.getBigInt64(at); at += 8; return value; }
            function string() {
              var length = int();
              if (length < 0n || length > BigInt(record.length)) { throw new Error("a field's length is out of range"); }
              need(Number(length));
              var text = utf8.decode(record.subarray(at, at + Number(length)));
              at += Number(length);
              return text;
            }
            function optional(read) {
              need(1);
              var flag = record[at];
              at += 1;
              if (flag === 0) { return null; }
              if (flag !== 1) { throw new Error("an optional field's flag is " + flag); }
              return read();
            }
            need(1);
            if (record[0] !== 1) { throw new Error("unknown record layout " + record[0]); }
            at = 1;
            var r = { seq: int(), time: int(), tenantID: string(), actorType: string(), actorID: optional(string),
              sourceIP: optional(string), userAgent: optional(string), method: optional(string), path: optional(string),
              entityType: optional(string), entityID: optional(string), operation: string(), outcome: string(),
              status: optional(int), requestID: optional(string), batchID: optional(string), service: optional(string),
              resource: optional(string), accessType: optional(string), policyID: optional(string),
              policyVersion: optional(int), details: optional(string) };
            if (at !== record.length) { throw new Error("the record's bytes go on past its last field"); }
            return r;
          }
          // The server renders time as RFC 3339 with microseconds.
          function rfc3339(microseconds) {
            var millis = microseconds / 1000n;
            if (microseconds < 0n && microseconds % 1000n !== 0n) { millis -= 1n; }
            var micros = ((microseconds % 1000000n) + 1000000n) % 1000000n;
            return new Date(Number(millis)).toISOString().slice(0, 19) + "." + String(micros).padStart(6, "0") + "Z";
          }
          function shown(field, value) {
            if (value === null) { return null; }
            if (field === "time") { return rfc3339(value); }
            // The HTML parser turns CR LF and lone CR into LF in text, and drops NUL.
            return String(value).replace(/\r\n?/g, "\n").replace(/\0/g, "");
          }
          async function rootFrom(leaf, index, size, proof) {
            if (index < 0n || index >= size) { throw new Error("the proof's index is outside the tree"); }
            var fn = index, sn = size - 1n, result = leaf;
            for (var step = 0; step < proof.length; step += 1) {
              if (sn === 0n) { throw new Error("the proof is longer than the tree is high"); }
              if ((fn & 1n) === 1n || fn === sn) {
                result = await sha256(1, [proof[step], result]);
                while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
              } else {
                result = await sha256(1, [result, proof[step]]);
              }
              fn >>= 1n;
              sn >>= 1n;
            }
            if (sn !== 0n) { throw new Error("the proof is shorter than the tree is high"); }
            return result;
          }
          async function check() {
            var data = section.dataset;
            var recordBytes = bytes(data.record);
            var record = decode(recordBytes);
            if (String(record.seq) !== data.seq) { throw new Error("the proven record is number " + record.seq + ", not " + data.seq); }
            var cells = section.ownerDocument.querySelectorAll("[data-field]");
            for (var index = 0; index < cells.length; index += 1) {
              var cell = cells[index];
              var expected = shown(cell.dataset.field, record[cell.dataset.field]);
              var text = cell.textContent;
              var same = expected !== null && (cell.hasAttribute("data-cut") ? expected.indexOf(text) === 0 : expected === text);
              if (!same) { throw new Error("the " + cell.dataset.field + " the page shows is not the record's"); }
            }
            if (BigInt(data.leafIndex) !== record.seq - 1n) { throw new Error("the proof is of another leaf than record " + record.seq); }
            var leaf = await sha256(0, [recordBytes]);
            if (hex(leaf) !== data.leafHash) { throw new Error("the leaf hash the page shows is not the hash of the record's bytes"); }
            var proof = data.proof ? data.proof.split(" ").map(bytes) : [];
            var root = await rootFrom(leaf, BigInt(data.leafIndex), BigInt(data.treeSize), proof);
            var noteBytes = bytes(data.note);
            var lines = new TextDecoder("utf-8", { fatal: true }).decode(noteBytes).split("\n");
            if (lines[0] !== "rampart-audit/" + record.tenantID) { throw new Error("the checkpoint is another log's"); }
            if (lines[1] !== data.treeSize) { throw new Error("the checkpoint is of another size"); }
            if (lines[2] !== base64(root)) { throw new Error("the record's hash does not lead to the checkpoint's root"); }
            var keyBytes = bytes(data.publicKey);
            var keyID = hex((await sha256Plain(keyBytes)).slice(0, 8));
            if (keyID !== data.keyId) { throw new Error("the public key is not the one named " + data.keyId); }
            var key;
            try {
              key = await subtle.importKey("raw", keyBytes, { name: "Ed25519" }, false, ["verify"]);
            } catch (error) {
              return { outcome: "muted", text: "The proof leads to the checkpoint's root, but your browser cannot verify Ed25519 signatures, so the checkpoint's signature was not checked." };
            }
            if (!(await subtle.verify({ name: "Ed25519" }, key, bytes(data.signature), noteBytes))) {
              throw new Error("the checkpoint's signature does not verify under key " + keyID);
            }
            return { outcome: "allowed", text: "Verified by your browser: the fields above and the leaf hash shown are of leaf " + data.leafIndex + " of " +
              data.treeSize + ", whose inclusion proof leads to the root of the checkpoint signed with key " + keyID +
              ", and the signature verified." };
          }
          async function sha256Plain(part) { return new Uint8Array(await subtle.digest("SHA-256", part)); }
          check().then(function (result) { say(result.outcome, result.text); }, function (error) {
            say("denied", "Not verified by your browser: " + error.message + ".");
          });
        })();
        """#
}
