"""A small reader over Python's html.parser: tags with attributes, and text by element."""
from html.parser import HTMLParser


class Page(HTMLParser):
    """Collects every start tag (name, attrs, enclosing landmarks) and the text of the document."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict, tuple]] = []
        self.stack: list[str] = []
        self.text_by_element: dict[str, list[str]] = {}
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self._script_text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {k: (v if v is not None else "") for k, v in attrs}
        self.tags.append((tag, attributes, tuple(self.stack)))
        if tag == "script":
            self._script = attributes
            self._script_text = []
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)
            return
        for element in set(self.stack):
            self.text_by_element.setdefault(element, []).append(data)

    def find(self, tag_name: str, /, **attributes) -> list[dict]:
        """Start tags named `tag_name` whose attributes have the given values."""
        return [attrs for tag, attrs, _ in self.tags
                if tag == tag_name and all(attrs.get(k.rstrip("_")) == v for k, v in attributes.items())]

    def text(self, element: str) -> str:
        return " ".join(" ".join(self.text_by_element.get(element, [])).split())


def read(path) -> Page:
    return Page(path.read_text(encoding="utf-8"))
