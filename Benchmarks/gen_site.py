#!/usr/bin/env python3
"""Generates a synthetic site for benchmarks: the real microsite plus N pages, seeded and deterministic.

The same pages are written twice, so that both tools build the same content:

  OUT/sitegen/Content/   sitegen's layout: the real Content/ (site.yml and its pages) plus N
                         synthetic pages; build it with the repository's real Templates/
                         (`sitegen build --content Content --templates <repo>/Templates`).
  OUT/hugo/              a Hugo site: the same Markdown files (content/<section>/<name>.md, same
                         YAML front matter), the real pages too (index.md becomes _index.md), the
                         theme's assets as static files, and minimal layouts doing comparable work
                         (title, meta, nav, breadcrumbs, content, table of contents, sidebars, lists
                         of section pages). Hugo keeps its defaults (sitemap, RSS, taxonomies).

Synthetic pages are 2-5 KB of Markdown with headings, lists, emphasis, inline and fenced code,
block quotes, some Chinese text, and relative `.md` links between pages (which sitegen checks).
They go to the real sections with the fields site.yml requires (speakers: role and organisation;
clusters: tier; news: date) and to a `docs` section that site.yml does not declare. Speakers and
clusters are capped (50 and 60): the theme lists a cluster's tier siblings on every cluster page
and the speakers on the home page, lists that would otherwise grow with the site.

Usage: gen_site.py --pages 10000 --out /dev/shm/sitegen-bench/site-10000 [--seed 7] [--content Content]
Prints the number of files written and a SHA-256 digest of everything generated (same seed and
size, same digest).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
from dataclasses import dataclass, field

WORDS = (
    "design industry cluster manufacturing vehicle electronic material software service equipment "
    "intelligent digital smart economy future empower innovation enterprise region circle district "
    "conference forum dialogue initiative opportunity development quality growth market application "
    "landscape space system modern pillar dominant advantageous characteristic display motorcycle alloy "
    "satellite internet biology science food agriculture processing network energy battery sensor chip "
    "factory workshop supply chain logistics platform data model prototype user experience research "
    "product engineer designer student university laboratory policy investment partner export brand "
    "craft tradition heritage culture museum exhibition award competition talent training standard "
    "quality efficiency carbon green sustainable recycling circular automation robot assembly testing "
    "certification upgrade transformation integration collaboration ecosystem incubator park zone "
    "province municipal committee government association federation council bureau office city county"
).split()

PLACES = ["Chongqing", "Chengdu", "Dazu", "Yongchuan", "Mianyang", "Deyang", "Yibin", "Luzhou",
          "Neijiang", "Suining", "Leshan", "Nanchong", "Fuling", "Wanzhou", "Hechuan", "Jiangjin"]

ROLES = ["Vice Chairman", "Director", "Chief Designer", "Professor", "Dean", "President",
         "Deputy Mayor", "Head of Research", "Founder", "Secretary General", "Chief Engineer"]

ORG_KINDS = ["Industrial Design Association", "Institute of Design", "University", "Manufacturing Group",
             "Municipal Bureau of Economy and Information Technology", "Design Centre", "Automotive Co., Ltd.",
             "Electronics Research Institute", "Chamber of Commerce", "Innovation Park"]

SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
            "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Tan", "Deng", "Feng", "Tang", "Cao"]
GIVEN = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Hua", "Ling", "Qiang", "Xin", "Ying",
         "Bo", "Hao", "Yu", "Jie", "Mei", "Tao", "Rui", "Lan", "Ping", "Kai", "Na", "Hong"]

CHINESE = ["工业设计赋能成渝地区双城经济圈。", "重庆大足举办工业设计大会。", "智能网联新能源汽车产业集群。",
           "新一代电子信息制造业。", "先进材料与轻合金材料。", "数智赋能经济，设计赢得未来。",
           "卫星互联网、生物制造与生命科学。", "食品及农产品加工产业。"]

TIERS = [("trillion", 3), ("five-hundred-billion", 3), ("hundred-billion", 6), ("new-star", 18)]

LANGUAGES = ["swift", "yaml", "json", "sh", "python", "c"]

SPEAKER_CAP = 50
CLUSTER_CAP = 60


@dataclass
class Page:
    section: str
    name: str  # file name without .md
    title: str
    front: list[tuple[str, str]] = field(default_factory=list)  # extra YAML lines, in order

    @property
    def path(self) -> str:
        return f"{self.section}/{self.name}.md"


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    """Draws words and Markdown blocks from one seeded generator."""

    def __init__(self, rng: random.Random, pages: list[Page], real_links: list[str]):
        self.rng = rng
        self.pages = pages
        self.real_links = real_links

    def words(self, low: int, high: int) -> list[str]:
        return [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]

    def title(self, low: int = 3, high: int = 7) -> str:
        words = self.words(low, high)
        return " ".join(w.capitalize() if i == 0 or len(w) > 3 else w for i, w in enumerate(words))

    def link(self, page: Page) -> str:
        """A relative link from `page` to another page's Markdown file."""
        if self.rng.random() < 0.1:
            target = self.rng.choice(self.real_links)
        else:
            target = self.rng.choice(self.pages).path
        section, _, name = target.rpartition("/")
        if section == page.section:
            destination = name
        elif section:
            destination = f"../{section}/{name}"
        else:
            destination = f"../{name}"
        return f"[{' '.join(self.words(1, 4))}]({destination})"

    def sentence(self, page: Page) -> str:
        parts = self.words(6, 18)
        roll = self.rng.random()
        at = self.rng.randrange(len(parts))
        if roll < 0.12:
            parts[at] = f"*{parts[at]}*"
        elif roll < 0.22:
            parts[at] = f"**{parts[at]}**"
        elif roll < 0.30:
            parts[at] = f"`{parts[at]}_{self.rng.randint(1, 99)}()`"
        elif roll < 0.45:
            parts[at] = self.link(page)
        elif roll < 0.50:
            parts[at] = self.rng.choice(PLACES)
        text = " ".join(parts)
        text = text[0].upper() + text[1:]
        if self.rng.random() < 0.06:
            return text + ". " + self.rng.choice(CHINESE)
        return text + "."

    def paragraph(self, page: Page) -> str:
        return " ".join(self.sentence(page) for _ in range(self.rng.randint(3, 6)))

    def block(self, page: Page) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self.paragraph(page)
        if roll < 0.60:
            return "\n".join(f"- {self.sentence(page)}" for _ in range(self.rng.randint(3, 6)))
        if roll < 0.70:
            return "\n".join(f"{i}. {self.sentence(page)}" for i in range(1, self.rng.randint(3, 6) + 1))
        if roll < 0.80:
            language = self.rng.choice(LANGUAGES)
            lines = [f"{self.rng.choice(WORDS)}_{i} = \"{' '.join(self.words(1, 5))}\"  # {self.rng.choice(WORDS)}"
                     for i in range(self.rng.randint(3, 8))]
            return f"```{language}\n" + "\n".join(lines) + "\n```"
        if roll < 0.88:
            return "> " + self.paragraph(page)
        return f"### {self.title(2, 5)}\n\n{self.paragraph(page)}"

    def body(self, page: Page, budget: int) -> str:
        blocks = [self.paragraph(page)]
        size = len(blocks[0].encode())
        while size < budget:
            if self.rng.random() < 0.3:
                blocks.append(f"## {self.title(2, 6)}")
            blocks.append(self.block(page))
            size += len(blocks[-1].encode()) + 2
        return "\n\n".join(blocks) + "\n"


