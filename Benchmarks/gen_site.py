#!/usr/bin/env python3
"""Generates a synthetic site for benchmarks: the real microsite plus N pages, seeded and deterministic.

The same pages are written twice, so that both tools build the same content:

  OUT/sitegen/Content/   sitegen's layout: the real Content/ (site.yml and its pages) plus N
                         synthetic pages; build it with the repository's real Templates/
                         (`sitegen build --content Content --templates <repo>/Templates`).
  OUT/hugo/              a Hugo site: the same Markdown files (content/<section>/<name>.md, same
                         YAML front matter), the real pages too (index.md becomes _index.md), the
                         theme's assets as static files, and minimal layouts doing the work the
                         real theme does: title, meta, nav, breadcrumbs, content, table of contents,
                         sidebars, section lists paginated as site.yml's `paginate` (`.Paginate`,
                         /<section>/page/k/), clusters grouped by tier, the home page's and the
                         cluster pages' bounded lists (the first 5, as the theme's `latest`), and
                         the `topics` taxonomy (a terms page, term pages paginated by 20, a page's
                         terms). Hugo writes HTML for every kind, one RSS feed (the home page's,
                         50 entries, as sitegen's Atom feed) and its sitemap; no per-list feeds.

Synthetic pages are 2-5 KB of Markdown with headings, lists, emphasis, inline and fenced code,
block quotes, some Chinese text, and relative `.md` links between pages (which sitegen checks).
They are split as the issue #11 site is: 60 % speakers (role, organisation), 20 % clusters (tier,
weight, half with a quote), 20 % news (date), with the front matter the real site's sections
require. Nothing is capped: the theme's lists are bounded (pagination, `latest`), so no page grows
with the site. (Earlier versions capped speakers and clusters and put the rest in an undeclared `docs`
section; the issue's shape has none, and the real site's own pages still use the default layout.)

With --taxonomy (the default) every synthetic page gets 1-3 `topics:` terms from a fixed list of
40 spellings of 33 topics (some differ only in case or accents, and fold to one slug: a page gets
at most one spelling of a topic), and site.yml gets `taxonomies: {topics: {title: Topics,
paginate: 20}}`; --no-taxonomy leaves both out. The terms come from a generator of their own, so
both variants have the same pages, bodies and links.

Usage: gen_site.py --pages 10000 --out /dev/shm/sitegen-bench/site-10000 [--seed 7] [--no-taxonomy]
Prints the number of files written and a SHA-256 digest of everything generated (same seed, size
and options, same digest).
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

# Topics for the `topics` taxonomy: each inner tuple is one topic, spelled one or more ways that
# differ only in case or accents (so they fold to one slug: "Économie numérique" and "economie
# numerique" are both /topics/economie-numerique/). Letters, digits, spaces and hyphens only, so
# that sitegen's slugs and Hugo's (urlize with removePathAccents) agree. 40 spellings, 33 topics.
TOPICS = [
    ("smart manufacturing", "Smart Manufacturing"), ("industrial design", "Industrial Design"),
    ("new energy vehicles",), ("electronic information",), ("advanced materials",), ("light alloys",),
    ("satellite internet",), ("bio-manufacturing", "Bio-Manufacturing"), ("life sciences",),
    ("food processing",), ("software services",), ("intelligent equipment",), ("new displays",),
    ("motorcycles",), ("user experience",), ("product design",), ("design education",),
    ("supply chains",), ("green design", "Green Design"), ("circular economy",), ("cultural heritage",),
    ("Dazu rock carvings",), ("Chengdu-Chongqing",), ("policy",), ("investment",), ("talent",),
    ("standards",), ("exhibitions",), ("awards",),
    ("Économie numérique", "economie numerique"), ("Café culture", "cafe culture"),
    ("Zürich partnership", "Zurich Partnership"), ("Design à la française",),
]


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

    def block(self, page: Page, level3: bool = True) -> str:
        """A paragraph, list, code block, quote or subsection (`###` only when `level3`, else `##`:
        headings must not skip a level, or `sitegen check --strict` warns)."""
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
        return f"{'###' if level3 else '##'} {self.title(2, 5)}\n\n{self.paragraph(page)}"

    def body(self, page: Page, budget: int) -> str:
        blocks = [self.paragraph(page)]
        size = len(blocks[0].encode())
        level2 = False
        while size < budget:
            if self.rng.random() < 0.3:
                blocks.append(f"## {self.title(2, 6)}")
                level2 = True
            blocks.append(self.block(page, level3=level2))
            level2 = level2 or blocks[-1].startswith("## ")
            size += len(blocks[-1].encode()) + 2
        return "\n\n".join(blocks) + "\n"


def plan(count: int, rng: random.Random) -> list[Page]:
    """Names, sections and front matter of `count` synthetic pages (bodies come later):
    60 % speakers, 20 % clusters, the rest news."""
    speakers = count * 6 // 10
    clusters = count // 5
    news = count - speakers - clusters
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
    return pages


def topics_line(rng: random.Random) -> str:
    """A page's `topics:` front matter line: 1-3 different topics, one spelling of each."""
    chosen = rng.sample(TOPICS, rng.randint(1, 3))
    return "topics: [" + ", ".join(yaml_string(rng.choice(spellings)) for spellings in chosen) + "]\n"


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
# As site.yml's `paginate: 24`: section lists (and term pages, by 20, in term.html) at /<list>/page/k/.
paginate = 24
# Term slugs fold accents (Hugo lowercases them anyway), as sitegen's do.
removePathAccents = true
# One feed of the 50 newest pages (sitegen: feed.xml, the 50 newest news articles); no per-list feeds.
rssLimit = 50
{disable}
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
{taxonomies}
[params]
description = "The Industry Design Empowerment Conference in Chengdu-Chongqing Economic Circle opened on 28 June 2023 in Dazu District, Chongqing."
disclaimer = "Disclaimer: Except for original content and specific statements, the articles and images published on this website are sourced from the internet and major mainstream media, and the copyrights belong to their respective original authors."
"""

HUGO_TAXONOMIES = """\
[taxonomies]
topic = "topics"
"""

HUGO_NO_TAXONOMIES = 'disableKinds = ["taxonomy", "term"]\n'

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Description }}">
{{ block "head" . }}<link rel="canonical" href="{{ .Permalink }}">{{ end }}
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

# One list page's cards and the pager (the context is the paginator).
HUGO_PAGED_CARDS = """\
<ul class="cards" role="list">
  {{ range .Pages }}{{ partial "card.html" . }}{{ end }}
