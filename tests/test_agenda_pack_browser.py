"""The agenda pack as a panel member opens it: in a real headless browser (Debian's
chromium and chromedriver), and printed to PDF by the same engine.

These tests skip, with the reason, where the browser is absent, unless
GOVLEDGER_REQUIRE_BROWSER=1 (as in CI, whose .ci/run installs it), where absence fails.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ledger.application import open_ledger
from projections.views import Views
from tests.conftest import Clerk
from tests.test_agenda_pack import with_the_panels_story

COLOURS = {  # the page's colours for each rating, as the browser computes them
    "red": "rgba(212, 53, 28, 1)",
    "amber": "rgba(244, 119, 56, 1)",
    "green": "rgba(0, 112, 60, 1)",
    "blue": "rgba(29, 112, 184, 1)",
}
LETTERS = {"red": "R", "amber": "A", "green": "G", "blue": "B", "not started": "–"}


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (make install installs it)"
    for program in ("chromium", "chromedriver"):
        if shutil.which(program) is None:
            return f"{program} is not on the PATH (apt install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = browser_missing()
    if missing:
        if os.environ.get("GOVLEDGER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"GOVLEDGER_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(f"no headless browser: {missing}; set GOVLEDGER_REQUIRE_BROWSER=1")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in ("--headless=new", "--disable-gpu", "--window-size=1280,1800"):
        options.add_argument(flag)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    yield driver
    driver.quit()


@pytest.fixture
def opened(browser, tmp_path: Path) -> tuple[object, Clerk, Path]:
    """The panel's story in a new SQLite ledger, its pack written and open in the browser."""
    clerk = Clerk(str(tmp_path / "ledger.db"))
    clerk.ok("init")
    with_the_panels_story(clerk)
    pack = tmp_path / "pack.html"
    clerk.ok("report", "wsoa", "-o", str(pack))
    browser.get_log("browser")  # forget what earlier pages said
    browser.get(pack.as_uri())
    return browser, clerk, pack


def ledger_ratings(db: str) -> list[str | None]:
    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        views.catch_up()
        return [a.rating for a in views.tracker.state("wsoa", date.today())]
    finally:
        ledger.close()


def test_panel_member_opens_the_pack_and_the_browser_reports_no_error(opened):
    browser, _, _ = opened
    assert browser.execute_script("return document.readyState") == "complete"
    assert browser.title.startswith("SEND Executive Board: Written statement of action")
    said = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert said == []


def test_counts_in_the_page_equal_the_ledgers(opened):
    from selenium.webdriver.common.by import By

    browser, clerk, _ = opened
    cells = browser.find_elements(By.CSS_SELECTOR, 'tr[data-group="All actions"] td[data-count]')
    shown = {c.get_attribute("data-rating"): int(c.get_attribute("data-count")) for c in cells}
    held = Counter(r or "not started" for r in ledger_ratings(clerk.db))
    assert shown == {name: held[name] for name in LETTERS}
    assert sum(shown.values()) == 3


def test_every_red_action_is_in_the_exceptions(opened):
    from selenium.webdriver.common.by import By

    browser, clerk, _ = opened
    listed = [
        r.get_attribute("data-ref")
        for r in browser.find_elements(By.CSS_SELECTOR, ".reds tr[data-ref]")
    ]
    red = ledger_ratings(clerk.db).count("red")
    assert red >= 1 and len(listed) == red
    assert listed == ["wsoa#3"]


def test_each_rating_is_a_coloured_cell_that_carries_its_letter(opened):
    from selenium.webdriver.common.by import By

    browser, _, _ = opened
    cells = browser.find_elements(By.CSS_SELECTOR, ".tracker-table td[data-rating]")
    assert len(cells) == 3
    for cell in cells:
        rating = cell.get_attribute("data-rating")
        assert cell.text.strip() == LETTERS[rating]
        assert cell.value_of_css_property("background-color") == COLOURS[rating]


def test_pack_gives_a_screenshot_and_a_pdf_from_the_same_engine(opened, tmp_path):
    from pypdf import PdfReader

    browser, clerk, _ = opened
    shot = tmp_path / "pack.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    pdf = tmp_path / "pack.pdf"
    result = clerk.ok("report", "wsoa", "-o", str(pdf))
    assert result.output.strip() == f"Wrote the agenda pack to {pdf}."
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    for words in ("Red actions", "Issue 3", "Peter Woods", "Checkpoint", "How to check"):
        assert words in text


def test_pdf_without_a_browser_is_refused_in_one_line_and_nothing_written(tmp_path, monkeypatch):
    clerk = Clerk(str(tmp_path / "ledger.db"))
    clerk.ok("init")
    with_the_panels_story(clerk)
    monkeypatch.setenv("GOVLEDGER_CHROMIUM", "no-such-browser")
    result = clerk("report", "wsoa", "-o", str(tmp_path / "pack.pdf"))
    assert result.exit_code == 1
    assert "writing a PDF needs Chromium" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]
