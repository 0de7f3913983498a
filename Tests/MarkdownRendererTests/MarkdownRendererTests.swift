import Testing
@testable import MarkdownRenderer
