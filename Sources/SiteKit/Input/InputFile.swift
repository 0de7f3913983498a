import Foundation

/// Reads the files a build takes as input (content, templates, assets, site.yml): regular files
/// only, and none larger than `sizeLimit`, so that a FIFO, a device (`/dev/zero`) or a huge file in
/// a shared folder is an error instead of a hang or an exhausted memory.
enum InputFile {
    /// The largest input file read: 64 MiB.
    static let sizeLimit = 64 << 20

    /// Why a file could not be read, worded to follow its path in a message.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case notRegular(kind: String)
        case tooLarge(bytes: Int, limit: Int)
        case unreadable(reason: String)

        var description: String {
            switch self {
            case .notRegular(let kind): return "is \(kind), not a regular file: not read"
            case .tooLarge(let bytes, let limit):
                return "is larger than \(limit >> 20) MB (\(bytes >> 20) MB): not read"
            case .unreadable(let reason): return "cannot be read: \(reason)"
            }
        }
    }

    /// The whole file at `path`, read with POSIX calls. The file is opened without blocking (a FIFO
    /// with no writer would block `open` forever) and checked on the open descriptor, so a file
    /// swapped for something else between a check and the read cannot slip through.
    static func read(_ path: String, limit: Int = sizeLimit) -> Result<[UInt8], Problem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.notRegular(kind: "a folder"))
        case S_IFIFO: return .failure(.notRegular(kind: "a FIFO (named pipe)"))
        case S_IFCHR, S_IFBLK: return .failure(.notRegular(kind: "a device"))
        case S_IFSOCK: return .failure(.notRegular(kind: "a socket"))
        default: return .failure(.notRegular(kind: "not a plain file"))
        }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(bytes: size, limit: limit)) }
        // One byte more than the limit allows, so that a file growing while it is read is caught.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                if filled > limit { return .failure(.tooLarge(bytes: filled, limit: limit)) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(65_536, limit + 1 - filled)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
        }
        if filled > limit { return .failure(.tooLarge(bytes: filled, limit: limit)) }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }
}
