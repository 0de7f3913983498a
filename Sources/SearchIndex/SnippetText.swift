/// Snippet text as the results page gets it: runs of ASCII whitespace collapsed to one space,
/// trimmed, and cut at a space before `limit` Unicode scalars.
func snippetText(_ text: String, limit: Int) -> String {
    String(decoding: snippetBytes(text, limit: limit), as: UTF8.self)
}

/// `snippetText` as UTF-8 bytes (whole scalars of `text`, so valid), for writing without a String.
/// Words are found with a tight scan and copied whole into the array's storage: the index passes
/// every page's text through here.
func snippetBytes(_ text: String, limit: Int) -> [UInt8] {
    var text = text
    return text.withUTF8 { utf8 in
        [UInt8](unsafeUninitializedCapacity: min(utf8.count, max(0, limit) * 4)) { out, count in
            @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var written = 0
            var scalars = 0
            var lastSpace = -1
            var truncated = false
            var index = 0
            let end = utf8.count
            while index < end {
                // Skip a run of whitespace; it becomes one space between words.
                var sawSpace = false
                while index < end && isSpace(utf8[index]) {
                    sawSpace = true
                    index += 1
                }
                guard index < end else { break }
                // A word: its bytes and how many scalars start in it.
                let start = index
                var wordScalars = 0
                while index < end && !isSpace(utf8[index]) {
                    if utf8[index] & 0xC0 != 0x80 { wordScalars += 1 }
                    index += 1
                }
                let space = sawSpace && written > 0 ? 1 : 0
                if scalars + space + wordScalars > limit {
                    // The word does not fit: keep the scalars that do, then stop.
                    if space == 1 && scalars + 2 <= limit {
                        lastSpace = written
                        out[written] = 0x20
                        written += 1
                        scalars += 1
                    }
                    var position = start
                    while position < index {
                        if utf8[position] & 0xC0 != 0x80 {
                            if scalars + 1 > limit || (position == start && space == 1 && lastSpace != written - 1) { break }
                            scalars += 1
                        }
                        out[written] = utf8[position]
                        written += 1
                        position += 1
                    }
                    truncated = true
                    break
                }
                if space == 1 {
                    lastSpace = written
                    out[written] = 0x20
                    written += 1
                }
                UnsafeMutableRawPointer(out.baseAddress! + written)
                    .copyMemory(from: utf8.baseAddress! + start, byteCount: index - start)
                written += index - start
                scalars += space + wordScalars
            }
            if truncated && lastSpace > written / 2 { written = lastSpace }
            count = written
        }
    }
}
