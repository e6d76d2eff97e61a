"""JupyterLab's export menu makes the report (issue 13, part 9): a real server, a real browser.

A researcher opens the executed synthesis notebook in JupyterLab and picks File → "Save and
Export Notebook As" → our PDF exporter. The menu asks the server's nbconvert handler
(``GET /nbconvert/csf_pdf/<notebook>?download=true``), which exports the notebook as saved,
with its outputs, through the ``csf_pdf`` entry point. So the fixtures copy ``notebooks/``
and ``interviews/`` to a temporary folder, execute the synthesis there as ``make report``
does (papermill, its default parameters but a fixed build date) and start ``jupyter lab`` on
that folder, with its own HOME and Jupyter folders and nothing fetched from the network.

- ``test_nbconvert_handler_*``: the handler itself, over HTTP (no browser): it lists our
  exporters and returns the report's PDF.
- ``test_export_menu_downloads_the_report``: Debian's Chromium, driven by Selenium, clicks
  through the menu and the PDF it downloads is read back. It is skipped when ``chromium`` or
  ``chromedriver`` is not on PATH (``.ci/run`` installs both); on failure a screenshot and the
  page source are saved in ``tests/_failures/``.

JupyterLab (4.6) labels the menu item with the entry point's name, first letter upper-cased
("Csf_pdf"): the server's ``/api/nbconvert`` sends only each exporter's MIME type, so the
exporter's ``export_from_notebook`` ("Synthèse CSF (PDF)") is never shown.
"""
from __future__ import annotations

import itertools
import json
import time
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from selenium.common.exceptions import (
    ElementNotInteractableException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from csf_analysis.report.build import execute

from lab_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    PAGE_TIMEOUT,
    chromium,
    copy_project,
    evidence_on_failure,
    menu_item,
    running_lab,
    venv_path,
)

pytestmark = pytest.mark.slow

NOTEBOOK = "notebooks/synthese.ipynb"
BUILD_DATE = "2020-06-30"
# What the report shows: its title page (an output of the executed notebook: the build date
# is not in the notebook as committed; the title is, as the running header) and contents.
REPORT_TEXT = ("Synthèse des entretiens", "Rapport construit le 30 juin 2020",
               "Table des matières", "Nos constats")
EXPORT_MENU = "Save and Export Notebook As"
MENU_LABEL = "Csf_pdf"  # JupyterLab's label for the csf_pdf exporter: see the docstring
DOWNLOAD_TIMEOUT = 180  # the export runs WeasyPrint: ~10 s


# --- the project, executed, and the server -------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """notebooks/ and interviews/ copied, the synthesis executed in place (as make report)."""
    root = copy_project(tmp_path_factory.mktemp("lab-root"))
    notebook = root / NOTEBOOK
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", venv_path())  # the python3 kernel is this interpreter
        execute(notebook, {"BUILD_DATE": BUILD_DATE}, notebook)
    return root


@pytest.fixture(scope="module")
def lab(project, tmp_path_factory):
    """``jupyter lab`` serving the executed project, stopped at teardown."""
    with running_lab(project, tmp_path_factory.mktemp("lab-home")) as server:
        yield server


# --- the report ----------------------------------------------------------------------------

