/// Snippet text as the results page gets it: runs of ASCII whitespace collapsed to one space,
/// trimmed, and cut at a space before `limit` Unicode scalars.
func snippetText(_ text: String, limit: Int) -> String {
    String(decoding: snippetBytes(text, limit: limit), as: UTF8.self)
}

/// `snippetText` as UTF-8 bytes (whole scalars of `text`, so valid), for writing without a String.
/// Written straight into the array's storage: the index passes every page's text through here.
func snippetBytes(_ text: String, limit: Int) -> [UInt8] {
    var text = text
    return text.withUTF8 { utf8 in
        [UInt8](unsafeUninitializedCapacity: min(utf8.count, max(0, limit) * 4)) { out, count in
            var written = 0
            var scalars = 0
            var pendingSpace = false
            var lastSpace = -1
            var truncated = false
            for byte in utf8 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = written > 0
                    continue
                }
                let startsScalar = byte & 0xC0 != 0x80
                if startsScalar && scalars + (pendingSpace ? 2 : 1) > limit {
                    truncated = true
                    break
                }
                if pendingSpace {
                    lastSpace = written
                    out[written] = 0x20
                    written += 1
                    scalars += 1
                    pendingSpace = false
                }
                if startsScalar { scalars += 1 }
                out[written] = byte
                written += 1
            }
            if truncated && lastSpace > written / 2 { written = lastSpace }
            count = written
        }
    }
}