</ul>
{{ partial "pager.html" . }}
"""

# The head of list, terms and clusters pages: breadcrumbs and the title.
HUGO_LIST_HEAD = """\
<div class="page-head">
  <div class="wrap">
    {{ partial "breadcrumbs.html" . }}
    <h1>{{ .Title }}</h1>
  </div>
</div>
"""

# A list page's title ("News — page 2") and head: its own canonical URL and rel prev/next.
HUGO_PAGER_TITLE = """\
{{ .page.Title }}{{ if gt .pager.PageNumber 1 }} — page {{ .pager.PageNumber }}{{ end }} · {{ site.Title }}"""

HUGO_PAGER_HEAD = """\
<link rel="canonical" href="{{ .URL | absURL }}">
{{ with .Prev }}<link rel="prev" href="{{ .URL }}">{{ end }}
{{ with .Next }}<link rel="next" href="{{ .URL }}">{{ end }}
"""

# The pager, as the theme's partials/pager: the first and last pages, four either side of this one.
HUGO_PAGER = """\
{{ $p := . }}{{ $n := $p.PageNumber }}{{ $t := $p.TotalPages }}
{{ if gt $t 1 }}
<nav class="pager" aria-label="Pages">
  <ul role="list">
    {{ with $p.Prev }}<li><a rel="prev" href="{{ .URL }}">Previous page</a></li>{{ end }}
    {{ $from := cond (gt $n 5) (sub $n 4) 1 }}{{ $to := cond (lt (add $n 4) $t) (add $n 4) $t }}
    {{ if gt $from 1 }}<li><a href="{{ $p.First.URL }}" aria-label="Page 1">1</a></li>{{ end }}
    {{ if gt $from 2 }}<li class="pager-gap" aria-hidden="true">…</li>{{ end }}
    {{ range seq $from $to }}{{ with index $p.Pagers (sub . 1) }}<li><a href="{{ .URL }}"{{ if eq .PageNumber $n }} aria-current="page"{{ end }} aria-label="Page {{ .PageNumber }}">{{ .PageNumber }}</a></li>{{ end }}{{ end }}
    {{ if lt $to (sub $t 1) }}<li class="pager-gap" aria-hidden="true">…</li>{{ end }}
    {{ if lt $to $t }}<li><a href="{{ $p.Last.URL }}" aria-label="Page {{ $t }}">{{ $t }}</a></li>{{ end }}
    {{ with $p.Next }}<li><a rel="next" href="{{ .URL }}">Next page</a></li>{{ end }}
  </ul>
  <p class="pager-status">Page {{ $n }} of {{ $t }}</p>
