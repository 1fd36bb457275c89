"""The page registry: every page of the dashboard, in menu order, and the run that goes through it (tests run
each page from here). It imports no other page module, so a page can run it without an import cycle."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress

import streamlit as st

_LOG = logging.getLogger(__name__)

#: (file, menu title, icon, URL path, in the menu), in menu order; the first is the home page. The indicator
#: library is reached from the overview and the measure page (the menu holds nine pages on a 1280-pixel screen).
PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:", "overview", True),
    ("pages/theme.py", "Themes", ":material/category:", "theme", True),
    ("pages/measure.py", "Measure", ":material/monitoring:", "measure", True),
    ("pages/compare.py", "Compare areas", ":material/leaderboard:", "compare", True),
    ("pages/delivery.py", "Delivery", ":material/task_alt:", "delivery", True),
    ("pages/since.py", "What changed", ":material/update:", "since", True),
    ("pages/report.py", "Annual report", ":material/table_view:", "report", True),
    ("pages/upload.py", "Upload", ":material/upload:", "upload", True),
    ("pages/history.py", "History", ":material/history:", "history", True),
    ("pages/library.py", "Indicator library", ":material/menu_book:", "library", False),
)

DATABASE_UNREADABLE = (
    "The dashboard cannot read its database just now. Try again in a minute; if this message stays, tell the "
    "dashboard's administrator (the server's log says why)."
)

_run = threading.local()


def main() -> None:
    """Run the page the URL names, through the registry (the menu, or none in meeting mode)."""
    pages = [
        st.Page(path, title=title, icon=icon, url_path=url, default=number == 0,
                visibility="visible" if menu else "hidden")
        for number, (path, title, icon, url, menu) in enumerate(PAGES)
    ]  # fmt: skip
    meeting = st.query_params.get("meeting") == "1"
    with _navigating():
        st.navigation(pages, position="hidden" if meeting else "top").run()


def inside() -> bool:
    """Whether this script run went through `main` (a fresh server may run a page file without it)."""
    return getattr(_run, "inside", False)


@contextmanager
def _navigating() -> Iterator[None]:
    """Marks a script run that went through the registry; a database that cannot be opened or read is a message
    on the page (the details, with the file's path, go to the server's log)."""
    from thplan.store import StoreError  # here: `streamlit run` imports this module before its server starts
    from ui import caches

    _run.inside = True
    try:
        with ExitStack() as open_file:
            with suppress(StoreError):  # the page's first read says what is wrong, below
                open_file.enter_context(caches.store().session())  # open while the page is drawn, then let go
            yield
    except StoreError as exc:
        _LOG.error("A page could not read the database: %s", exc)
        st.error(DATABASE_UNREADABLE, icon=":material/database:")
    finally:
        _run.inside = False
