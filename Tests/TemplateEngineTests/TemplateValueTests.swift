import Testing
import TemplateEngine

@Suite struct TemplateValueTests {
    @Test func literals() {
        let value: TemplateValue = ["s": "x", "b": true, "i": 3, "d": 1.5, "l": [1, "a"], "o": ["k": .null]]
        #expect(value == .object([
            "s": .string("x"), "b": .bool(true), "i": .int(3), "d": .double(1.5),
            "l": .list([.int(1), .string("a")]), "o": .object(["k": .null]),
        ]))
    }

    @Test func subscriptLooksIntoObjectsOnly() {
        let value: TemplateValue = ["page": ["title": "T"]]
        #expect(value["page"]?["title"] == "T")
        #expect(value["missing"] == nil)
        #expect(TemplateValue.string("page")["page"] == nil)
    }
}