</nav>
{{ end }}
"""

# A page summary in lists (sitegen's list cards: title, date, role and organisation, description).
HUGO_CARD = """\
<li class="card">
  <h2 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
  {{ with .Params.role }}<p class="person-role">{{ . }}</p>{{ end }}
  {{ with .Params.organisation }}<p class="person-org">{{ . }}</p>{{ end }}
  {{ with .Description }}<p>{{ . }}</p>{{ end }}
</li>
"""

# The first pages of a cluster's tier (the theme's page.group.latest): the same for every page of
# the tier, so cached per tier, as a Hugo theme would.
HUGO_TIER_SIBLINGS = """\
<section class="wrap siblings" aria-labelledby="siblings-title">
  <h2 id="siblings-title">Also named in this tier</h2>
  <ul class="cards" role="list">
    {{ range first 5 (where .CurrentSection.Pages "Params.tier" .Params.tier) }}<li class="card cluster-card"><h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3></li>
    {{ end }}
  </ul>
  <p><a class="more" href="{{ .CurrentSection.RelPermalink }}">All clusters of the “33618” system</a></p>
</section>
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
    {{ with .GetTerms "topics" }}<ul class="terms" aria-label="Topics">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
  </div>
</div>
<div class="wrap content-grid">
  <div class="prose">
    {{ with .Params.quote }}<figure class="source-quote"><blockquote><p>{{ . }}</p></blockquote>
      <figcaption>From {{ with site.GetPage "/news" }}{{ range first 1 .Pages }}<a href="{{ .RelPermalink }}">the conference article</a>{{ end }}{{ end }}</figcaption></figure>{{ end }}
    {{ .Content }}
  </div>
  <aside class="sidebar">
    {{ if ne .Section "clusters" }}{{ with site.GetPage "/clusters" }}<div class="card cluster-card"><p class="card-kicker">Clusters</p>
      <h2 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ len .Pages }} clusters named in the article, tier by tier.</p></div>{{ end }}{{ end }}
    <nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2>{{ .TableOfContents }}</nav>
  </aside>
</div>
{{ if eq .Section "clusters" }}{{ partialCached "tier-siblings.html" . .Params.tier }}{{ end }}
{{ end }}
"""

HUGO_LIST = """\
{{ define "title" }}{{ partial "pager-title.html" (dict "page" . "pager" (.Paginate .Pages)) }}{{ end }}
{{ define "head" }}{{ partial "pager-head.html" (.Paginate .Pages) }}{{ end }}
{{ define "main" }}
{{ partial "list-head.html" . }}
<div class="wrap">
  {{ with .Content }}<div class="prose lede">{{ . }}</div>{{ end }}
  {{ $pager := .Paginate .Pages }}
  {{ partial "paged-cards.html" $pager }}
