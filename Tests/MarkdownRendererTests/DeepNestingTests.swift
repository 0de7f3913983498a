import Foundation
import Testing
import MarkdownRenderer

/// Nesting depth is cmark's business; the renderer's own walk of the tree must survive any depth.
@Suite struct DeepNestingTests {
    @Test(arguments: [">", "-", "*"])
    func aHundredThousandLevelsRenderWithoutCrashing(marker: String) {
        let depth = 100_000
        let markdown = String(repeating: marker + " ", count: depth) + "deep [link](a.md) text\n"
        let started = ContinuousClock.now
        var links = 0
        let rendered = MarkdownRenderer.render(markdown) { _ in
            links += 1
            return .keep
        }
        #expect(rendered.plainText.contains("deep"))
        #expect(links == 1)
        // A hang check, not a benchmark: linear work takes milliseconds, quadratic takes minutes.
        #expect(ContinuousClock.now - started < .seconds(20))
        _ = MarkdownRenderer.firstParagraph(markdown)
    }
}
