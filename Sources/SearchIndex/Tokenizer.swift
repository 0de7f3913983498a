/// Turns text into index terms; `search-engine.js` produces the same terms for a query.
///
/// Text is folded (`TextFolding`), then split into words (letters and digits, with apostrophes
/// inside) and CJK runs (Han, Hiragana, Katakana, Hangul). A word longer than
/// `maximumWordLength` scalars or in `StopWords` is dropped; an ASCII word is stemmed with
/// Porter2 and loses its apostrophes. A CJK run gives its overlapping character bigrams
/// ("工业设计" → 工业, 业设, 设计), or the character itself when it stands alone.
public enum Tokenizer {
    /// Words longer than this (in Unicode scalars) are not indexed: they are hashes, not words.
    public static let maximumWordLength = 64

    /// The terms of `text`, in order, repeats included.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachSegment(of: text) { segment in forEachTerm(inSegment: segment) { result.append($0) } }
        return result
    }

    /// Splits `text` at ASCII separators. The segments fold independently (those separators are
    /// starters that compose with nothing the folding keeps), so callers may cache them; most are
    /// single words, short enough to be stored inline in a `String` without allocating.
    static func forEachSegment(of text: String, _ body: (String) -> Void) {
        var text = text
        let separators = asciiSeparator
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 && separators[Int(byte)] else { continue }
                if start < index { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if start < bytes.count { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        }
    }

    /// The terms of one segment.
    static func forEachTerm(inSegment segment: String, _ emit: (String) -> Void) {
        if segment.utf8.allSatisfy({ $0 < 0x80 }) {
            scanASCII(segment, emit)
        } else {
            scanScalars(TextFolding.fold(segment), emit)
        }
    }

    /// The fast path: an ASCII segment has only letters, digits and apostrophes.
    static func scanASCII(_ segment: String, _ emit: (String) -> Void) {
        var word: [UInt8] = []
        var pendingApostrophe = false
        for byte in segment.utf8 {
            if byte == apostrophe {
                if !word.isEmpty && !pendingApostrophe {
                    pendingApostrophe = true
                } else {
                    emitWord(bytes: word, emit)
                    word.removeAll(keepingCapacity: true)
                    pendingApostrophe = false
                }
                continue
            }
            if pendingApostrophe {
                word.append(apostrophe)
                pendingApostrophe = false
            }
            word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        emitWord(bytes: word, emit)
    }

    /// The general path over folded text.
    static func scanScalars(_ folded: String, _ emit: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var wordLength = 0
        var cjk: [Unicode.Scalar] = []
        var pendingApostrophe = false

        func flushWord() {
            if wordLength > 0 { emitWord(String(word), length: wordLength, emit) }
            word = String.UnicodeScalarView()
            wordLength = 0
            pendingApostrophe = false
        }
        func flushCJK() {
            if !cjk.isEmpty { emitBigrams(cjk, emit) }
            cjk.removeAll(keepingCapacity: true)
        }

        for scalar in folded.unicodeScalars {
            switch ScalarClass(scalar) {
            case .ignorable:
                continue
            case .mark:
                if wordLength > 0 && !pendingApostrophe {
                    word.append(scalar)
                    wordLength += 1
                }
            case .word:
                flushCJK()
                if pendingApostrophe {
                    word.append("'")
                    wordLength += 1
                    pendingApostrophe = false
                }
                word.append(scalar)
                wordLength += 1
            case .apostrophe:
                if wordLength > 0 && !pendingApostrophe {
                    pendingApostrophe = true
                } else {
                    flushWord()
                }
            case .cjk:
                flushWord()
                cjk.append(scalar)
            case .separator:
                flushWord()
                flushCJK()
            }
        }
        flushWord()
        flushCJK()
    }

    static func emitWord(bytes: [UInt8], _ emit: (String) -> Void) {
        guard !bytes.isEmpty, bytes.count <= Tokenizer.maximumWordLength else { return }
        let plain = bytes.filter { $0 != apostrophe }
        if StopWords.english.contains(String(decoding: plain, as: UTF8.self)) { return }
        let stem = Porter2Stemmer.stem(bytes: bytes).filter { $0 != apostrophe }
        if !stem.isEmpty { emit(String(decoding: stem, as: UTF8.self)) }
    }

    static func emitWord(_ word: String, length: Int, _ emit: (String) -> Void) {
        guard length <= Tokenizer.maximumWordLength else { return }
        if word.utf8.allSatisfy(Porter2Stemmer.isStemmable) {
            emitWord(bytes: Array(word.utf8), emit)
            return
        }
        let plain = word.replacingApostrophes()
        if !plain.isEmpty && !StopWords.english.contains(plain) { emit(plain) }
    }

    static func emitBigrams(_ run: [Unicode.Scalar], _ emit: (String) -> Void) {
        if run.count == 1 {
            emit(String(run[0]))
            return
        }
        for index in 0..<(run.count - 1) {
            var bigram = String.UnicodeScalarView()
            bigram.append(run[index])
            bigram.append(run[index + 1])
            emit(String(bigram))
        }
    }
}

/// ASCII bytes that end a segment: everything but letters, digits and the apostrophe.
let asciiSeparator: [Bool] = (0..<128).map { ScalarClass(Unicode.Scalar(UInt8($0))) == .separator }

extension String {
    func replacingApostrophes() -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars where scalar != "'" { result.append(scalar) }
        return String(result)
    }
}
