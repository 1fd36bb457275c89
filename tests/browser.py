"""A real Streamlit server and a real Chromium, as Streamlit's own e2e suite runs them: start the server with its
output in a file, poll /_stcore/health, then wait for the app to be connected and idle."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(
    db: Path, log: Path, env: dict[str, str] | None = None, secrets: Path | None = None
) -> Iterator[str]:
    """`streamlit run app.py` on a free port against the database `db`; yields the base URL."""
    with streamlit_process(db, log, env, secrets) as (url, _):
        yield url


@contextmanager
def streamlit_process(
    db: Path, log: Path, env: dict[str, str] | None = None, secrets: Path | None = None, script: str = "app.py"
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`streamlit run <script>` on a free port; yields the base URL once /_stcore/health answers, and the process
    (the benchmarks read its memory)."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.port",
               str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]  # fmt: skip
    if secrets is not None:
        command += ["--secrets.files", str(secrets)]
    environment = {**os.environ, "THPLAN_DB": str(db), **(env or {})}
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    if response.read().decode() == "ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for_app(page, timeout: float = 60_000, settle: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Connected, the script finished, and no skeletons left (then, unless timing, a pause for charts to paint)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=timeout, state="attached")
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0", timeout=timeout)
    if settle:
        page.wait_for_timeout(300)  # let charts finish their first paint


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (never a browser Playwright would download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def browser_tab(browser: Any, height: int) -> Iterator[Any]:
    """A page in a fresh browser context (its own cookies and session), 1280 pixels wide."""
    context = browser.new_context(viewport={"width": 1280, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()
