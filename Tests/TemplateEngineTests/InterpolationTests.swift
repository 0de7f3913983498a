import Testing
import TemplateEngine

@Suite struct InterpolationTests {
    @Test func escapesTheFiveHTMLCharacters() throws {
        let context: TemplateValue = ["x": #"<a href="x">Tom & Jerry's</a>"#]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", context) == #"<a href="x">Tom & Jerry's</a>|<a href="x">Tom & Jerry's</a>"#)
    }

    @Test func escapingKeepsMultibyteText() throws {
        #expect(try render("{{x}}", ["x": "成都 & 重庆 <IDEC>"]) == "成都 &amp; 重庆 &lt;IDEC&gt;")
    }

    /// Escaping skips eight bytes at a time: every position in a word, and every byte value, must
    /// still come out as one at a time would make it.
    @Test func escapingMatchesByteByByteEscapingEverywhere() throws {
        func reference(_ text: String) -> String {
            var out = ""
            for character in text.unicodeScalars {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }
        var samples: [String] = []
        for special in ["&", "<", ">", "\"", "'", "=", "?", ";", "%", "\u{7F}", "é", "成"] {
            for length in 0..<20 {
                for position in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                    samples.append(text)
                }
            }
        }
        samples.append(String((1...0x7F).map { Character(Unicode.Scalar(UInt8($0))) }))
        samples.append("\u{0}<\u{1}>\u{0}\u{0}&'\"AAAAAAAA\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}<")
        for text in samples {
            #expect(try render("{{x}}", ["x": .string(text)]) == reference(text), "\(Array(text.utf8))")
        }
    }

    @Test func numbersAndBooleans() throws {
        let context: TemplateValue = [
            "int": 42, "negative": -7, "decimal": 1.210, "whole": 2.0, "half": 0.5, "minus": -1.5,
            "yes": true, "no": false,
        ]
        let output = try render("{{int}} {{negative}} {{decimal}} {{whole}} {{half}} {{minus}} {{yes}} {{no}}", context)
        #expect(output == "42 -7 1.21 2 0.5 -1.5 true false")
    }

    @Test func truthiness() throws {
        let context: TemplateValue = [
            "empty": "", "text": "a", "zero": 0, "none": .null, "noList": [], "object": [:], "off": false,
        ]
        let template = "{{#empty}}E{{/empty}}{{#text}}T{{/text}}{{#zero}}Z{{/zero}}{{#none}}N{{/none}}"
            + "{{#noList}}L{{/noList}}{{#object}}O{{/object}}{{#off}}F{{/off}}"
        #expect(try render(template, context) == "TZO")
    }

    @Test func partialLookupTriesTheExactNameFirst() throws {
        let both = try library(["page": "{{>header}}", "header": "exact", "partials/header": "fallback"])
        #expect(try both.renderString("page", context: [:], strict: true) == "exact")
        let fallbackOnly = try library(["page": "{{>header}}", "partials/header": "fallback"])
        #expect(try fallbackOnly.renderString("page", context: [:], strict: true) == "fallback")
    }

    @Test func renderReturnsUTF8Bytes() throws {
        let templates = try library(["t": "é{{x}}"])
        #expect(try templates.render("t", context: ["x": "ü"], strict: true) == Array("éü".utf8))
        #expect(templates.contains("t"))
        #expect(!templates.contains("partials/t"))
    }
}
