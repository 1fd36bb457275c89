"""The measure page's pieces: the breakdown chooser, the inequality chart, where a measure stands (the Plan or the
indicator library) and, for officers, placing a library measure in the Plan."""

from __future__ import annotations

import streamlit as st

from thplan.area import ENGLAND
from thplan.breakdown import from_label
from thplan.classification import Classification, GapLabel
from thplan.display import badge_text, gap_sentence, polarity_phrase
from thplan.measure import NOT_BENCHMARKED, Kind, Measure
from thplan.placement import place
from thplan.store import StoreError
from thplan.view import View
from ui import auth, caches, charts, chrome, urlstate
from ui.text import md


def breakdown_chooser(view: View, measure: Measure) -> str | None:
    """The breakdown the viewer chose (kept in ?breakdown=), or None for the measure's headline."""
    labels = view.breakdowns(measure.id)
    if not labels:
        return None
    headline = measure.breakdown if measure.breakdown in labels else None
    names = {label: f"{label or 'No breakdown'}{' (headline)' if label == headline else ''}" for label in labels}
    if headline is None:
        st.warning("No breakdown is this measure's headline yet (its file gave several, none of them Persons, "
                   "All ages): choose one to see its figures. The framework workbook's Breakdown column can name "
                   "one.")  # fmt: skip
    chosen = urlstate.select("Breakdown", labels, "breakdown", what="a breakdown", format_func=names.get,
                             default=headline or labels[0], container=st.columns([3, 2])[0])  # fmt: skip
    return None if chosen == headline else chosen


def inequality(view: View, c: Classification) -> None:
    """For each category type of the measure's breakdowns (deprivation deciles, ethnic groups): each category's
    latest value with its interval, and the area's headline value marked."""
    labels = [from_label(label) for label in view.breakdowns(c.measure.id)]
    kinds = sorted({b.category_type or "Categories" for b in labels if b.in_category})
    for kind in kinds:
        places = [a for a in (c.area, ENGLAND, *view.areas_of(c.measure.id)) if any(
            o.breakdown.in_category and (o.breakdown.category_type or "Categories") == kind
            for o in view.series_of(c.measure.id).get(a, ()))]  # fmt: skip
        area = places[0]
        rows = [o for o in view.series_of(c.measure.id)[area] if o.dated and o.breakdown.in_category
                and (o.breakdown.category_type or "Categories") == kind]  # fmt: skip
        latest = max(o.period.sort_key for o in rows)
        rows = [o for o in rows if o.period.sort_key == latest]
        st.subheader(f"Inequality: {md(kind)}", anchor=False)
        st.caption(f"{md(area)}'s values by category, {rows[0].period.label}, with 95% confidence intervals; the line "
                   f"is {md(c.area)}'s headline value.")  # fmt: skip
        spec = caches.chart_spec(view, ("inequality", c.measure.id, kind), lambda rows=rows: charts.inequality_chart(
            c.measure, [(o.breakdown.category, o) for o in rows], c.latest, c.area).to_dict())  # fmt: skip
        st.vega_lite_chart(spec, theme=None)


def gap(c: Classification) -> None:
    """Is the gap to London closing? (R14): the label and its sentence, and the gap period by period."""
    if c.gap is None or c.gap_label is GapLabel.UNAVAILABLE:
        return
    st.subheader(f"Gap to London: {badge_text(c.gap_label)}", anchor=False)
    st.caption(md(f"{gap_sentence(c.gap, c.area, c.measure.unit)} The gap is {c.area}'s value minus London's, in each "
                  "period both have one; the first compared is the first from the Plan's baseline."))  # fmt: skip
    st.altair_chart(charts.gap_chart(c.measure, c.gap, c.area), theme=None)


def standing(view: View, measure: Measure) -> None:
    """Whether the measure is in the Plan, and what that means; the reason it is not benchmarked, when it is not."""
    if measure.comparison == NOT_BENCHMARKED:
        st.info("Not compared with London or England: its publisher (Fingertips) does not compare it between areas "
                "(every area's row of its file says 'Not compared').", icon=":material/info:")  # fmt: skip
    if view.framework.in_plan(measure):
        return
    st.info("In the indicator library, not in the Plan: no headline, count or report includes it.",
            icon=":material/menu_book:")  # fmt: skip
    st.page_link("pages/library.py", label="Open the indicator library", icon=":material/menu_book:",
                 **chrome.page_args())  # fmt: skip
    officer = auth.officer()
    if officer is None:
        st.caption("Officers can add it to one of the Plan's themes and outcomes after logging in (Upload page).")
        return
    framework = view.framework
    with st.expander("Add it to the Plan"), st.form("place"):
        themes = {t.id: t.name for t in framework.themes}
        theme = st.selectbox("Theme", list(themes), format_func=themes.get)
        outcomes = {o.id: f"{framework.theme(o.theme_id).short}: {o.name}" for o in framework.outcomes}  # type: ignore[union-attr]
        choices = ["", *outcomes] if measure.kind is Kind.OUTPUT else list(outcomes)
        outcome = st.selectbox("Outcome (of that theme)", choices, format_func=lambda i: outcomes.get(i, "None"))
        if st.form_submit_button("Add to the Plan", type="primary"):
            try:
                record = place(caches.store(), measure.id, str(theme), str(outcome), user=auth.require_officer())
            except StoreError as exc:
                st.error(str(exc))
                return
            caches.refresh()
            st.session_state["placed"] = f"Recorded as import {record.id}; the History page can undo it."
            st.rerun()


def about(view: View, measure: Measure) -> None:
    theme = view.framework.theme(measure.theme_id)
    breakdown = f"\n- **Headline breakdown:** {md(measure.breakdown)}" if measure.breakdown else ""
    st.markdown(f"- **Polarity:** {polarity_phrase(measure.polarity)}\n- **Unit:** {md(measure.unit or 'not stated')}\n"
                f"- **Theme:** {md(theme.name if theme else 'none (indicator library)')}\n- **Kind:** {measure.kind} "
                f"measure{breakdown}")  # fmt: skip
    for title, text in (("Definition", measure.definition), ("Source", measure.source), ("Notes", measure.notes)):
        if text:
            st.markdown(f"**{title}:** {md(text)}")
