"""The HTML report in a real headless Chromium: filters, search, print, no-JS.

Uses Debian's ``chromium`` and ``chromium-driver`` packages driven by
``selenium`` (no browser download).  Skipped only when /usr/bin/chromium is
missing and CI is not set; on CI it must run.  Screenshots are saved to
reports/test-artifacts/ for people to look at.
"""
from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pytest

from consistency.reporters import render

from _report_fixtures import sample_report, seeds_report, with_handmade_findings

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ARTIFACTS = Path(__file__).resolve().parents[1] / "reports" / "test-artifacts"

if not CHROMIUM.exists() and not ON_CI:
    pytest.skip("headless browser test: /usr/bin/chromium is not installed "
                "(apt-get install chromium chromium-driver)", allow_module_level=True)

from selenium import webdriver  # noqa: E402  (only needed once chromium is there)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1366,900"]


def start_browser(javascript: bool = True):
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument("--user-data-dir=" + tempfile.mkdtemp(prefix="consistency-chromium-"))
    if not javascript:
        opts.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)


@pytest.fixture(scope="module")
def browser():
    drv = start_browser()
    yield drv
    drv.quit()


def open_report(drv, report, tmp_path: Path, name: str) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    drv.get(page.as_uri())


def visible_codes(drv) -> list[str]:
    return [el.get_attribute("data-code")
            for el in drv.find_elements(By.CSS_SELECTOR, "#findings .finding")
            if el.is_displayed()]


def set_filters(drv, severity="", family="", outlet="", search=""):
    Select(drv.find_element(By.ID, "filter-severity")).select_by_value(severity)
    Select(drv.find_element(By.ID, "filter-family")).select_by_value(family)
    Select(drv.find_element(By.ID, "filter-outlet")).select_by_value(outlet)
    box = drv.find_element(By.ID, "filter-search")
    box.clear()
    if search:
        box.send_keys(search)
    else:  # clear() fires no input event: trigger one so the list refreshes
        drv.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)


def screenshot(drv, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = drv.execute_script("return document.documentElement.scrollHeight")
    drv.set_window_size(1366, min(max(900, height), 6000))
    path = ARTIFACTS / f"{name}.png"
    assert drv.save_screenshot(str(path))
    drv.set_window_size(1366, 900)
    return path


def fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s.lower())
                   if not unicodedata.combining(ch))


# ---------------------------------------------------------------- hand-built report
def test_filters_and_search_on_fixture(browser, tmp_path):
    open_report(browser, sample_report(), tmp_path, "fixture")
    assert browser.find_element(By.ID, "filters").is_displayed()
    assert visible_codes(browser) == ["QTY001", "QTY002", "LOC001", "ATT001"]
    count = browser.find_element(By.ID, "filter-count")
    assert count.text == "4 of 4 findings shown"

    set_filters(browser, severity="error")
    assert visible_codes(browser) == ["QTY001"]
    set_filters(browser, severity="info")
    assert visible_codes(browser) == ["LOC001", "ATT001"]
    set_filters(browser, family="QTY")
    assert visible_codes(browser) == ["QTY001", "QTY002"]
    set_filters(browser, outlet="a3")
    assert visible_codes(browser) == ["LOC001", "ATT001"]
    set_filters(browser, search="Ryazan")
    assert visible_codes(browser) == ["LOC001"]
    assert count.text == "1 of 4 findings shown"
    set_filters(browser, search="segun")  # accents folded: matches "según"
    assert visible_codes(browser) == ["QTY001"]
    set_filters(browser, severity="warning", search="Ryazan")
    assert visible_codes(browser) == []
    set_filters(browser)
    assert len(visible_codes(browser)) == 4
    screenshot(browser, "fixture-report")


def test_injected_markup_stays_inert(browser, tmp_path):
    open_report(browser, sample_report(), tmp_path, "fixture-xss")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return document.images.length") == 0
    assert browser.execute_script("return document.scripts.length") == 1
    text = browser.find_element(By.ID, "article-a3").find_element(By.CLASS_NAME, "text").text
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text


def test_claim_link_jumps_to_sentence(browser, tmp_path):
    open_report(browser, sample_report(), tmp_path, "fixture-links")
    link = browser.find_element(By.CSS_SELECTOR, "#finding-1 figure.ev:nth-child(2) a.claim-link")
    link.click()
    assert browser.execute_script("return location.hash") == "#a2-1"
    target = browser.execute_script("return document.querySelector(':target').textContent")
    assert target == "Cuba dijo que 18 personas fueron detenidas, según el ministerio."


def test_print_shows_every_finding_and_hides_filters(browser, tmp_path):
    open_report(browser, sample_report(), tmp_path, "fixture-print")
    set_filters(browser, severity="error")
    assert visible_codes(browser) == ["QTY001"]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.ID, "filters").is_displayed()
        assert visible_codes(browser) == ["QTY001", "QTY002", "LOC001", "ATT001"]
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_readable_without_javascript(tmp_path):
    drv = start_browser(javascript=False)
    try:
        open_report(drv, sample_report(), tmp_path, "fixture-nojs")
        assert not drv.find_element(By.ID, "filters").is_displayed()
        assert visible_codes(drv) == ["QTY001", "QTY002", "LOC001", "ATT001"]
        assert drv.find_element(By.ID, "row-c1").is_displayed()
    finally:
        drv.quit()


def test_verify_mode_screenshot(browser, tmp_path):
    from _report_fixtures import verify_report

    open_report(browser, verify_report(), tmp_path, "verify")
    rows = browser.find_elements(By.CSS_SELECTOR, "#verify tbody tr")
    assert [r.get_attribute("data-status") for r in rows] == [
        "supported", "contradicted", "unsupported"]
    assert browser.find_element(By.ID, "score").text.split("\n")[0].startswith("1 contradicted")
    screenshot(browser, "verify-report")


# ---------------------------------------------------------------- the seeds report
@pytest.mark.model
def test_seeds_report_filters(browser, tmp_path):
    report = with_handmade_findings(seeds_report())
    open_report(browser, report, tmp_path, "seeds")
    all_codes = [f.code for f in report.findings]
    assert visible_codes(browser) == all_codes
    screenshot(browser, "seeds-report")

    set_filters(browser, severity="error")
    shown = visible_codes(browser)
    assert shown == [f.code for f in report.findings if f.severity == "error"]
    assert "LOC901" not in shown and "QTY901" in shown
    shown_sev = [el.get_attribute("data-severity")
                 for el in browser.find_elements(By.CSS_SELECTOR, "#findings .finding")
                 if el.is_displayed()]
    assert set(shown_sev) == {"error"}

    set_filters(browser, search="Ryazan")
    def haystack(f):
        parts = [f.message, f.code, f.fingerprint, f.cluster or "", f.suppressed or ""]
        for e in f.evidence:
            parts += [report.article(e.article).label, e.value or "", e.text]
        return fold(" ".join(parts))

    expected = [f.code for f in report.findings if "ryazan" in haystack(f)]
    assert "LOC901" in expected
    assert visible_codes(browser) == expected
    screenshot(browser, "seeds-report-search-ryazan")
