// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A program the tests run beside themselves (the `rampart` CLI, a test OpenID provider, a
/// syslog collector), spawned with `posix_spawn`.
///
/// Why not Foundation's `Process`: on Linux, `Process.run()` lists `/proc/self/fd` to close the
/// descriptors it should not pass on, and copies each directory entry's whole 256-byte name field;
/// an entry at the end of the directory buffer makes that copy read past it. With the suite's many
/// servers open at once (1,300 descriptors and more) it happened: the test process crashed in
/// `memmove` under `Process.run()`, taking every test with it. Here the child closes everything
/// above stderr with one `closefrom` action and nothing in the parent reads `/proc`.
package final class ChildProcess: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    package enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A pipe whose other end the parent holds (`input`, `output`, `error`).
        case pipe
        /// The test process's own stream.
        case inherit
        /// A file, created or truncated.
        case file(String)
    }

    /// How the child ended.
    package enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        package var description: String {
            switch self {
            case .exited(let status): "exit \(status)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    /// What `run` collects from a program that runs to its end.
    package struct Outcome: Sendable {
        package var termination: Termination
        package var stdout: String
        package var stderr: String

        /// The exit status, or 128 + the signal that ended it (as a shell reports it).
        package var status: Int32 {
            switch termination {
            case .exited(let status): status
            case .signalled(let signal): 128 + signal
            }
        }
    }

    package let pid: pid_t
    /// The write end of the child's stdin when it is a `.pipe`.
    package let input: FileHandle?
    /// The read end of the child's stdout when it is a `.pipe`.
    package let output: FileHandle?
    /// The read end of the child's stderr when it is a `.pipe`.
    package let error: FileHandle?

    private let lock = NSLock()
    private var ended: Termination?

    /// Starts `executable` (a path; `/usr/bin/env` finds programs on `PATH`) with `arguments`.
    /// `environment` replaces the test process's when given.
    package init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil, stdin: Stream = .null,
        stdout: Stream = .inherit, stderr: Stream = .inherit
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32?] = [nil, nil, nil]
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        do {
            for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
                switch stream {
                case .inherit:
                    break
                case .null:
                    try Self.check(
                        posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0), "open /dev/null")
                case .file(let path):
                    try Self.check(posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600), "open \(path)")
                case .pipe:
                    let (read, write) = try Self.pipe()
                    let (mine, theirs) = target == 0 ? (write, read) : (read, write)
                    parentEnds[Int(target)] = mine
                    childEnds.append(theirs)
                    try Self.check(posix_spawn_file_actions_adddup2(&actions, theirs, target), "dup2")
                }
            }
            try Self.closeEverythingAboveStandardError(&actions)
        } catch {
            for fd in parentEnds.compactMap({ $0 }) { close(fd) }
            throw error
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no signal blocked and default dispositions: the test process
        // blocks and ignores some (SIGPIPE), and a collector must see the SIGTERM that stops it.
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = [executable] + arguments
        let environ = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let status: Int32 = Self.withCStrings(argv) { argvPointer in
            Self.withCStrings(environ) { environPointer in
                if let directory {
                    // No portable chdir action before glibc 2.29's _np one: run through the shell's cd.
                    let wrapped = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + argv
                    return Self.withCStrings(wrapped) { wrappedPointer in
                        posix_spawn(&pid, "/bin/sh", &actions, &attributes, wrappedPointer, environPointer)
                    }
                }
                return posix_spawn(&pid, executable, &actions, &attributes, argvPointer, environPointer)
            }
        }
        guard status == 0 else {
            for fd in parentEnds.compactMap({ $0 }) { close(fd) }
            throw ChildProcessError(message: "could not start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        input = parentEnds[0].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        output = parentEnds[1].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        error = parentEnds[2].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
    }

    /// Runs a program to its end and collects what it printed (both streams read together, so a
    /// chatty stderr cannot fill its pipe and stall the child).
    package static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil
    )
        throws -> Outcome
    {
        let child = try ChildProcess(executable, arguments, environment: environment, directory: directory, stdout: .pipe, stderr: .pipe)
        let (stdout, stderr) = child.readBothToEnd()
        let termination = child.waitUntilExit()
        return Outcome(termination: termination, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Whether the child has not ended yet (reaps it when it has).
    package var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if ended != nil { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return reaped == 0 }
        ended = Self.termination(status)
        return false
    }

    /// How the child ended, once it has.
    package var termination: Termination? {
        _ = isRunning
        lock.lock()
        defer { lock.unlock() }
        return ended
    }

    /// Sends `signal` unless the child has already been reaped (its pid may be someone else's by then).
    package func send(_ signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if ended == nil { kill(pid, signal) }
    }

    /// SIGTERM.
    package func terminate() { send(SIGTERM) }

    /// Blocks the calling thread until the child ends.
    @discardableResult
    package func waitUntilExit() -> Termination {
        lock.lock()
        defer { lock.unlock() }
        if let ended { return ended }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let termination = Self.termination(status)
        ended = termination
        return termination
    }

    /// Waits for the child to end without holding a concurrency thread; SIGKILL after `limit`.
    @discardableResult
    package func waitForExit(killingAfter limit: Duration = .seconds(10)) async -> Termination {
        let start = ContinuousClock.now
        while isRunning {
            if ContinuousClock.now - start > limit { send(SIGKILL) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return termination ?? waitUntilExit()
    }

    /// Reads the child's stdout and stderr pipes until both are closed.
    private func readBothToEnd() -> (Data, Data) {
        var collected = [Data(), Data()]
        var open = [output?.fileDescriptor ?? -1, error?.fileDescriptor ?? -1]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.contains(where: { $0 >= 0 }) {
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in polled.indices where polled[index].fd >= 0 && polled[index].revents != 0 {
                let count = read(polled[index].fd, &buffer, buffer.count)
                if count > 0 {
                    collected[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    open[index] = -1
                }
            }
        }
        return (collected[0], collected[1])
    }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else { throw ChildProcessError(message: "pipe: \(String(cString: strerror(errno)))") }
        // Close-on-exec in the parent: a child another test spawns meanwhile must not hold this
        // pipe open (the reader would never see the end).
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later) is a GNU extension the
    /// Glibc module does not declare; looked up once, with a close per possible descriptor as the
    /// fallback (closing one that is not open is not an error in a spawn action).
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    private static func closeEverythingAboveStandardError(_ actions: inout posix_spawn_file_actions_t) throws {
        if let addCloseFrom = addCloseFrom {
            try check(addCloseFrom(&actions, 3), "closefrom")
            return
        }
        let limit = min(Int32(clamping: sysconf(Int32(_SC_OPEN_MAX))), 65_536)
        guard limit > 3 else { return }
        for fd in 3..<limit { try check(posix_spawn_file_actions_addclose(&actions, fd), "close") }
    }

    private static func check(_ status: Int32, _ what: String) throws {
        guard status == 0 else { throw ChildProcessError(message: "\(what): \(String(cString: strerror(status)))") }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        return (copies + [nil]).withUnsafeBufferPointer { buffer in
            // posix_spawn's argv is `char *const[]`: the array is not written through.
            body(buffer.baseAddress!)
        }
    }
}

/// A child process could not be started.
package struct ChildProcessError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