</div>
{{ end }}
"""

# Clusters by tier, paginated in group order (as sitegen's group_by).
HUGO_CLUSTERS_LIST = """\
{{ define "title" }}{{ partial "pager-title.html" (dict "page" . "pager" (.Paginate (.Pages.GroupByParam "tier"))) }}{{ end }}
{{ define "head" }}{{ partial "pager-head.html" (.Paginate (.Pages.GroupByParam "tier")) }}{{ end }}
{{ define "main" }}
{{ partial "list-head.html" . }}
<div class="wrap">
  {{ with .Content }}<div class="prose lede">{{ . }}</div>{{ end }}
  {{ $pager := .Paginate (.Pages.GroupByParam "tier") }}
  {{ range $pager.PageGroups }}
  <section class="tier tier-{{ .Key }}" id="tier-{{ .Key }}">
    <h2>{{ .Key }}</h2>
    <ul class="cards" role="list">
      {{ range .Pages }}<li class="card cluster-card"><h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3></li>
      {{ end }}
    </ul>
  </section>
  {{ end }}
  {{ partial "pager.html" $pager }}
</div>
{{ end }}
"""

# /topics/: every term with its page count, by name.
HUGO_TERMS = """\
{{ define "main" }}
{{ partial "list-head.html" . }}
<div class="wrap">
  <ul class="cards terms" role="list">
    {{ range .Data.Terms.Alphabetical }}<li class="card"><h2 class="card-title"><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h2><p>{{ .Count }} pages</p></li>
    {{ end }}
  </ul>
</div>
{{ end }}
"""

# /topics/<term>/: the term's pages, 20 a page (site.yml's `paginate: 20` for the taxonomy).
HUGO_TERM = """\
{{ define "title" }}{{ partial "pager-title.html" (dict "page" . "pager" (.Paginate .Pages 20)) }}{{ end }}
{{ define "head" }}{{ partial "pager-head.html" (.Paginate .Pages 20) }}{{ end }}
{{ define "main" }}
<div class="page-head">
  <div class="wrap">
    {{ partial "breadcrumbs.html" . }}
    <p class="eyebrow">Topics</p>
    <h1>{{ .Title }}</h1>
    <p class="meta">{{ len .Pages }} pages</p>
  </div>
</div>
<div class="wrap">
  {{ $pager := .Paginate .Pages 20 }}
  {{ partial "paged-cards.html" $pager }}
</div>
{{ end }}
"""

# The home page: the first 5 speakers and news articles (the theme's `latest`), not paginated.
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
    {{ range first 5 .Pages }}<div class="card person-card"><h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Params.role }}<p>{{ . }}</p>{{ end }}</div>
    {{ end }}
    <p><a class="more" href="{{ .RelPermalink }}">All speakers</a></p>
  </aside>
  {{ end }}
</div>
{{ with site.GetPage "/news" }}
<section class="wrap home-news"><h2>{{ .Title }}</h2>
  <ul class="cards" role="list">
    {{ range first 5 .Pages }}<li class="card news-card">
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

# The real pages' shortcodes, as Templates/shortcodes/ (`{{< clusters >}}`, `{{< speaker ref=".." >}}`).
HUGO_SHORTCODE_CLUSTERS = """\
{{ with site.GetPage "/clusters" }}<aside class="card cluster-card" aria-label="{{ .Title }}">
  <p class="card-kicker">Clusters</p>
  <p class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>
  <p>{{ len .Pages }} clusters named in the article, tier by tier.</p>
</aside>{{ end }}
"""

HUGO_SHORTCODE_SPEAKER = """\
{{ with .Page.GetPage (.Get "ref") }}<aside class="card person-card" aria-label="Speaker: {{ .Title }}">
  <img class="avatar" src="{{ "assets/img/speaker.svg" | relURL }}" alt="" width="64" height="64">
  <div>
    <p class="card-kicker">Speaker</p>
    <p class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>
    {{ with .Params.role }}<p class="person-role">{{ . }}</p>{{ end }}
    {{ with .Params.organisation }}<p class="person-org">{{ . }}</p>{{ end }}
  </div>
