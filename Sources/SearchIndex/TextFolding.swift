import Foundation

/// Unicode folding shared by the index and the browser: compatibility forms, case and accents
/// are erased so that "ＣＡＦÉ", "Café" and "cafe" meet. The steps, in order, as `search-engine.js` does:
/// NFKD, lowercase, drop combining diacritical marks (U+0300–U+036F), NFC, then `letterFolds`.
enum TextFolding {
    /// Folds one run of text that contains no ASCII separators (see `Tokenizer`).
    static func fold(_ text: String) -> String {
        let decomposed = text.decomposedStringWithCompatibilityMapping.lowercased()
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
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

    /// Letters that case folding and NFKD leave alone but a reader treats as the same letter.
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
    ]
}
