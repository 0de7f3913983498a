"""Search in a real browser: headless Chromium driven over WebDriver, on the built site opened
from file:// and served under a subpath (/sub/path/). Types into the header box, presses Enter
and reads the /search/ page; checks queries by name, prefix, stem, Chinese, no match, the
keyboard path through the results listbox, and that markup in titles stays text.

The site is the repository's Content/ plus the pages in Tests/Browser/fixture/content (Chinese
text and a title made of markup), built with $SITEGEN (default .build/debug/sitegen).
Without Chromium the test is skipped locally but fails when $CI is set.
"""
import functools
import http.server
import pathlib
import shutil
import socketserver
import subprocess
import threading

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = pathlib.Path(__file__).resolve().parent / "fixture" / "content"
WAIT = 10



@pytest.fixture(scope="module")
def built_site(tmp_path_factory, sitegen) -> pathlib.Path:
    binary = sitegen
    work = tmp_path_factory.mktemp("search-site")
    content = work / "content"
    shutil.copytree(REPO / "Content", content)
    shutil.copytree(FIXTURE, content, dirs_exist_ok=True)
    out = work / "site"
    subprocess.run([str(binary), "build", "--quiet", "--content", str(content),
                    "--templates", str(REPO / "Templates"), "--output", str(out)], cwd=REPO, check=True)
    assert (out / "search" / "index.js").exists()
    return out


@pytest.fixture(scope="module")
def served_root(built_site, tmp_path_factory):
    """http://127.0.0.1:<port>/sub/path/ serving the site from a parent folder."""
    www = tmp_path_factory.mktemp("www")
    (www / "sub").mkdir()
    (www / "sub" / "path").symlink_to(built_site, target_is_directory=True)
    handler = functools.partial(QuietHandler, directory=str(www))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sub/path/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass



@pytest.fixture(params=["file", "subpath"])
def base(request, built_site, served_root):
    return built_site.as_uri() + "/" if request.param == "file" else served_root


# ------------------------------------------------------------------ helpers

def by(css):
    from selenium.webdriver.common.by import By
    return (By.CSS_SELECTOR, css)


def wait_until(driver, condition, message):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, WAIT).until(lambda d: condition(d), message)


def header_box(driver, base, page="index.html"):
    driver.get(base + page)
    box = driver.find_element(*by("#search-box-input"))
    assert box.get_attribute("placeholder") == "Start typing and press Enter to search"
    assert box.get_attribute("role") == "combobox"
    return box


def search_with_enter(driver, base, query, page="index.html"):
    """Types the query into the header box, presses Enter, and returns the results page's
    status text and results as (title, section, href, marked texts, snippet)."""
    from selenium.webdriver.common.keys import Keys
    box = header_box(driver, base, page)
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    wait_until(driver, lambda d: "search/index.html?q=" in d.current_url, "Enter did not open the search page")
    status = wait_until(driver, lambda d: settled_status(d), f"no results status for {query!r}")
    results = []
    for item in driver.find_elements(*by(".search-page__results > li")):
        link = item.find_element(*by("a"))
        sections = item.find_elements(*by(".search-result__section"))
        snippets = item.find_elements(*by(".search-result__snippet"))
        marks = [m.text for m in item.find_elements(*by(".search-result__snippet mark"))]
        results.append((link.text, sections[0].text if sections else "", link.get_attribute("href"), marks,
                        snippets[0].text if snippets else ""))
    return status, results


def settled_status(driver):
    text = driver.find_element(*by("[data-search-page] [data-search-status]")).text
    if not text or text.startswith("Searching"):
        return False
    if text.startswith("No results"):
        return text
    return text if driver.find_elements(*by(".search-page__results > li")) else False


def assert_stays_on_site(driver, base):
    entries = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [url for url in entries if not url.startswith(base)]
    assert not outside, f"requests left the site: {outside}"
    assert driver.execute_script("return window.__pwned") is None


def assert_no_console_errors(driver):
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


# ------------------------------------------------------------------ tests

