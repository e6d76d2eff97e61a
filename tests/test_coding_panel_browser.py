"""The coding panel in JupyterLab, in a real browser (issue 14, part 1).

A copy of ``notebooks/`` and ``interviews/``; ``jupyter lab`` on it (``lab_browser.Lab``);
Debian's headless Chromium opens the coding notebook and runs it (Run → Run All Cells).
Then, as a researcher: the coder's name typed once, a category set with a key (3), checked
with Enter, a new code created through the code field, a codebook code taken from the
field's completion with the keyboard, Z to undo it, a memo and the citation copied; then
File → Save Notebook must write the notebook as committed (part 6: no outputs). The
decisions file must hold what was decided, once each, and the tables read again must
show it. The round trip of each
key (key -> panel redrawn by the kernel) is measured and printed (``-s`` shows it).
Skipped without ``chromium`` and ``chromedriver`` on PATH; a failure keeps a screenshot.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from csf_analysis import load_corpus
from csf_analysis.coding.manual import load_decisions

from lab_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    PAGE_TIMEOUT,
    chromium,
    copy_project,
    evidence_on_failure,
    menu_item,
    running_lab,
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="the browser test needs chromium and chromedriver on PATH "
           "(apt-get install chromium chromium-driver)")]

NOTEBOOK = "notebooks/1.0-codage.ipynb"
PANEL = (By.CSS_SELECTOR, ".jp-OutputArea-output .csf-panel")
# The status bar: "Python 3 (ipykernel) | Idle".
KERNEL_IDLE = (By.XPATH, "//div[contains(@class, 'jp-StatusBar-Widget')]"
                         "//span[contains(text(), '| Idle')]")
REDRAWN = (StaleElementReferenceException,)  # the panel redraws itself at each change


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("coding-root"))


@pytest.fixture(scope="module")
def lab(project, tmp_path_factory):
    with running_lab(project, tmp_path_factory.mktemp("coding-home")) as server:
        yield server


@pytest.fixture
def browser(tmp_path):
    with chromium(tmp_path / "downloads", tmp_path) as driver:
        yield driver


def run_all(driver) -> None:
    """Run → Run All Cells, once the kernel is up (before, on a busy machine, the cells
    are left unrun)."""
    wait = WebDriverWait(driver, PAGE_TIMEOUT, poll_frequency=0.5)
    wait.until(ec.presence_of_element_located(KERNEL_IDLE), "the kernel never became idle")
    run = (By.XPATH, "//div[contains(@class, 'lm-MenuBar-itemLabel') and text()='Run']")
    wait.until(ec.element_to_be_clickable(run)).click()
    wait.until(ec.element_to_be_clickable(menu_item("Run All Cells"))).click()


def save_notebook(driver) -> None:
    wait = WebDriverWait(driver, PAGE_TIMEOUT, poll_frequency=0.5)
    file_menu = (By.XPATH, "//div[contains(@class, 'lm-MenuBar-itemLabel') and text()='File']")
    wait.until(ec.element_to_be_clickable(file_menu)).click()
    wait.until(ec.element_to_be_clickable(menu_item("Save Notebook"))).click()
    saved = (By.XPATH, "//span[contains(@class, 'jp-StatusBar-TextItem')]"
                       "[contains(text(), 'Saving completed')]")
    wait.until(ec.presence_of_element_located(saved), "the notebook was not saved")


def panel(driver):
    return driver.find_element(*PANEL)


def text_of(driver, css: str) -> str:
    return panel(driver).find_element(By.CSS_SELECTOR, css).text


def steady(driver, act, what: str = "the element"):
    """``act()``'s value, tried again while the panel redraws under it (a stale element)."""
    return WebDriverWait(driver, 30, poll_frequency=0.05, ignored_exceptions=REDRAWN).until(
        lambda d: (act(),), f"{what}: the panel kept redrawing")[0]


class Stopwatch:
    """Round trips: an action in the page, then the panel redrawn as ``done`` says."""

    def __init__(self, driver):
        self.driver, self.seconds = driver, []

    def __call__(self, act, done, what: str) -> None:
        start = time.perf_counter()
        act()
        WebDriverWait(self.driver, 30, poll_frequency=0.02, ignored_exceptions=REDRAWN).until(
            lambda d: done(), f"the panel did not show: {what}")
        self.seconds.append(time.perf_counter() - start)


