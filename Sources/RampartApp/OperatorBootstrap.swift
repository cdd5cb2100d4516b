// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// Creates the platform operator on first start. There is no default password: it comes from
/// `RAMPART_BOOTSTRAP_PASSWORD` or is generated and shown exactly once.
package enum OperatorBootstrap {
    package enum Outcome: Sendable, Equatable {
        case alreadyPresent
        case created(username: String)
        /// The generated password, to be shown once by the caller and then forgotten.
        case createdWithGeneratedPassword(username: String, password: String)
    }

    package static func ensureOperator(services: RampartServices, username: String, password: Secret<String>?) async throws -> Outcome {
        if try await services.store.read({ try await $0.operatorCount() }) > 0 { return .alreadyPresent }
        let chosen: Secret<String>
        var generated = false
        if let password {
            try services.passwordPolicy.validate(password, username: username, field: "RAMPART_BOOTSTRAP_PASSWORD")
            chosen = password
        } else {
            chosen = Secret(RandomToken.generate(byteCount: 18))
            generated = true
        }
        let hash = try services.passwordHasher.hash(chosen)
        let now = services.clock.now()
        do {
            let inserted = try await services.store.write { tx in
                // Another server sharing the database may have won the race.
                guard try await tx.operatorCount() == 0 else { return false }
                try await tx.insertOperator(id: .generate(), username: username, passwordHash: hash, at: now)
                return true
            }
            guard inserted else { return .alreadyPresent }
        } catch let error as RampartError where error.code == .conflict {
            return .alreadyPresent
        }
        return generated ? .createdWithGeneratedPassword(username: username, password: chosen.exposedValue) : .created(username: username)
    }
}
