"""Saving an officer's change made in the app (a target, a commentary, a peer group): recorded like an import, then
the page reruns and says what was recorded; a change that cannot be made says why."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from thplan.store import ImportRecord, StoreError
from ui import auth, caches
from ui.text import md


def save(edit: Callable[[str], ImportRecord], key: str) -> None:
    """Run `edit` as the logged-in officer; on success refresh every page and rerun, the message kept under `key`."""
    try:
        record = edit(auth.require_officer())
    except StoreError as exc:
        st.error(md(str(exc)))
        return
    caches.refresh()
    st.session_state[key] = f"Recorded as import {record.id}: {record.file_name}. History can undo it."
    st.rerun()


def saved(key: str) -> None:
    """The message of the change just saved, once."""
    if message := st.session_state.pop(key, None):
        st.success(md(message))
