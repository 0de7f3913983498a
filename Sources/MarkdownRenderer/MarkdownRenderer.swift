// placeholder until the MarkdownRenderer implementation lands
