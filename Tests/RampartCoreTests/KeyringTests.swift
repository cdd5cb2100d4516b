// SPDX-License-Identifier: Apache-2.0

import Crypto
import Testing

@testable import RampartCore

@Suite struct KeyringTests {
    let master = MasterKey.generate()
    let tenant = TenantID.generate()

    @Test func envelopeRoundTripsAndRecordsTheKeyVersion() throws {
        let key = DataKey.generate(tenantID: tenant, version: 3)
        let sealed = try Envelope.seal(Secret(Array("db password".utf8)), with: key, purpose: "datasource")
        #expect(Envelope.keyVersion(of: sealed) == 3)
        #expect(!sealed.contains("db password"))
        let opened = try Envelope.open(sealed, with: key, purpose: "datasource")
        #expect(opened.exposedValue == Array("db password".utf8))
    }

    @Test func envelopeIsBoundToTenantAndPurpose() throws {
        let key = DataKey.generate(tenantID: tenant, version: 1)
        let sealed = try Envelope.seal(Secret([1, 2, 3]), with: key, purpose: "a")
        #expect(throws: RampartError.self) { try Envelope.open(sealed, with: key, purpose: "b") }
        let otherTenant = DataKey(tenantID: .generate(), version: 1, key: key.key)
        #expect(throws: RampartError.self) { try Envelope.open(sealed, with: otherTenant, purpose: "a") }
    }

    @Test func tamperedEnvelopeFails() throws {
        let key = DataKey.generate(tenantID: tenant, version: 1)
        var sealed = Array(try Envelope.seal(Secret(Array("secret".utf8)), with: key, purpose: "p"))
        let index = sealed.count - 5
        sealed[index] = sealed[index] == "A" ? "B" : "A"
        #expect(throws: RampartError.self) { try Envelope.open(String(sealed), with: key, purpose: "p") }
    }

    @Test func dataKeyWrapIsBoundToMasterTenantAndVersion() throws {
        let key = DataKey.generate(tenantID: tenant, version: 2)
        let wrapped = try key.wrapped(by: master)
        let unwrapped = try DataKey.unwrap(wrapped, tenantID: tenant, version: 2, master: master)
        #expect(unwrapped.key == key.key)
        #expect(throws: RampartError.self) { try DataKey.unwrap(wrapped, tenantID: tenant, version: 1, master: master) }
        #expect(throws: RampartError.self) { try DataKey.unwrap(wrapped, tenantID: .generate(), version: 2, master: master) }
        #expect(throws: RampartError.self) { try DataKey.unwrap(wrapped, tenantID: tenant, version: 2, master: .generate()) }
    }

    @Test func masterKeyParsingAndFingerprint() throws {
        let text = master.base64
        let parsed = try MasterKey(base64: text)
        #expect(parsed.fingerprint == master.fingerprint)
        #expect(MasterKey.generate().fingerprint != master.fingerprint)
        #expect(throws: RampartError.self) { try MasterKey(base64: Secret("dG9vIHNob3J0")) }
        #expect(throws: RampartError.self) { try MasterKey(base64: Secret("not base64 at all!")) }
    }
}
