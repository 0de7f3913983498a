import Foundation

/// One build at a time per output folder: an exclusive `flock` on a file beside the output
/// (`.public.sitegen-lock`), held from before the staging folder is made until the new site is in
/// place or dropped. A second build waits for it (or, asked not to wait, fails saying which process
/// holds it), so it can neither remove the first one's staging folder nor swap in between. The
/// kernel releases the lock when its process ends, however it ends: a killed build never leaves a
/// stale lock behind.
final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32

    /// The lock file for the output folder `name` inside `parent`.
    static func path(parent: String, name: String) -> String {
        parent + "/." + name + ".sitegen-lock"
    }

    /// Takes the lock, waiting for another build that holds it unless `wait` is false. `notice`
    /// receives the one line said before waiting.
    init(parent: String, name: String, display: String, wait: Bool, notice: (String) -> Void) throws(StagingFolder.WriteError) {
        let path = OutputLock.path(parent: parent, name: name)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw StagingFolder.WriteError(description: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw StagingFolder.WriteError(description: "cannot lock \(path): \(reason)")
            }
            let holder = OutputLock.holder(descriptor).map { ", pid \($0)" } ?? ""
            guard wait else {
                close(descriptor)
                throw StagingFolder.WriteError(description: "another sitegen build of \(display)/ is running\(holder) (--no-wait)")
            }
            notice("waiting for another sitegen build of \(display)/\(holder)")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw StagingFolder.WriteError(description: "cannot lock \(path): \(reason)")
                }
            }
        }
        // Who holds it now, for the next build's message.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit { release() }

    /// Gives the lock up (also done when the lock is freed).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// The process id the holder wrote into the lock file, if it is readable.
    private static func holder(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