def plan(count: int, rng: random.Random) -> list[Page]:
    """Names, sections and front matter of `count` synthetic pages (bodies come later)."""
    speakers = min(SPEAKER_CAP, count // 100)
    clusters = min(CLUSTER_CAP, count // 100)
    rest = count - speakers - clusters
    news = rest * 6 // 10
    docs = rest - news
    pages: list[Page] = []
    writer = Writer(rng, [], [])
    for i in range(speakers):
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(GIVEN).lower()}"
        organisation = f"{rng.choice(PLACES)} {rng.choice(ORG_KINDS)}"
        slug = name.lower().replace(" ", "-") + f"-{i:05d}"
        pages.append(Page("speakers", slug, name, [("role", yaml_string(rng.choice(ROLES))),
                                                    ("organisation", yaml_string(organisation))]))
    tier_names = [t for t, _ in TIERS]
    tier_weights = [w for _, w in TIERS]
    for i in range(clusters):
        title = writer.title(2, 5)
        front = [("tier", rng.choices(tier_names, tier_weights)[0]), ("weight", str(100 + i))]
        if rng.random() < 0.5:
            front.append(("quote", yaml_string(" ".join(writer.words(12, 30)).capitalize() + ".")))
        pages.append(Page("clusters", f"synthetic-{i:05d}", title, front))
    for i in range(news):
        title = writer.title()
        date = f"{rng.randint(2015, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        slug = "-".join(title.lower().split()[:4])
        pages.append(Page("news", f"{date}-{slug}-{i:05d}", title, [("date", date)]))
    for i in range(docs):
        title = writer.title()
        slug = "-".join(title.lower().split()[:4])
        pages.append(Page("docs", f"{slug}-{i:05d}", title))
    return pages


def real_pages(content: str) -> list[str]:
    """Content paths of the real site's pages, sorted (stable across file systems)."""
    found = []
    for folder, dirs, files in os.walk(content):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                found.append(os.path.relpath(os.path.join(folder, name), content))
    return sorted(found)


HUGO_CONFIG = """\
baseURL = "https://idec-chengdu-chongqing.example/"
languageCode = "en"
title = "Industry Design Empowerment Conference in Chengdu-Chongqing Economic Circle"

[params]
description = "The Industry Design Empowerment Conference in Chengdu-Chongqing Economic Circle opened on 28 June 2023 in Dazu District, Chongqing."
disclaimer = "Disclaimer: Except for original content and specific statements, the articles and images published on this website are sourced from the internet and major mainstream media, and the copyrights belong to their respective original authors."
"""

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="icon" href="{{ "assets/img/logo.svg" | relURL }}" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ "index.xml" | absURL }}">
<link rel="stylesheet" href="{{ "assets/css/site.css" | relURL }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ .Description }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{ .Title }}">
<meta name="twitter:description" content="{{ .Description }}">
</head>
<body class="kind-{{ .Kind }}">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap masthead">
    <a class="brand" href="{{ "" | relURL }}"><img class="brand-logo" src="{{ "assets/img/logo.svg" | relURL }}" alt="" width="48" height="48"> <span class="brand-name">{{ site.Title }}</span></a>
    <nav class="site-nav" aria-label="Main">
      <ul>
        {{ range site.Sections }}<li><a href="{{ .RelPermalink }}"{{ if eq $.Section .Section }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
        {{ end }}
      </ul>
    </nav>
  </div>
</header>
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap footer-grid">
    <div class="footer-about"><p class="footer-title"><span>{{ site.Title }}</span></p><p>{{ site.Params.description }}</p></div>
    <nav class="footer-nav" aria-label="Footer">
      <ul>
        {{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
        {{ end }}
      </ul>
    </nav>
  </div>
  {{ with site.Params.disclaimer }}<div class="wrap"><p class="disclaimer">{{ . }}</p></div>{{ end }}
</footer>
</body>
</html>
"""

HUGO_BREADCRUMBS = """\
<nav class="breadcrumbs" aria-label="Breadcrumb">
  <ol>
    {{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
    <li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li>
  </ol>
</nav>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<div class="page-head">
  <div class="wrap">
    {{ partial "breadcrumbs.html" . }}
    <p class="eyebrow">{{ .CurrentSection.Title }}</p>
    <h1>{{ .Title }}</h1>
    {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
    {{ with .Params.role }}<p class="person-role">{{ . }}</p>{{ end }}
    {{ with .Params.organisation }}<p class="person-org">{{ . }}</p>{{ end }}
  </div>
</div>
<div class="wrap content-grid">
  <div class="prose">
    {{ with .Params.quote }}<figure class="source-quote"><blockquote><p>{{ . }}</p></blockquote></figure>{{ end }}
    {{ .Content }}
  </div>
  {{ if eq .Section "clusters" }}
  <aside class="sidebar tier-card"><h2 class="sidebar-title">Also in this tier</h2>
    <ul class="cards" role="list">
      {{ range where .CurrentSection.Pages "Params.tier" .Params.tier }}<li class="card cluster-card"><h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3></li>
      {{ end }}
    </ul>
  </aside>
  {{ else }}
  <aside class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2>{{ .TableOfContents }}</aside>
  {{ end }}
</div>
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<div class="page-head">
  <div class="wrap">
    {{ partial "breadcrumbs.html" . }}
    <h1>{{ .Title }}</h1>
  </div>
</div>
<div class="wrap">
  {{ with .Content }}<div class="prose lede">{{ . }}</div>{{ end }}
  <ul class="cards" role="list">
    {{ range .Pages }}<li class="card">
      <h2 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
      {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
      {{ with .Description }}<p>{{ . }}</p>{{ end }}
    </li>
    {{ end }}
  </ul>
</div>
{{ end }}
"""

HUGO_INDEX = """\
{{ define "title" }}{{ site.Title }}{{ end }}
{{ define "main" }}
<section class="hero"><div class="wrap hero-inner">
  {{ with .Params.region }}<p class="eyebrow">{{ . }}</p>{{ end }}
  <h1 id="hero-title">{{ .Title }}</h1>
  {{ with .Params.theme }}<p class="hero-theme">“{{ . }}”</p>{{ end }}
</div></section>
<div class="wrap content-grid home-intro">
  <div class="prose">{{ .Content }}</div>
  {{ with site.GetPage "/speakers" }}
  <aside class="sidebar"><h2 class="sidebar-title">{{ .Title }}</h2>
    {{ range .Pages }}<div class="card person-card"><h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Params.role }}<p>{{ . }}</p>{{ end }}</div>
    {{ end }}
  </aside>
  {{ end }}
</div>
{{ with site.GetPage "/news" }}
<section class="wrap home-news"><h2>{{ .Title }}</h2>
  <ul class="cards" role="list">
    {{ range .Pages }}<li class="card news-card">
      {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
      <h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
      {{ with .Description }}<p>{{ . }}</p>{{ end }}
    </li>
    {{ end }}
  </ul>
</section>
{{ end }}
{{ end }}
"""


class Output:
    """Writes files under one root and hashes what it wrote, in order."""

    def __init__(self, root: str):
        self.root = root
        self.digest = hashlib.sha256()
        self.count = 0

    def write(self, relative: str, data: bytes) -> None:
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        self.digest.update(relative.encode() + b"\0" + data + b"\0")
        self.count += 1


def generate(count: int, out: str, seed: int, content: str, templates: str | None, body_scale: int = 1) -> Output:
    rng = random.Random(seed)
    pages = plan(count, rng)
    real = real_pages(content)
    real_links = [p for p in real if not p.startswith("_index") and p != "index.md"]
    writer = Writer(rng, pages, real_links)

    for folder in ("sitegen", "hugo"):
        shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
    output = Output(out)

    # The real site, as it is, in both layouts.
    with open(os.path.join(content, "site.yml"), "rb") as handle:
        output.write("sitegen/Content/site.yml", handle.read())
    for relative in real:
        with open(os.path.join(content, relative), "rb") as handle:
            data = handle.read()
        output.write(f"sitegen/Content/{relative}", data)
        hugo_relative = "_index.md" if relative == "index.md" else relative
        output.write(f"hugo/content/{hugo_relative}", data)

    # The docs section's list page (site.yml does not declare the section).
    docs_index = b"---\ntitle: Documentation\ndescription: Synthetic pages for benchmarks.\n---\nPages generated by Benchmarks/gen_site.py.\n"
    output.write("sitegen/Content/docs/_index.md", docs_index)
    output.write("hugo/content/docs/_index.md", docs_index)

    for page in pages:
        budget = rng.randint(2048, 5120) * body_scale
        lines = ["---", f"title: {yaml_string(page.title)}",
                 f"description: {yaml_string(' '.join(writer.words(8, 20)).capitalize() + '.')}"]
        lines += [f"{key}: {value}" for key, value in page.front]
        lines.append("---")
        header = "\n".join(lines) + "\n"
        data = (header + writer.body(page, budget - len(header.encode()))).encode()
        output.write(f"sitegen/Content/{page.path}", data)
        output.write(f"hugo/content/{page.path}", data)

    # Hugo's configuration, layouts and the theme's assets as static files.
    output.write("hugo/config.toml", HUGO_CONFIG.encode())
    output.write("hugo/layouts/_default/baseof.html", HUGO_BASEOF.encode())
    output.write("hugo/layouts/_default/single.html", HUGO_SINGLE.encode())
    output.write("hugo/layouts/_default/list.html", HUGO_LIST.encode())
    output.write("hugo/layouts/index.html", HUGO_INDEX.encode())
    output.write("hugo/layouts/partials/breadcrumbs.html", HUGO_BREADCRUMBS.encode())
    if templates:
        assets = os.path.join(templates, "assets")
        for folder, dirs, files in os.walk(assets):
            dirs.sort()
            for name in sorted(files):
                source = os.path.join(folder, name)
                with open(source, "rb") as handle:
                    output.write("hugo/static/assets/" + os.path.relpath(source, assets), handle.read())
    return output


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="number of synthetic pages")
    parser.add_argument("--out", required=True, help="folder to write sitegen/ and hugo/ into (use /dev/shm or /tmp)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--content", default=os.path.join(repo, "Content"), help="the real Content/ folder")
    parser.add_argument("--templates", default=os.path.join(repo, "Templates"),
                        help="the real Templates/ folder (its assets are copied into the Hugo site)")
    parser.add_argument("--body-scale", type=int, default=1,
                        help="multiply every synthetic page's body size (default 1: 2-5 KB), to see what grows with bodies")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    if os.path.commonpath([out, repo]) == repo:
        print(f"gen_site.py: refusing to write into the repository ({out}); use /dev/shm or /tmp", file=sys.stderr)
        return 2
    output = generate(args.pages, out, args.seed, args.content, args.templates, args.body_scale)
    print(f"{output.count} files in {out} (seed {args.seed}, {args.pages} synthetic pages), sha256 {output.digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
