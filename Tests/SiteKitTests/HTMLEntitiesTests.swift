import Testing
@testable import SiteKit

/// Character references decoded as HTML5 does (the expected values are those of Python's
/// `html.unescape`, which follows the standard, for text).
@Suite struct HTMLEntitiesTests {
    @Test(arguments: [
        ("caf&eacute;", "café"), ("&amp;", "&"), ("&AMP;", "&"), ("&#x41;", "A"), ("&#X41;", "A"), ("&#65;", "A"),
        ("&#x1F600;", "😀"), ("&bogus;", "&bogus;"), ("&acE;", "\u{223E}\u{333}"), ("&NotEqualTilde;", "\u{2242}\u{338}"),
        ("&notin;", "∉"), ("&notit;", "¬it;"), ("&eacute", "é"), ("&ampx", "&x"), ("&#65", "A"),
        ("&#128;", "€"), ("&#150;", "–"), ("&#0;", "\u{FFFD}"), ("&#xD800;", "\u{FFFD}"), ("&#x110000;", "\u{FFFD}"),
        ("&#9999999999;", "\u{FFFD}"), ("&#x;", "&#x;"), ("&#;", "&#;"), ("& x", "& x"), ("&", "&"), ("a&&b", "a&&b"),
        ("&lt;b&gt; &quot;q&quot; &#39;s&#x27;", "<b> \"q\" 's'"), ("no reference", "no reference"),
    ])
    func text(_ source: String, _ expected: String) {
        #expect(HTMLEntities.decode(source, in: .text) == expected)
    }

    /// In an attribute value, a legacy name without ';' followed by `=` or a letter or digit is
    /// text (so query strings such as `?a=1&copy=2` survive); before anything else it is decoded.
    @Test(arguments: [
        ("?a=1&copy=2", "?a=1&copy=2"), ("&notit;", "&notit;"), ("&ampx", "&ampx"), ("caf&eacute", "café"),
        ("&amp;x", "&x"), ("&copy;=", "©="), ("&copy.", "©."), ("&#65x", "Ax"),
    ])
    func attribute(_ source: String, _ expected: String) {
        #expect(HTMLEntities.decode(source, in: .attribute) == expected)
    }

    /// The generated table is the whole WHATWG list.
    @Test func tableHasEveryName() {
        #expect(HTMLEntityTable.characters.count == 2231)
        #expect(HTMLEntityTable.characters.values.allSatisfy { (1...2).contains($0.unicodeScalars.count) })
        #expect(HTMLEntityTable.characters["eacute;"] == "é")
        #expect(HTMLEntityTable.characters["eacute"] == "é")
        #expect(HTMLEntityTable.characters["zwnj;"] == "\u{200C}")
        #expect(HTMLEntityTable.characters.keys.filter { !$0.hasSuffix(";") }.map(\.count).max() == HTMLEntityTable.longestLegacyName)
    }

    @Test func scannerDecodesAttributesAndText() {
        let tags = HTMLScanner.tags(#"<h2 id="caf&eacute;" title="a&amp;b">Caf&eacute; &amp; <em>Bar</em> &#x41;&acE;</h2>"#)
        #expect(tags.first?.attributes == ["id": "café", "title": "a&b"])
        #expect(tags.first?.text == "Café & Bar A\u{223E}\u{333}")
    }
}

/// The checker compares link fragments with ids after decoding both as a browser would.
@Suite struct SiteCheckerEntityTests {
    static func page(_ body: String) -> OutputFile {
        let html = """
            <!doctype html><html><head><title>T</title><meta name="description" content="d"></head>
            <body><h1>H</h1>\(body)</body></html>
            """
        return OutputFile(path: "index.html", bytes: Array(html.utf8))
    }

    static func problems(_ body: String) -> [String] {
        SiteChecker.check([page(body)], baseURL: "https://example.com/", outputDisplay: "public").map(\.message)
    }

    @Test(arguments: [
        (#"<h2 id="caf&eacute;">x</h2>"#, ##"<a href="#café">to</a>"##),
        (#"<h2 id="café">x</h2>"#, ##"<a href="#caf&eacute;">to</a>"##),
        (#"<h2 id="caf&eacute">x</h2>"#, ##"<a href="#caf%C3%A9">to</a>"##),
        (#"<h2 id="a&amp;b">x</h2>"#, ##"<a href="#a&b">to</a>"##),
        (#"<h2 id="&#x41;&#65;">x</h2>"#, ##"<a href="#AA">to</a>"##),
        (#"<h2 id="x&bogus;">x</h2>"#, ##"<a href="#x&amp;bogus;">to</a>"##),
        (#"<h2 id="&acE;">x</h2>"#, ##"<a href="#%E2%88%BE%CC%B3">to</a>"##),
        (#"<a name="&eacute;t&eacute;"></a>"#, #"<a href="index.html#été">to</a>"#),
    ])
    func anchorsWithReferencesResolve(target: String, link: String) {
        #expect(Self.problems(target + link) == [])
    }

    @Test func anUnknownReferenceIsNotGuessed() {
        #expect(Self.problems(##"<h2 id="x&bogus;">x</h2><a href="#x">to</a>"##)
            == ["link '#x': index.html has no element with id 'x'"])
        // A multi-codepoint reference is both its code points, not the first alone.
        #expect(Self.problems(##"<h2 id="&acE;">x</h2><a href="#%E2%88%BE">to</a>"##)
            == ["link '#%E2%88%BE': index.html has no element with id '\u{223E}'"])
    }
}
