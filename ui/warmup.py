"""Warm the caches as the server starts: the home area's view and the overview grid are built while the first
visitor's browser is still loading the page, so the first overview is drawn as soon as it connects."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

_LOG = logging.getLogger(__name__)
THREAD = "thplan-warm-up"


class _OutsideAScriptRun(logging.Filter):
    """Streamlit warns that a thread without a script run calls it; the warm-up does so knowingly."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Start the warm-up and go on serving at once (a visitor who comes first waits on the same caches)."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_OutsideAScriptRun())
    threading.Thread(target=warm, name=THREAD, daemon=True).start()
    yield None


def warm() -> None:
    """What the overview's first run needs, into the shared caches: the database, the view, the grid's rows."""
    try:
        from ui import caches

        with caches.store().session():
            view = caches.view_of(caches.store().version(), None)
        from ui import widgets  # after the view, which the first page waits for (the widgets load pandas' Styler)

        widgets.grid_frame(view, list(view.classifications))
    except Exception:  # the first page then builds them itself, and shows any problem where it belongs
        _LOG.warning("The cache warm-up failed; the first page will build what it needs.", exc_info=True)
