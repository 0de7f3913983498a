"""Checks of the theme (Templates/) on the built site: what the templates promise beyond the page set."""
import re

from htmltext import read

TIERS = [("trillion", 3), ("five-hundred-billion", 3), ("hundred-billion", 6), ("new-star", 18)]


def html_pages(site_dir):
    return sorted(site_dir.rglob("*.html"))


def sentences(seed_dir):
    """The article's sentences, split after a full stop followed by a space and a capital letter."""
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-Z])", " ".join(text.split()))]


def test_clusters_list_states_total_and_named_count_per_tier_in_order(site_dir):
    page = read(site_dir / "clusters/index.html")
    ids = [attrs["id"] for tag, attrs, _ in page.tags if tag == "section" and attrs.get("id", "").startswith("tier-")]
    assert ids == [f"tier-{value}" for value, _ in TIERS]
    text = page.text("main")
    for (value, total) in TIERS:
        assert f"{total} in this tier · 3 named in the article" in text, value


def test_each_cluster_page_quotes_the_sentence_of_the_article_that_names_it(site_dir, seed_dir):
    article = sentences(seed_dir)
    pages = sorted((site_dir / "clusters").glob("*/index.html"))
    assert len(pages) == 12
    for path in pages:
        page = read(path)
        quote = page.text("blockquote")
        assert quote in article, f"{path}: quote is not a sentence of the article"
        assert page.text("h1").lower() in quote.lower(), f"{path}: quote does not name the cluster"


def test_cluster_pages_link_to_their_tier_on_the_list(site_dir):
    for path in (site_dir / "clusters").glob("*/index.html"):
        page = read(path)
        tier_links = [a["href"] for a in page.find("a") if re.fullmatch(r"\.\./index\.html#tier-[a-z-]+", a.get("href", ""))]
        assert tier_links, f"{path}: no link to its tier"


def test_event_page_links_its_calendar_file(site_dir):
    page = read(site_dir / "event/index.html")
    links = [a for a in page.find("a") if a.get("href", "").endswith(".ics")]
    assert links, "no Add to calendar link"
    assert (site_dir / "event" / links[0]["href"]).exists()
    assert "Add to calendar" in page.text("main")


def test_navigation_marks_the_current_section_only(site_dir):
    for section, title in [("event", "Event"), ("speakers", "Speakers"), ("clusters", "Clusters"), ("news", "News"),
                           ("contact", "Contact us")]:
        page = read(site_dir / section / "index.html")
        current = [attrs for tag, attrs, stack in page.tags if tag == "a" and "aria-current" in attrs and "nav" in stack
                   and "header" in stack]
        assert len(current) == 1, f"{section}: {len(current)} current nav items"
        assert current[0]["aria-current"] == "page"
    single = read(site_dir / "speakers/tan-jialing/index.html")
    marked = [attrs for tag, attrs, stack in single.tags if tag == "a" and attrs.get("aria-current") and "header" in stack]
    assert [m["href"] for m in marked] == ["../index.html"]
    assert marked[0]["aria-current"] == "true"


def test_404_works_at_any_depth(site_dir):
    page = read(site_dir / "404.html")
    base = re.search(r"^Sitemap: (\S+/)sitemap\.xml$", (site_dir / "robots.txt").read_text(), re.M).group(1)
    for tag, attrs, _ in page.tags:
        for attribute in ("href", "src"):
            value = attrs.get(attribute)
            if value is None or value.startswith("#"):
                continue
            assert value.startswith(base), f"404.html: {tag} {attribute}={value} is not absolute"


def test_headings_do_not_skip_levels(site_dir):
    for path in html_pages(site_dir):
        levels = [int(tag[1]) for tag, _, _ in read(path).tags if re.fullmatch(r"h[1-6]", tag)]
        assert levels and levels[0] == 1, f"{path}: first heading is not h1"
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path}: h{before} followed by h{after}"


def test_images_have_alt_text(site_dir):
    for path in html_pages(site_dir):
        for attrs in read(path).find("img"):
            assert "alt" in attrs, f"{path}: img {attrs.get('src')} without alt"


def test_stylesheet_is_self_contained_with_focus_and_print_styles(site_dir):
    css = (site_dir / "assets/css/site.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert ":focus-visible" in css
    assert "@font-face" not in css and "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), "external url() in site.css"
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
        assert (site_dir / "assets/css" / url).resolve().exists(), url


def test_no_template_syntax_reaches_a_reader(site_dir):
    """No page shows Mustache or shortcode syntax, or a shortcode placeholder, as text (a comment in
    a template that contains '}}' ends early and prints the rest)."""
    for path in html_pages(site_dir):
        text = read(path).text("body")
        for leftover in ("{{", "}}", "\ue000", "\ue001"):
            assert leftover not in text, f"{path.relative_to(site_dir)}: {leftover!r} in the page's text"
