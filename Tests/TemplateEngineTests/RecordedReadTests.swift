import Testing
import TemplateEngine

/// A render records the `.input` values it opens, and only those: what a template cannot reach,
/// however much of the context holds it, is not read.
@Suite struct RecordedReadTests {
    /// A context with three inputs: a list of two wrapped items (1, 2) inside input 3, and input 4 unused.
    let context: TemplateValue = [
        "site": ["sections": .input(3, ["pages": .list([.input(1, ["title": "A"]), .input(2, ["title": "B"])])])],
        "other": .input(4, ["title": "unused"]),
        "flag": .input(5, .bool(true)),
    ]

    func reads(_ text: String) throws -> (String, Set<Int>) {
        var reads: Set<Int> = []
        let bytes = try library(["t": text]).render("t", context: context, strict: true, reads: &reads)
        return (String(decoding: bytes, as: UTF8.self), reads)
    }

    @Test func iteratingAListReadsItAndEachItem() throws {
        let (text, read) = try reads("{{#site.sections.pages}}{{title}}{{/site.sections.pages}}")
        #expect(text == "AB")
        #expect(read == [1, 2, 3])
    }

    @Test func lookingThroughAValueReadsIt() throws {
        #expect(try reads("{{other.title}}") == ("unused", [4]))
        #expect(try reads("{{#flag}}yes{{/flag}}") == ("yes", [5]))
        #expect(try reads("{{^flag}}no{{/flag}}") == ("", [5]))
    }

    @Test func whatNoTagReachesIsNotRead() throws {
        #expect(try reads("plain") == ("plain", []))
        #expect(try reads("{{#site}}x{{/site}}") == ("x", []))
    }

    @Test func wrappedValuesRenderAsTheirValue() throws {
        let value: TemplateValue = .input(7, .input(8, "text"))
        #expect(value.unwrapped == "text")
        #expect(value.isTruthy)
        #expect(try render("{{v}}", ["v": value]) == "text")
        let object: TemplateValue = .input(9, ["k": "v"])
        #expect(object["k"] == "v")
    }
}
