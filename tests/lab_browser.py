"""JupyterLab and Chromium for the tests that use the product as a researcher does.

``Lab`` starts ``jupyter lab`` on 127.0.0.1 with a HOME and Jupyter folders of its own and
nothing fetched from the network; :func:`chromium` drives Debian's headless Chromium
through Selenium with the paths given (no driver download); :func:`evidence_on_failure`
keeps a screenshot and the page source in ``tests/_failures/``. Used by
``test_export_menu.py`` (issue 13) and ``test_coding_panel_browser.py`` (issue 14).
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import psutil
from selenium import webdriver
from selenium.webdriver.common.by import By

from csf_analysis import config

FAILURES_DIR = Path(__file__).resolve().parent / "_failures"
START_TIMEOUT = 120  # seconds; JupyterLab answers in a few seconds on a 2-core machine
PAGE_TIMEOUT = 120
HTTP_TIMEOUT = 180  # an export runs WeasyPrint: ~10 s
NO_NETWORK_ARGS = [
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",  # the default ("pypi") may query PyPI
]
# User settings: no "Would you like to get notified about official Jupyter news?" toast.
NOTIFICATION_SETTINGS = ("@jupyterlab/apputils-extension/notification.jupyterlab-settings",
                         {"fetchNews": "false", "checkForUpdates": False})
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


def venv_path() -> str:
    return os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_env(home: Path) -> dict[str, str]:
    """This environment with a HOME and Jupyter folders of its own: no user config leaks in."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_PREFER_ENV_PATH")}
    folders = {"HOME": "", "JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data",
               "JUPYTER_RUNTIME_DIR": "runtime", "IPYTHONDIR": "ipython",
               "JUPYTERLAB_SETTINGS_DIR": "lab-settings",
               "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces"}
    for key, name in folders.items():
        (home / name).mkdir(parents=True, exist_ok=True)
        env[key] = str(home / name)
    env["PATH"] = venv_path()
    settings, values = NOTIFICATION_SETTINGS
    path = home / "lab-settings" / settings
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values))
    return env


class Lab:
    """A running ``jupyter lab``: its URL, token and log."""

    def __init__(self, root: Path, home: Path):
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = home / "jupyter-lab.log"
        jupyter = Path(sys.executable).parent / "jupyter"
        command = [str(jupyter), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                   f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}",
                   "--ServerApp.allow_root=True", *NO_NETWORK_ARGS]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, env=isolated_env(home), cwd=root,
                                            stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url + path,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.status, dict(response.headers), response.read()

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"jupyter lab exited:\n{self.log_tail()}"
            try:
                if self.get("/api/status")[0] == 200:
                    return
            except OSError:  # not listening yet (HTTP errors are OSErrors too)
                pass
            time.sleep(0.5)
        raise AssertionError(f"jupyter lab did not answer in {START_TIMEOUT} s:\n"
                             f"{self.log_tail()}")

    def stop(self) -> None:
        """Stop the server's process group, then what it started in sessions of their own
        (kernels), if still running."""
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            children = []
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        for child in children:
            if child.is_running():
                child.kill()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def chromium(downloads: Path, home: Path):
    """Headless Chromium from PATH (Debian's), downloading into ``downloads``."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1400,900", "--disable-extensions",
                     "--disable-component-update", "--disable-background-networking"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False})
    # Paths given: Selenium Manager is not run; and if it were, it may download nothing
    # (for as long as the browser runs, as the export-menu test's monkeypatch did).
    with mock.patch.dict(os.environ, {"SE_OFFLINE": "true"}):
        service = webdriver.ChromeService(executable_path=CHROMEDRIVER,
                                          env={**os.environ, "HOME": str(home)})
        driver = webdriver.Chrome(options=options, service=service)
        try:
            yield driver
        finally:
            driver.quit()


@contextmanager
def evidence_on_failure(driver, name: str):
    """On any failure, save a screenshot and the page source and name them in the message."""
    try:
        yield
    except Exception as error:
        FAILURES_DIR.mkdir(exist_ok=True)
        screenshot, source = FAILURES_DIR / f"{name}.png", FAILURES_DIR / f"{name}.html"
        driver.save_screenshot(str(screenshot))
        source.write_text(driver.page_source)
        raise AssertionError(f"{type(error).__name__}: {error}\nscreenshot: {screenshot}\n"
                             f"page source: {source}") from error


def menu_item(label: str) -> tuple[str, str]:
    """An item of an open menu, by its visible label."""
    return (By.XPATH, "//li[contains(@class, 'lm-Menu-item')]"
                      f"[.//div[contains(@class, 'lm-Menu-itemLabel') and text()='{label}']]")


def copy_project(root: Path) -> Path:
    """``notebooks/`` and ``interviews/`` copied to ``root``: what a researcher opens."""
    for folder in ("notebooks", "interviews"):
        shutil.copytree(config.PROJECT_ROOT / folder, root / folder,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


@contextmanager
def running_lab(root: Path, home: Path):
    """``jupyter lab`` serving ``root`` with its own ``home``, stopped on exit."""
    server = Lab(root, home)
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()
