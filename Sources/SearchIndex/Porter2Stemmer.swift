/// The Porter2 ("Snowball English") stemmer, written from the published algorithm
/// (snowballstem/snowball `algorithms/english.sbl`, revision of October 2025, the one that adds the
/// "inter" exception to R1), so that "manufacturing" and "manufacture" share the stem "manufactur".
/// The JavaScript copy in `search-engine.js` follows the same steps line for line; both are pinned by
/// the Snowball project's whole English vocabulary in `Tests/Fixtures/snowball-english/`.
public enum Porter2Stemmer {
    /// Stems one lowercase word made of ASCII letters, digits and apostrophes; other words are returned unchanged.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy(isStemmable) else { return word }
        return String(decoding: stem(bytes: bytes), as: UTF8.self)
    }

    /// Stems a word given as lowercase ASCII bytes (the tokenizer's fast path).
    static func stem(bytes: [UInt8]) -> [UInt8] {
        if let special = exceptions[bytes] { return special }
        if bytes.count < 3 { return bytes }
        var word = Porter2Word(bytes)
        word.stepOneA()
        word.stepOneB()
        word.stepOneC()
        word.stepTwo()
        word.stepThree()
        word.stepFour()
        word.stepFive()
        return word.finished()
    }

    static func isStemmable(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == apostrophe
    }

    /// `exception1`: whole words with a fixed stem, checked before anything else.
    static let exceptions: [[UInt8]: [UInt8]] = {
        let pairs: [(String, String)] = [
            ("skis", "ski"), ("skies", "sky"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
            ("only", "onli"), ("singly", "singl"),
            ("sky", "sky"), ("news", "news"), ("howe", "howe"),
            ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        var table: [[UInt8]: [UInt8]] = [:]
        for (word, stem) in pairs { table[Array(word.utf8)] = Array(stem.utf8) }
        return table
    }()
}

let apostrophe = UInt8(ascii: "'")
let capitalY = UInt8(ascii: "Y")

/// A word being stemmed: its letters (with `Y` marking consonant y) and the regions R1 and R2.
struct Porter2Word {
    var letters: [UInt8]
    /// Start of R1 and R2 (indices into `letters`; `letters.count` when the region is empty).
    var r1: Int
    var r2: Int

    init(_ bytes: [UInt8]) {
        letters = bytes
        if letters.first == apostrophe { letters.removeFirst() }
        // Prelude: initial y, and y after a vowel, are consonants (Y).
        if letters.first == UInt8(ascii: "y") { letters[0] = capitalY }
        if letters.count > 1 {
            for index in 1..<letters.count where letters[index] == UInt8(ascii: "y") && isVowel(letters[index - 1]) {
                letters[index] = capitalY
            }
        }
        (r1, r2) = Porter2Word.regions(of: letters)
    }

    static let regionPrefixes: [[UInt8]] = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]
        .map { Array($0.utf8) }

    /// R1 starts after the first non-vowel that follows a vowel (or after one of the listed
    /// prefixes); R2 is the same rule applied again inside R1.
    static func regions(of letters: [UInt8]) -> (Int, Int) {
        let end = letters.count
        var r1 = end
        if let prefix = regionPrefixes.first(where: { letters.starts(with: $0) }) {
            r1 = prefix.count
        } else if let after = afterVowelThenConsonant(letters, from: 0) {
            r1 = after
        } else {
            return (end, end)
        }
        let r2 = afterVowelThenConsonant(letters, from: r1) ?? end
        return (r1, r2)
    }

    /// Snowball's `gopast v gopast non-v` from `start`: the index just after that non-vowel.
    static func afterVowelThenConsonant(_ letters: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < letters.count && !isVowel(letters[index]) { index += 1 }
        guard index < letters.count else { return nil }
        index += 1
        while index < letters.count && isVowel(letters[index]) { index += 1 }
        guard index < letters.count else { return nil }
        return index + 1
    }

    // MARK: helpers

    func ends(with suffix: [UInt8]) -> Bool {
        letters.count >= suffix.count && letters[(letters.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The longest suffix of `candidates` the word ends with (Snowball's `among`).
    func longestSuffix(_ candidates: [[UInt8]]) -> [UInt8]? {
        var best: [UInt8]?
        for candidate in candidates where ends(with: candidate) && candidate.count > (best?.count ?? -1) {
            best = candidate
        }
        return best
    }

    mutating func replaceSuffix(length: Int, with replacement: String) {
        letters.removeLast(length)
        letters.append(contentsOf: replacement.utf8)
    }

    func hasVowel(before end: Int) -> Bool {
        end > 0 && letters[0..<end].contains(where: isVowel)
    }

    /// A short syllable ending at `end`: non-vowel, vowel, non-vowel other than w, x or Y;
    /// or vowel, non-vowel at the very start; or the letters "past".
    func endsWithShortSyllable(at end: Int) -> Bool {
        if end >= 3 && !isVowelOrWXY(letters[end - 1]) && isVowel(letters[end - 2]) && !isVowel(letters[end - 3]) {
            return true
        }
        if end == 2 && !isVowel(letters[1]) && isVowel(letters[0]) { return true }
        return end >= 4 && letters[(end - 4)..<end].elementsEqual("past".utf8)
    }

    // MARK: steps

    mutating func stepOneA() {
        if let possessive = longestSuffix(Suffixes.possessive) { letters.removeLast(possessive.count) }
        guard let suffix = longestSuffix(Suffixes.stepOneA) else { return }
        let start = letters.count - suffix.count
        switch String(decoding: suffix, as: UTF8.self) {
        case "sses": replaceSuffix(length: 4, with: "ss")
        case "ied", "ies": replaceSuffix(length: 3, with: start >= 2 ? "i" : "ie")
        case "s": if start >= 1 && hasVowel(before: start - 1) { letters.removeLast() }
        default: break  // "us", "ss": unchanged
        }
    }

    mutating func stepOneB() {
        guard let suffix = longestSuffix(Suffixes.stepOneB) else { return }
        let start = letters.count - suffix.count
        let stem = letters[0..<start]
        switch String(decoding: suffix, as: UTF8.self) {
        case "eed", "eedly":
            if Suffixes.eedExceptions.contains(where: { stem.elementsEqual($0) }) { return }
            if start >= r1 { replaceSuffix(length: suffix.count, with: "ee") }
            return
        case "ing":
            if stem.last == UInt8(ascii: "y") && start == 2 && !isVowel(letters[0]) {
                // dying -> die, lying -> lie, tying -> tie, vying -> vie
                replaceSuffix(length: 4, with: "ie")
                return
            }
            if Suffixes.ingExceptions.contains(where: { stem.elementsEqual($0) }) { return }
        default:
            break
        }
        // "ed", "edly", "ing", "ingly": delete when the stem has a vowel, then tidy the end.
        guard hasVowel(before: start) else { return }
        letters.removeLast(suffix.count)
        if longestSuffix(Suffixes.restoreE) != nil {
            letters.append(UInt8(ascii: "e"))
        } else if longestSuffix(Suffixes.doubles) != nil {
            let doubleStart = letters.count - 2
            let shortStart = doubleStart == 1 && Suffixes.aeo.contains(letters[0])
            if !shortStart { letters.removeLast() }
        } else if letters.count == r1 && endsWithShortSyllable(at: letters.count) {
            letters.append(UInt8(ascii: "e"))
        }
    }

    mutating func stepOneC() {
        let count = letters.count
        guard count >= 3, letters[count - 1] == UInt8(ascii: "y") || letters[count - 1] == capitalY,
              !isVowel(letters[count - 2]) else { return }
        letters[count - 1] = UInt8(ascii: "i")
    }

    mutating func stepTwo() {
        guard let (suffix, replacement) = longestRule(Suffixes.stepTwo) else { return }
        let start = letters.count - suffix.count
        guard start >= r1 else { return }
        switch replacement {
        case "og?":
            if start >= 1 && letters[start - 1] == UInt8(ascii: "l") { replaceSuffix(length: suffix.count, with: "og") }
        case "li?":
            if start >= 1 && Suffixes.validLI.contains(letters[start - 1]) { letters.removeLast(2) }
        default:
            replaceSuffix(length: suffix.count, with: replacement)
        }
    }

    mutating func stepThree() {
        guard let (suffix, replacement) = longestRule(Suffixes.stepThree) else { return }
        let start = letters.count - suffix.count
        guard start >= r1 else { return }
        if replacement == "R2?" {
            if start >= r2 { letters.removeLast(suffix.count) }
        } else {
            replaceSuffix(length: suffix.count, with: replacement)
        }
    }

    mutating func stepFour() {
        guard let suffix = longestSuffix(Suffixes.stepFour) else { return }
        let start = letters.count - suffix.count
        guard start >= r2 else { return }
        if suffix.elementsEqual("ion".utf8) {
            guard start >= 1, letters[start - 1] == UInt8(ascii: "s") || letters[start - 1] == UInt8(ascii: "t") else { return }
        }
        letters.removeLast(suffix.count)
    }

    mutating func stepFive() {
        guard let last = letters.last else { return }
        let start = letters.count - 1
        if last == UInt8(ascii: "e") {
            if start >= r2 || (start >= r1 && !endsWithShortSyllable(at: start)) { letters.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if start >= r2 && start >= 1 && letters[start - 1] == UInt8(ascii: "l") { letters.removeLast() }
        }
    }

    func longestRule(_ rules: [([UInt8], String)]) -> ([UInt8], String)? {
        var best: ([UInt8], String)?
        for rule in rules where ends(with: rule.0) && rule.0.count > (best?.0.count ?? -1) {
            best = rule
        }
        return best
    }

    /// Postlude: consonant Y back to y.
    func finished() -> [UInt8] {
        letters.map { $0 == capitalY ? UInt8(ascii: "y") : $0 }
    }
}

func isVowel(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
    default: false
    }
}

func isVowelOrWXY(_ byte: UInt8) -> Bool {
    isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x") || byte == capitalY
}

/// The suffix tables of the Porter2 steps.
enum Suffixes {
    static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
    static func rules(_ pairs: [(String, String)]) -> [([UInt8], String)] { pairs.map { (Array($0.0.utf8), $0.1) } }

    static let possessive = bytes(["'", "'s", "'s'"])
    static let stepOneA = bytes(["sses", "ied", "ies", "s", "us", "ss"])
    static let stepOneB = bytes(["eed", "eedly", "ed", "edly", "ing", "ingly"])
    static let eedExceptions = bytes(["proc", "exc", "succ"])
    static let ingExceptions = bytes(["inn", "out", "cann", "herr", "earr", "even"])
    static let restoreE = bytes(["at", "bl", "iz"])
    static let doubles = bytes(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"])
    static let aeo: Set<UInt8> = Set("aeo".utf8)
    static let validLI: Set<UInt8> = Set("cdeghkmnrt".utf8)
    /// "og?" and "li?" mark the two rules with an extra condition on the preceding letter.
    static let stepTwo = rules([
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogist", "og"), ("ogi", "og?"), ("fulli", "ful"), ("lessli", "less"), ("li", "li?"),
    ])
    /// "R2?" marks "ative", deleted only inside R2.
    static let stepThree = rules([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", "R2?"),
    ])
    static let stepFour = bytes([
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
        "iti", "ous", "ive", "ize", "ion",
    ])
}