def test_coding_with_keys_and_mouse_is_written_once(lab, project, browser):
    notes = project / "interviews"
    with evidence_on_failure(browser, "test_coding_panel"):
        browser.get(f"{lab.url}/lab/tree/{NOTEBOOK}?token={lab.token}")
        WebDriverWait(browser, PAGE_TIMEOUT).until(
            ec.visibility_of_element_located((By.CSS_SELECTOR, ".jp-Notebook")))
        run_all(browser)
        WebDriverWait(browser, PAGE_TIMEOUT).until(ec.visibility_of_element_located(PANEL))
        timed = Stopwatch(browser)

        # The name, asked once (the browser keeps it for the next time).
        steady(browser, lambda: panel(browser).find_element(
            By.CSS_SELECTOR, "input[data-focus=coder]").send_keys("testeuse", Keys.ENTER))
        WebDriverWait(browser, 30, ignored_exceptions=REDRAWN).until(
            lambda d: "testeuse" in text_of(d, ".csf-coder"))
        first = steady(browser, lambda: citation(browser))

        # Key 3: Ressentis; Enter: checked, and on to the next statement.
        steady(browser, lambda: ActionChains(browser).move_to_element(panel(browser).find_element(
            By.CSS_SELECTOR, ".csf-current")).click().perform())
        timed(lambda: ActionChains(browser).send_keys("3").perform(),
              lambda: "1 / " in text_of(browser, ".csf-progress"), "1 / n vérifiées")
        assert "Ressentis" in steady(browser, lambda: text_of(browser, ".csf-category-now"))
        timed(lambda: ActionChains(browser).send_keys(Keys.ENTER).perform(),
              lambda: "énoncé 2 sur" in text_of(browser, ".csf-position"), "the next one")
        second = steady(browser, lambda: citation(browser))

        # A new code, only through « créer le code ».
        steady(browser, lambda: code_input(browser).send_keys("peur du jeune"))
        assert "créer le code « peur du jeune »" in steady(browser, lambda: create(browser).text)
        timed(lambda: steady(browser, lambda: create(browser).click()),
              lambda: "peur-du-jeune" in _codes(browser), "the new code")

        # A codebook code from the completion: type part of its label, Enter takes it.
        code_field = steady(browser, lambda: code_input(browser))
        code_field.send_keys("lenteur")
        assert steady(browser, lambda: panel(browser).find_element(
            By.CSS_SELECTOR, ".csf-suggestion.csf-on").get_attribute("data-code")) == "delais"
        timed(lambda: code_field.send_keys(Keys.ENTER),
              lambda: "delais" in _codes(browser), "the completed code")

        # Z (the panel has the keys again after Escape): the last decision taken back.
        steady(browser, lambda: code_input(browser).send_keys(Keys.ESCAPE))
        timed(lambda: ActionChains(browser).send_keys("z").perform(),
              lambda: "delais" not in _codes(browser), "the undo")
        assert "peur-du-jeune" in steady(browser, lambda: _codes(browser))

        # A memo, kept when the field is left; the citation copied in one click.
        steady(browser, lambda: panel(browser).find_element(
            By.CSS_SELECTOR, ".csf-memo").send_keys("à citer"))
        timed(lambda: steady(browser, lambda: panel(browser).find_element(
            By.CSS_SELECTOR, ".csf-current").click()),
              lambda: len(load_decisions(notes)) == 3, "the memo written")

        def copy_citation(driver) -> bool:  # the panel may redraw under the click
            panel(driver).find_element(By.CSS_SELECTOR, ".csf-copy").click()
            return "copiée" in text_of(driver, ".csf-said")
        WebDriverWait(browser, 30, ignored_exceptions=REDRAWN).until(
            copy_citation, "the citation was not said copied")

        # « réapprendre »: one category checked is too little to adapt the model, said so.
        timed(lambda: steady(browser, lambda: panel(browser).find_element(
            By.CSS_SELECTOR, ".csf-relearn").click()),
              lambda: "au moins 10 catégories" in text_of(browser, ".csf-message"),
              "the relearning refused")
        print(f"\nround trips (s): {[round(s, 3) for s in timed.seconds]}; "
              f"median {statistics.median(timed.seconds):.3f}")

        # File → Save Notebook: written as committed (no outputs), though run and used.
        save_notebook(browser)
    saved = nbformat.read(project / NOTEBOOK, as_version=4)
    assert not [c for c in saved.cells if c.cell_type == "code" and c.outputs]

    decisions = load_decisions(notes)
    assert decisions[["statement_id", "action", "code", "coder", "note"]].values.tolist() == [
        [first, "category", "feelings", "testeuse", ""],
        [second, "add", "peur-du-jeune", "testeuse", ""],
        [second, "memo", "", "testeuse", "à citer"]]
    assert (decisions["text"] != "").all()

    # Run All again writes nothing more; the tables read again show the decisions.
    run_all(browser)
    WebDriverWait(browser, PAGE_TIMEOUT).until(ec.visibility_of_element_located(PANEL))
    assert len(load_decisions(notes)) == 3
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    statements = corpus.statements.set_index("statement_id")
    assert statements.loc[first, ["category", "category_origin"]].tolist() == [
        "feelings", "manual"]
    codes = corpus.codings[corpus.codings["statement_id"] == second]
    assert "peur-du-jeune" in set(codes["code"]) and "delais" not in set(
        codes.loc[codes["origin"] == "manual", "code"])
    assert isinstance(corpus.codebook, pd.DataFrame)
    assert "peur-du-jeune" in set(corpus.codebook["code"])


def citation(driver) -> str:
    """The statement id inside the shown citation « [id] »."""
    return panel(driver).find_element(By.CSS_SELECTOR, ".csf-citation").get_attribute("value")[2:-1]


def create(driver):
    return panel(driver).find_element(By.CSS_SELECTOR, ".csf-create")


def code_input(driver):
    return panel(driver).find_element(By.CSS_SELECTOR, ".csf-code-input")


def _codes(driver) -> set[str]:
    return {tag.get_attribute("data-code")
            for tag in panel(driver).find_elements(By.CSS_SELECTOR, ".csf-tag:not(.csf-struck)")}