</aside>{{ end }}
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": HUGO_BASEOF, "_default/single.html": HUGO_SINGLE, "_default/list.html": HUGO_LIST,
    "_default/terms.html": HUGO_TERMS, "_default/term.html": HUGO_TERM, "clusters/list.html": HUGO_CLUSTERS_LIST,
    "index.html": HUGO_INDEX, "partials/breadcrumbs.html": HUGO_BREADCRUMBS, "partials/pager.html": HUGO_PAGER,
    "partials/pager-head.html": HUGO_PAGER_HEAD, "partials/pager-title.html": HUGO_PAGER_TITLE,
    "partials/card.html": HUGO_CARD, "partials/paged-cards.html": HUGO_PAGED_CARDS, "partials/list-head.html": HUGO_LIST_HEAD,
    "partials/tier-siblings.html": HUGO_TIER_SIBLINGS,
    "shortcodes/clusters.html": HUGO_SHORTCODE_CLUSTERS, "shortcodes/speaker.html": HUGO_SHORTCODE_SPEAKER,
}

# Appended to the real site.yml with --taxonomy.
SITEGEN_TAXONOMIES = """
# Added by Benchmarks/gen_site.py: the benchmark site's taxonomy (front matter `topics: [..]`).
taxonomies:
  topics: {title: Topics, paginate: 20}
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


def generate(count: int, out: str, seed: int, content: str, templates: str | None, body_scale: int = 1,
             taxonomy: bool = True) -> Output:
    rng = random.Random(seed)
    pages = plan(count, rng)
    real = real_pages(content)
    real_links = [p for p in real if not p.startswith("_index") and p != "index.md"]
    writer = Writer(rng, pages, real_links)

    for folder in ("sitegen", "hugo"):
        shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
    output = Output(out)

    # The real site, as it is, in both layouts (plus the taxonomy's declaration).
    with open(os.path.join(content, "site.yml"), "rb") as handle:
        site_yml = handle.read()
    if taxonomy:
        site_yml = site_yml.rstrip(b"\n") + b"\n" + SITEGEN_TAXONOMIES.encode()
    output.write("sitegen/Content/site.yml", site_yml)
    for relative in real:
        with open(os.path.join(content, relative), "rb") as handle:
            data = handle.read()
        output.write(f"sitegen/Content/{relative}", data)
        hugo_relative = "_index.md" if relative == "index.md" else relative
        output.write(f"hugo/content/{hugo_relative}", data)

    # Topics come from a generator of their own: the pages are the same with or without them.
    topic_rng = random.Random(f"{seed}-topics")
    topics = [topics_line(topic_rng) if taxonomy else "" for _ in pages]

    for page, page_topics in zip(pages, topics):
        budget = rng.randint(2048, 5120) * body_scale
        lines = ["---", f"title: {yaml_string(page.title)}",
                 f"description: {yaml_string(' '.join(writer.words(8, 20)).capitalize() + '.')}"]
        lines += [f"{key}: {value}" for key, value in page.front]
        header = "\n".join(lines) + "\n"
        body = writer.body(page, budget - len(header.encode()) - 4)
        data = (header + page_topics + "---\n" + body).encode()
        output.write(f"sitegen/Content/{page.path}", data)
        output.write(f"hugo/content/{page.path}", data)

    # Hugo's configuration, layouts and the theme's assets as static files.
    config = HUGO_CONFIG.replace("{disable}", "" if taxonomy else HUGO_NO_TAXONOMIES) \
        .replace("{taxonomies}", HUGO_TAXONOMIES if taxonomy else "")
    output.write("hugo/config.toml", config.encode())
    for relative, text in HUGO_LAYOUTS.items():
        output.write(f"hugo/layouts/{relative}", text.encode())
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
    parser.add_argument("--taxonomy", action=argparse.BooleanOptionalAction, default=True,
                        help="give pages 1-3 `topics:` terms and declare the taxonomy in site.yml and the Hugo "
                             "config (default); --no-taxonomy: neither, for a sitegen without taxonomies")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    if os.path.commonpath([out, repo]) == repo:
        print(f"gen_site.py: refusing to write into the repository ({out}); use /dev/shm or /tmp", file=sys.stderr)
        return 2
    output = generate(args.pages, out, args.seed, args.content, args.templates, args.body_scale, args.taxonomy)
    print(f"{output.count} files in {out} (seed {args.seed}, {args.pages} synthetic pages, "
          f"{'with' if args.taxonomy else 'without'} taxonomy), sha256 {output.digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