def report_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF"), f"not a PDF: {pdf[:80]!r}"
    pages = PdfReader(BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


def check_report(pdf: bytes) -> None:
    text = report_text(pdf)
    missing = [words for words in REPORT_TEXT if words not in text]
    assert not missing, f"the PDF lacks {missing}; it reads: {text[:600]}"


# --- (1) the nbconvert handler, over HTTP ---------------------------------------------------

def test_nbconvert_handler_lists_the_report_exporters(lab):
    status, _, body = lab.get("/api/nbconvert")
    formats = json.loads(body)
    assert status == 200
    assert formats["csf_pdf"] == {"output_mimetype": "application/pdf"}
    assert formats["csf_html"] == {"output_mimetype": "text/html"}


def test_nbconvert_handler_returns_the_report_pdf(lab):
    status, headers, pdf = lab.get(f"/nbconvert/csf_pdf/{NOTEBOOK}?download=true")
    assert status == 200
    assert headers["Content-Type"].startswith("application/pdf")
    disposition = headers["Content-Disposition"]  # attachment; filename*=utf-8''synthese.pdf
    assert disposition.startswith("attachment;") and disposition.endswith("synthese.pdf")
    check_report(pdf)


# --- (2) the menu, in Chromium -----------------------------------------------------------------

@pytest.fixture
def downloads(tmp_path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(downloads, tmp_path):
    with chromium(downloads, tmp_path) as driver:
        yield driver


def open_notebook(driver, lab) -> None:
    """Open the executed notebook; wait until its title page (an output) is shown."""
    driver.get(f"{lab.url}/lab/tree/{NOTEBOOK}?token={lab.token}")
    title = (By.CSS_SELECTOR, ".jp-NotebookPanel .jp-OutputArea-output .csf-title")
    WebDriverWait(driver, PAGE_TIMEOUT).until(ec.visibility_of_element_located(title))


def click_export_menu(driver, label: str) -> None:
    """File → Save and Export Notebook As → ``label``, as a user does with the mouse."""
    wait = WebDriverWait(driver, PAGE_TIMEOUT, poll_frequency=0.5)
    file_menu = (By.XPATH, "//div[contains(@class, 'lm-MenuBar-itemLabel') and text()='File']")
    offsets = itertools.cycle([-5, 5])

    def export_item():
        shown = [item for item in driver.find_elements(*menu_item(EXPORT_MENU))
                 if item.is_displayed()]
        if not shown:  # the File menu is closed (never opened, or closed on a busy
            # machine): open it, unless a menu is still opening (a click would close it)
            if not any(menu.is_displayed()
                       for menu in driver.find_elements(By.CSS_SELECTOR, ".lm-Menu")):
                driver.find_element(*file_menu).click()
            return None
        return shown[0]

    def hover_until_shown(driver):
        # The submenu opens on hover, and fills once the server listed the exporters:
        # the mouse moves over the item again (the File menu opened again if it closed)
        # until the label is shown.
        try:
            export = export_item()
            if export is None:
                return False
            ActionChains(driver).move_to_element_with_offset(export, next(offsets), 0).perform()
            shown = [item for item in driver.find_elements(*menu_item(label))
                     if item.is_displayed()]
        except (StaleElementReferenceException, ElementNotInteractableException):
            return False  # the menu was redrawn between finding and hovering: again
        return shown[0] if shown else False

    wait.until(ec.element_to_be_clickable(file_menu))
    wait.until(hover_until_shown, f"no item {label!r} in the menu {EXPORT_MENU!r}").click()


def wait_for_download(folder: Path) -> Path:
    """The one PDF Chromium finished writing in ``folder`` (no ``.crdownload`` left)."""
    deadline = time.monotonic() + DOWNLOAD_TIMEOUT
    while time.monotonic() < deadline:
        files = sorted(folder.iterdir())
        pdfs = [path for path in files if path.suffix == ".pdf"]
        if pdfs and not any(path.suffix == ".crdownload" for path in files):
            assert len(pdfs) == 1, pdfs
            return pdfs[0]
        time.sleep(0.5)
    raise AssertionError(f"no PDF downloaded in {DOWNLOAD_TIMEOUT} s: {sorted(folder.iterdir())}")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                    reason="the browser test needs chromium and chromedriver on PATH "
                           "(apt-get install chromium chromium-driver)")
def test_export_menu_downloads_the_report(lab, browser, downloads):
    with evidence_on_failure(browser, "test_export_menu_downloads_the_report"):
        open_notebook(browser, lab)
        click_export_menu(browser, MENU_LABEL)
        pdf = wait_for_download(downloads)
        assert pdf.name == "synthese.pdf"
        check_report(pdf.read_bytes())
