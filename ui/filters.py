"""The overview's filters (theme, outcome, kind, status, search), each kept in the URL so a link reopens the view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from thplan.area import LONDON
from thplan.classification import Classification, ComparisonLabel
from thplan.measure import normalise_name
from ui import shell, urlstate

STATUSES = (
    "Improved",
    "The same",
    "Worsened",
    "Data Unavailable",
    "Better than London",
    "Worse than London",
    "Needs attention",
)
KINDS = ("All", "outcome", "output")
KIND_NAMES = {"All": "All", "outcome": "Outcome measures", "output": "Output measures"}


@dataclass(frozen=True)
class Filters:
    themes: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    kind: str = "All"
    statuses: tuple[str, ...] = ()
    text: str = ""


def filter_controls(view: shell.View) -> Filters:
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
        kind = urlstate.select("Kind", KINDS, "kind", what="a kind of measure", container=third,
                               format_func=KIND_NAMES.get)  # fmt: skip
        statuses = urlstate.multiselect("Status", STATUSES, "status", what="a status", container=fourth)
        text = urlstate.text("Search", "q", container=fifth, placeholder="e.g. employment")
    return Filters(tuple(themes), tuple(outcomes), kind, tuple(statuses), text)


def _status_matches(c: Classification, statuses: Sequence[str]) -> bool:
    london = c.vs(LONDON).label
    facts = {c.overall.label.value}
    if london is ComparisonLabel.BETTER:
        facts.add("Better than London")
    if london is ComparisonLabel.WORSE:
        facts.add("Worse than London")
    if c.needs_attention:
        facts.add("Needs attention")
    return bool(facts & set(statuses))


def apply_filters(view: shell.View, filters: Filters | None) -> list[Classification]:
    if filters is None:
        return list(view.classifications)
    words = normalise_name(filters.text).split()
    result = []
    for c in view.classifications:
        haystack = normalise_name(" ".join([c.measure.name, *c.measure.aliases, c.measure.id]))
        if filters.themes and c.measure.theme_id not in filters.themes:
            continue
        if filters.outcomes and c.measure.outcome_id not in filters.outcomes:
            continue
        if filters.kind != "All" and c.measure.kind.value != filters.kind:
            continue
        if filters.statuses and not _status_matches(c, filters.statuses):
            continue
        if words and not all(w in haystack for w in words):
            continue
        result.append(c)
    return result
