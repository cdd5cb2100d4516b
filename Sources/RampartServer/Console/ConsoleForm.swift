// SPDX-License-Identifier: Apache-2.0

/// A console form that changes something: it carries the anti-forgery token of the page it came
/// from (``ConsoleCookies/formToken(forSession:)``), checked by
/// ``ConsoleController/posted(_:_:context:needs:)`` before anything else is read from it.
protocol ConsoleForm: Decodable {
    var csrf: String? { get }
}
