"""Headless Chromium over WebDriver (selenium), shared by the browser tests. Without a browser
the tests are skipped locally but fail when $CI is set: in CI they must run."""
import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser test must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def sitegen() -> pathlib.Path:
    """The sitegen binary under test: $SITEGEN (relative to the repository), default .build/debug/sitegen."""
    binary = pathlib.Path(os.environ.get("SITEGEN", REPO / ".build/debug/sitegen"))
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.exists():
        pytest.fail(f"no sitegen binary at {binary}: build it or set SITEGEN")
    return binary


@pytest.fixture(scope="module")
def driver():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        unavailable(f"Chromium ({CHROMIUM}) or its WebDriver ({CHROMEDRIVER}) is not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install selenium)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield browser
    browser.quit()
