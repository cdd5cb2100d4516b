// SPDX-License-Identifier: Apache-2.0

/// Comparison whose running time depends only on the lengths of its inputs, never on where they
/// first differ, so that hash and code checks do not leak a prefix through timing.
package enum ConstantTime {
    package static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
