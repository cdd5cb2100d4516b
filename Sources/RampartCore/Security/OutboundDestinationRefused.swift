// SPDX-License-Identifier: Apache-2.0

/// Rampart refused to connect: the destination resolves to an address the
/// ``OutboundAddressPolicy`` does not permit.
///
/// Decided before any connection is attempted, so it says nothing about whether anything listens
/// there, and it names neither the resolved addresses nor the rule that matched.
package struct OutboundDestinationRefused: Error, Sendable, Equatable, CustomStringConvertible {
    package static let code = "destination-not-allowed"

    package init() {}

    package var description: String { "\(Self.code): the destination is not an allowed outbound address" }
}
