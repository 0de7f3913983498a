/// How the tokenizer sees one Unicode scalar (after folding).
enum ScalarClass: Equatable {
    /// Han, Hiragana, Katakana or Hangul: indexed as overlapping bigrams.
    case cjk
    /// A letter or digit of any other script: part of a word.
    case word
    /// A combining mark: joins the word before it, and is dropped anywhere else.
    case mark
    /// Joins what is around it as if absent (soft hyphen, zero-width joiners, variation selectors).
    case ignorable
    /// The apostrophe: part of a word only between two word scalars.
    case apostrophe
    /// Anything else: spaces, punctuation, symbols, emoji.
    case separator

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: self = .word
            case 0x27: self = .apostrophe
            default: self = .separator
            }
            return
        }
        if ScalarClass.isCJK(value) { self = .cjk; return }
        if ScalarClass.isIgnorable(value) { self = .ignorable; return }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            self = .word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            self = .mark
        default:
            self = .separator
        }
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF,  // Hangul Jamo
             0x2E80...0x2FDF,  // CJK and Kangxi radicals
             0x3005...0x3007,  // 々 〆 〇
             0x3021...0x3029, 0x3038...0x303B,  // Hangzhou numerals
             0x3040...0x309F,  // Hiragana
             0x30A0...0x30FF,  // Katakana
             0x3130...0x318F,  // Hangul compatibility Jamo
             0x31F0...0x31FF,  // Katakana phonetic extensions
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xA960...0xA97F,  // Hangul Jamo extended A
             0xAC00...0xD7FF,  // Hangul syllables and Jamo extended B
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFF66...0xFF9F,  // half-width Katakana
             0x20000...0x3FFFF:  // CJK extensions B and later
            true
        default:
            false
        }
    }

    static func isIgnorable(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }
}
