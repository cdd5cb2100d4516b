// SPDX-License-Identifier: Apache-2.0

// Space trimming without Foundation's CharacterSet machinery: SCIM parameters and values are
// trimmed of ASCII spaces only, so `"\u{00A0}x"` stays distinct from `"x"`.

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: Substring { Substring(self).trimmingSpacesSubstring }
}

extension Substring {
    /// The substring without leading and trailing spaces.
    var trimmingSpacesSubstring: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
