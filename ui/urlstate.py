"""Widgets whose value lives in the URL as ids, so a link reopens exactly the view.

Streamlit's own `bind="query-params"` writes a widget's displayed label into the URL (the measure's full name
rather than its id), so these widgets keep the URL themselves: the URL's value wins when it names a known id,
an unknown id gets a helpful message, and a change writes the id back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.text import md


def _warn(param: str, unknown: Sequence[str], what: str) -> None:
    shown = md(", ".join(repr(u) for u in unknown))  # from the URL: anyone can write it
    st.warning(f"The link asks for {what} we do not have ({shown}), so it is not applied. Choose from the list.")


def _write(param: str, value: Any, default: Any) -> None:
    if value in (None, "", [], ()) or value == default:
        if param in st.query_params:
            del st.query_params[param]
    else:
        st.query_params[param] = value


def select(
    label: str,
    options: Sequence[str],
    param: str,
    *,
    what: str,
    format_func: Callable[[str], str] = str,
    default: str | None = None,
    widget: Callable[..., Any] | None = None,
    container: Any = st,
    **kwargs: Any,
) -> str:
    """A single choice (selectbox, or `widget` such as st.segmented_control) kept in ?param=id."""
    key = f"url:{param}"
    default = default if default is not None else (options[0] if options else None)
    requested = st.query_params.get(param)
    if requested is not None and requested not in options:
        _warn(param, [requested], what)
    elif requested is not None:
        st.session_state[key] = requested
    if st.session_state.get(key) not in options:
        st.session_state[key] = default
    draw = widget or container.selectbox
    # The callback writes the URL before the rerun, so the new choice is what the next run reads.
    sync = lambda: _write(param, st.session_state.get(key), default)  # noqa: E731
    value = draw(label, options, key=key, format_func=format_func, on_change=sync, **kwargs) or default
    _write(param, value, default)
    return value  # type: ignore[no-any-return]


def multiselect(
    label: str,
    options: Sequence[str],
    param: str,
    *,
    what: str,
    format_func: Callable[[str], str] = str,
    default: Sequence[str] = (),
    container: Any = st,
    **kwargs: Any,
) -> list[str]:
    """Several choices kept as ?param=a&param=b."""
    key = f"url:{param}"
    requested = st.query_params.get_all(param)
    unknown = [r for r in requested if r not in options]
    if unknown:
        _warn(param, unknown, what)
    if requested:
        st.session_state[key] = [r for r in requested if r in options]
    st.session_state[key] = [v for v in st.session_state.get(key, list(default)) if v in options]
    sync = lambda: _write(param, list(st.session_state.get(key, [])), list(default))  # noqa: E731
    value = container.multiselect(label, options, key=key, format_func=format_func, on_change=sync, **kwargs)
    _write(param, list(value), list(default))
    return list(value)


def text(label: str, param: str, *, container: Any = st, **kwargs: Any) -> str:
    key = f"url:{param}"
    requested = st.query_params.get(param)
    if requested is not None:
        st.session_state[key] = requested
    sync = lambda: _write(param, st.session_state.get(key, "").strip(), "")  # noqa: E731
    value = container.text_input(label, key=key, on_change=sync, **kwargs)
    _write(param, value.strip(), "")
    return value.strip()