def test_query_by_name(driver, base):
    status, results = search_with_enter(driver, base, "Tan Jialing")
    assert results, status
    title, section, href, marks, _ = results[0]
    assert title == "Tan Jialing"
    assert section.lower() == "speakers"
    assert href == base + "speakers/tan-jialing/index.html"
    assert {"Tan", "Jialing"} <= set(marks)
    assert status.endswith("for \u201cTan Jialing\u201d")
    assert_stays_on_site(driver, base)
    assert_no_console_errors(driver)


def test_query_by_prefix(driver, base):
    status, results = search_with_enter(driver, base, "motorcyc", page="speakers/tan-jialing/index.html")
    titles = [r[0] for r in results]
    assert "High-end motorcycles" in titles
    marks = [m.lower() for r in results for m in r[3]]
    assert marks and all(m.startswith("motorcyc") for m in marks), marks
    assert_stays_on_site(driver, base)


def test_query_by_stem(driver, base):
    status, results = search_with_enter(driver, base, "manufacture")
    titles = [r[0] for r in results]
    assert "Bio-manufacturing" in titles
    assert "Intelligent equipment manufacturing and intelligent manufacturing" in titles
    marks = {m.lower() for r in results for m in r[3]}
    assert "manufacturing" in marks, marks
    assert status.startswith(f"{len(results)} results") or len(results) == 20


@pytest.mark.parametrize("query", ["工业设计", "大足"])
def test_query_in_chinese(driver, base, query):
    status, results = search_with_enter(driver, base, query)
    assert [r[0] for r in results] == ["成渝地区双城经济圈工业设计赋能大会"], results
    assert results[0][3] == [query]
    assert results[0][2] == base + "news/zh/index.html"


def test_no_match(driver, base):
    status, results = search_with_enter(driver, base, "zqxjvw")
    assert status == "No results for \u201czqxjvw\u201d"
    assert results == []


def test_markup_in_titles_is_text(driver, base):
    status, results = search_with_enter(driver, base, "quarantined")
    assert [r[0] for r in results] == ["</script><script>window.__pwned = 1</script> Markup test"]
    assert driver.execute_script("return window.__pwned") is None
    assert not driver.find_elements(*by(".search-page__results script, .search-page__results img"))
    assert_no_console_errors(driver)


def test_keyboard_through_the_listbox(driver, base):
    from selenium.webdriver.common.keys import Keys
    box = header_box(driver, base, "clusters/index.html")
    box.send_keys("Tan Jia")
    wait_until(driver, lambda d: d.find_elements(*by("#search-box-listbox [role=option]")), "no options shown")
    assert box.get_attribute("aria-expanded") == "true"
    first = driver.find_element(*by("#search-box-listbox [role=option]"))
    assert "Tan Jialing" in first.text and "Speakers" in first.text
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_UP)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    assert driver.find_element(*by(".search-box__popup")).get_attribute("hidden") is not None
    box.send_keys(Keys.ARROW_DOWN)  # reopens on the first option
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.send_keys(Keys.ENTER)
    wait_until(driver, lambda d: d.current_url.endswith("speakers/tan-jialing/index.html"), "Enter did not open the result")
    assert driver.current_url == base + "speakers/tan-jialing/index.html"


def test_header_box_says_when_nothing_matches(driver, base):
    box = header_box(driver, base)
    box.send_keys("zqxjvw")
    message = wait_until(driver, lambda d: d.find_element(*by(".search-box__message")).text, "no message")
    assert message == "No results for \u201czqxjvw\u201d"
    assert not driver.find_elements(*by("#search-box-listbox [role=option]"))


def test_search_page_reads_q(driver, base):
    driver.get(base + "search/index.html?q=motorcycles")
    wait_until(driver, settled_status, "no results for ?q=")
    assert driver.find_element(*by("#search-page-input")).get_attribute("value") == "motorcycles"
    assert driver.find_element(*by(".search-page__results a")).text == "High-end motorcycles"
