#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a whole buffer to an open file with POSIX `write`, as few calls as the kernel needs,
/// retried on EINTR: the one loop the output writer and `sitegen new` share.
public enum FileDescriptorWrite {
    /// Writes all of `bytes` to `descriptor`; 0, or the errno of the call that failed.
    public static func all(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return 0
    }
}
