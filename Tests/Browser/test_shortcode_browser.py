"""Shortcodes on the real site in a real browser (headless Chromium over WebDriver), from file://:
the news article's text shows Tan Jialing's speaker card (`{{< speaker ref=… >}}`), whose link
Tab and Enter follow to her page, and the home page's text shows the "33618" clusters card
(`{{< clusters >}}`). The site is the repository's Content/ and Templates/, built with $SITEGEN;
it must pass `sitegen check --strict`. Without Chromium the test is skipped locally but fails
when $CI is set.
"""
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
WAIT = 10


@pytest.fixture(scope="module")
def real_site(tmp_path_factory, sitegen) -> pathlib.Path:
    out = tmp_path_factory.mktemp("shortcode-site") / "site"
    sources = ["--content", str(REPO / "Content"), "--templates", str(REPO / "Templates")]
    subprocess.run([str(sitegen), "build", "--quiet", *sources, "--output", str(out)], cwd=REPO, check=True)
    checked = subprocess.run([str(sitegen), "check", "--strict", *sources], cwd=REPO, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return out


def test_the_article_text_shows_the_speaker_card_and_its_link_works(driver, real_site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get((real_site / "news" / "industry-design-empowerment-conference" / "index.html").as_uri())
    cards = driver.find_elements("css selector", ".article-body aside.person-card")
    assert len(cards) == 1
    card = cards[0]
    assert card.is_displayed()
    assert card.get_attribute("aria-label") == "Speaker: Tan Jialing"
    assert "Vice Chairman" in card.text
    assert "{{<" not in driver.find_element("css selector", ".article-body").text
    link = card.find_element("css selector", ".card-title a")
    assert link.text == "Tan Jialing"
    for _ in range(200):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.switch_to.active_element == link:
            break
    else:
        pytest.fail("Tab never reached the card's link")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: d.current_url.endswith("/speakers/tan-jialing/index.html"))
    assert driver.find_element("tag name", "h1").text == "Tan Jialing"


def test_the_home_text_shows_the_clusters_card(driver, real_site):
    driver.get((real_site / "index.html").as_uri())
    cards = driver.find_elements("css selector", ".prose aside.cluster-card")
    assert len(cards) == 1 and cards[0].is_displayed()
    link = cards[0].find_element("css selector", ".card-title a")
    assert "33618" in link.text
    assert link.get_attribute("href").endswith("/clusters/index.html")
