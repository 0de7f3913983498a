import SiteSupport

/// A generated JavaScript file being written: raw code around JSON strings, which are escaped as
/// `JSON.appendString` does, so that no text can end the string or the script.
/// Works on UTF-8 bytes: the index writes tens of megabytes of page text.
struct JavaScriptText {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A JSON string literal.
    mutating func string(_ text: String) { JSON.appendString(text, to: &bytes) }

    /// A JSON string literal of valid UTF-8.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) { JSON.appendString(utf8: utf8, to: &bytes) }
}
