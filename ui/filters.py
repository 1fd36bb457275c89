"""The overview's filters (theme, outcome, kind, status, search), each kept in the URL so a link reopens the view.
What they mean is `thplan.filtering`; this module draws them."""

from __future__ import annotations

import streamlit as st

from thplan.filtering import KINDS, Filters, Status
from thplan.view import View
from ui import urlstate

KIND_NAMES = {"All": "All", "outcome": "Outcome measures", "output": "Output measures"}


def filter_controls(view: View) -> Filters:
    framework = view.framework
    theme_ids = [t.id for t in framework.themes]
    active = any(p in st.query_params for p in ("themes", "outcomes", "kind", "status", "q"))
    with st.expander("Filter the measures", expanded=active, icon=":material/filter_list:"):
        first, second, third, fourth, fifth = st.columns([3, 3, 2, 3, 3])
        themes = urlstate.multiselect("Theme", theme_ids, "themes", what="a theme", container=first,
                                      format_func=lambda i: framework.theme(i).name)  # fmt: skip
        shown_outcomes = [o.id for o in framework.outcomes if not themes or o.theme_id in themes]
        outcomes = urlstate.multiselect("Outcome", shown_outcomes, "outcomes", what="an outcome", container=second,
                                        format_func=lambda i: framework.outcome(i).name)  # fmt: skip
        kind = urlstate.select("Kind", list(KINDS), "kind", what="a kind of measure", container=third,
                               format_func=KIND_NAMES.get)  # fmt: skip
        statuses = urlstate.multiselect("Status", [s.value for s in Status], "status", what="a status",
                                        container=fourth)  # fmt: skip
        text = urlstate.text("Search", "q", container=fifth, placeholder="e.g. employment")
    return Filters(tuple(themes), tuple(outcomes), kind, tuple(Status(s) for s in statuses), text)
