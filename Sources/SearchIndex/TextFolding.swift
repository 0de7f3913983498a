import Foundation

/// Unicode folding shared by the index and the browser: compatibility forms, case and accents
/// are erased so that "ＣＡＦÉ", "Café" and "cafe" meet. The steps, in order, as `search-engine.js` does:
/// NFKD, lowercase, drop the combining diacritical marks (`isDiacritic`), NFC, then `letterFolds`.
/// `Tests/Fixtures/unicode-folding.json` holds the expected folds from Python's Unicode database
/// and documents where these rules differ from NFKD, case folding and removing every combining mark.
public enum TextFolding {
    /// Folds one run of text that contains no ASCII separators (see `Tokenizer`).
    public static func fold(_ text: String) -> String {
        let decomposed = text.decomposedStringWithCompatibilityMapping.lowercased()
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !isDiacritic(scalar.value) {
            stripped.append(scalar)
        }
        let composed = String(stripped).precomposedStringWithCanonicalMapping
        guard composed.unicodeScalars.contains(where: { letterFolds[$0.value] != nil }) else { return composed }
        var folded = ""
        for scalar in composed.unicodeScalars {
            if let replacement = letterFolds[scalar.value] {
                folded += replacement
            } else {
                folded.unicodeScalars.append(scalar)
            }
        }
        return folded
    }

    /// The accents NFKD splits off Latin, Greek and Cyrillic letters: the Combining Diacritical
    /// Marks block and its Extended, Supplement, for Symbols and Half Marks blocks. Marks of other
    /// scripts (viramas, kana voicing marks, vowel signs) spell the word and are kept.
    static func isDiacritic(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// Letters that lowercasing and NFKD leave alone but a reader treats as another letter, and
    /// the lowercase letters whose Unicode case folding is another letter.
    static let letterFolds: [UInt32: String] = [
        0x00DF: "ss",  // ß
        0x03C2: "σ",  // final sigma ς
        0x00E6: "ae",  // æ
        0x0153: "oe",  // œ
        0x00F8: "o",  // ø
        0x0111: "d",  // đ
        0x00F0: "d",  // ð
        0x0127: "h",  // ħ
        0x0131: "i",  // dotless ı
        0x0142: "l",  // ł
        0x00FE: "th",  // þ
        0x2019: "'",  // right single quotation mark, the typographic apostrophe
        0x02BC: "'",  // modifier letter apostrophe
        // Cyrillic glyph variants, folded as CaseFolding.txt does.
        0x1C80: "в", 0x1C81: "д", 0x1C82: "о", 0x1C83: "с", 0x1C84: "т", 0x1C85: "т", 0x1C86: "ъ",
        0x1C87: "ѣ", 0x1C88: "ꙋ",
    ]
}
