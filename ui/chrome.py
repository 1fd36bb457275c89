"""What every page starts with: page settings, the bar above it (the data's date, the area, meeting mode), the
page CSS, and links that keep the viewer's area and meeting mode.

The chosen area is one value for the whole session, kept in the URL on every page: a link names it, the menu
keeps it, and the picker always shows the area whose figures the page shows.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from thplan.view import View
from ui import auth, caches, registry
from ui.text import md

#: Keyboard focus is drawn thick and dark enough to be seen on a projector.
PAGE_CSS = """
<style>
  .block-container { padding-top: 4.4rem; padding-bottom: 2rem; }
  h2 { padding-top: 0.2rem !important; }
  a:focus-visible, button:focus-visible, [tabindex]:focus-visible, input:focus-visible {
    outline: 3px solid #0072B2 !important; outline-offset: 2px !important; }
</style>
"""
MEETING_CSS = """
<style>
  html, body, [data-testid="stAppViewContainer"] { font-size: 21px; }
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
  [data-testid="stSidebarCollapsedControl"] { display: none; }
  .block-container { padding-top: 0.6rem; padding-bottom: 0.5rem; max-width: 96vw; }
  h1 { font-size: 1.9rem !important; padding-bottom: 0.2rem !important; }
  a:focus-visible, button:focus-visible { outline: 4px solid #0072B2 !important; outline-offset: 2px !important; }
</style>
"""
AREA = "area"  # the session's chosen area (not a widget's key: widget state does not outlive its page)
_PICKER = "area-picker"


def meeting() -> bool:
    return st.query_params.get("meeting") == "1"


def links(**extra: str) -> dict[str, str]:
    """Query parameters for a link that keeps the viewer's area and meeting mode."""
    kept = {
        "area": st.session_state.get(AREA) or st.query_params.get("area"),
        "meeting": st.query_params.get("meeting"),
    }
    return {**{k: v for k, v in kept.items() if v}, **{k: v for k, v in extra.items() if v}}


def page_args(**kwargs: Any) -> dict[str, Any]:
    """Keyword arguments for st.page_link / st.switch_page that keep area and meeting mode."""
    return {"query_params": links(**kwargs)}


def configure(title: str) -> None:
    """Page settings, the app's own navigation, and the viewers' login when one is required."""
    if not registry.inside():
        # A fresh server routes a first request for /<page> straight to pages/<page>.py (Streamlit's legacy
        # router) without app.py: run the registry instead, which then runs this page, and stop this copy.
        registry.main()
        st.stop()
    st.set_page_config(page_title=f"{title} · Tower Hamlets Plan", page_icon="📊", layout="wide",
                       initial_sidebar_state="collapsed")  # fmt: skip
    auth.require_viewer()


def _area(home: str, offered: tuple[str, ...]) -> str:
    """The area whose figures the page shows: the link's, else the session's, else the home area; written back to
    the URL (a page reached from the menu has lost it)."""
    requested = st.query_params.get("area")
    if requested is not None and requested not in offered:
        st.warning(f"The link asks for an area we do not have ({md(repr(requested))}), so the home area is shown.")
    elif requested is not None:
        st.session_state[AREA] = requested
    area = st.session_state.get(AREA)
    area = area if area in offered else home if home in offered else offered[0]
    st.session_state[AREA] = area
    if area != home:
        st.query_params["area"] = area
    elif "area" in st.query_params:
        del st.query_params["area"]
    return area


def _picked() -> None:
    st.session_state[AREA] = st.session_state[_PICKER]
    st.query_params["area"] = st.session_state[_PICKER]


def start(title: str) -> View:
    """Set up a page and return the data it shows."""
    configure(title)
    version = caches.store().version()
    home, offered = caches.areas(version)
    view = caches.view_of(version, _area(home, offered))
    if meeting():
        st.html(MEETING_CSS)
        if title != "Measure":  # the measure page has its own previous/next bar
            bar = st.columns([1, 1, 1, 3, 1])
            targets = (
                ("pages/overview.py", "Overview"),
                ("pages/theme.py", "Themes"),
                ("pages/measure.py", "Measures"),
            )
            for column, (page, label) in zip(bar, targets, strict=False):
                column.page_link(page, label=label, query_params=links())
            with bar[4]:
                exit_meeting_button()
        return view
    st.html(PAGE_CSS)
    about, picker, present = st.columns([6, 2, 1.4], vertical_alignment="center")
    if view.last_import is not None:
        at = view.last_import.at
        about.caption(f"Tower Hamlets Plan · data to {view.latest_period} · updated {at:%d %b %Y} "
                      f"(import {view.last_import.id})")  # fmt: skip
    st.session_state[_PICKER] = view.area
    picker.selectbox("Area", list(offered), key=_PICKER, on_change=_picked, label_visibility="collapsed",
                     help="Whose figures to show. Other areas appear when the data hold them.")  # fmt: skip
    if present.button("Meeting mode", icon=":material/slideshow:", help="Large text and charts, no menus."):
        st.query_params["meeting"] = "1"
        st.rerun()
    return view


def exit_meeting_button() -> None:
    if st.button("Exit meeting mode", icon=":material/close:", help="Leave meeting mode"):
        del st.query_params["meeting"]
        st.rerun()
