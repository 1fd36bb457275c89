"""Reusable pieces of the pages: status badges, measure cards, charts, the measures grid, meeting mode, headline
tiles. Uploaded text is always escaped (markdown) or shown as plain text, never rendered as HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler  # here, not at the first grid: its templates take 0.1 s to compile

from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification, GapLabel, TrendLabel
from thplan.display import (
    TINT,
    badge_text,
    change_text,
    colour,
    comparison_sentence,
    gap_sentence,
    observation_text,
    since_label,
    symbol,
    trend_badge,
    trend_sentence,
    value_and_unit,
)
from thplan.measure import Unit
from thplan.summary import ThemeGroup, headline
from thplan.view import View
from ui import caches, charts, chrome, urlstate
from ui.text import md

T = TypeVar("T")


def badge(prefix: str, label: str, words: str | None = None) -> str:
    """A coloured badge: the prefix, the label's symbol and its words (or `words`)."""
    text = f"{symbol(label)} {words}".strip() if words is not None else badge_text(label)
    return f":{colour(label)}-badge[{md(prefix)}{md(text)}]"


def status_badges(view: View, c: Classification) -> str:
    """Overall trend (since the period it really starts from), direction of travel and both comparisons, each with
    a symbol, words and colour."""
    overall = c.overall
    return " ".join([
        badge(f"{since_label(overall, view.framework.settings.baseline)}: ", overall.label, trend_badge(overall)[2:]),
        badge("Last change: ", c.direction.label, trend_badge(c.direction)[2:]),
        badge("vs London: ", c.vs(LONDON).label),
        badge("vs England: ", c.vs(ENGLAND).label),
        *([badge("Gap to London: ", c.gap_label)] if c.gap_label is not GapLabel.UNAVAILABLE else []),
        *([badge("vs target: ", c.target_label)] if c.target is not None else []),
    ])  # fmt: skip


def explanation(c: Classification) -> list[str]:
    unit = c.measure.unit
    return [
        trend_sentence(c.overall, unit, c.measure.polarity),
        comparison_sentence(c.vs(LONDON), c.area, unit),
        comparison_sentence(c.vs(ENGLAND), c.area, unit),
        *([f"Gap to London: {gap_sentence(c.gap, c.area, unit)}"] if c.gap_label is not GapLabel.UNAVAILABLE else []),
    ]


def chart(view: View, c: Classification, *, height: int = 260, font: int = charts.FONT, breakdown: str | None = None
          ) -> dict[str, Any] | None:  # fmt: skip
    """Draw the measure's chart (the area against London and England, of its headline or of `breakdown`); returns
    its Vega-Lite spec. A count is drawn alone: it is not compared with areas of other sizes (R9)."""
    measure = c.measure
    alone = measure.unit is Unit.COUNT

    def build() -> dict[str, Any] | None:
        series = {}
        for place in (c.area,) if alone else (c.area, LONDON, ENGLAND):
            values = (view.observations(measure.id, place) if breakdown is None
                      else view.breakdown_series(measure.id, place, breakdown))  # fmt: skip
            if place not in series and any(o.value is not None for o in values):
                series[place] = values
        if not series:
            return None
        return charts.series_chart(measure, series, c.area, height=height, font=font).to_dict()  # type: ignore[no-any-return]

    spec = caches.chart_spec(view, ("series", measure.id, breakdown, height, font), build)
    if spec is None:
        st.info("No values yet for this measure.")
        return None
    st.vega_lite_chart(spec, theme=None)
    if alone:
        st.caption("London and England are not drawn: a count is not compared between areas of different sizes.")
    return spec


CARDS_PER_PAGE = 12
GRID_ROWS_PER_PAGE = 250


def paginate(items: Sequence[T], per_page: int, param: str, *, what: str) -> list[T]:
    """One page of items, with a page chooser kept in ?param= when there are more than `per_page`: a theme can
    hold hundreds of measures, and only one page of cards, charts or grid rows is drawn."""
    pages = max(1, -(-len(items) // per_page))
    if pages == 1:
        return list(items)
    labels = {str(n): f"{(n - 1) * per_page + 1}–{min(n * per_page, len(items))}" for n in range(1, pages + 1)}
    picker, note = st.columns([2, 3], vertical_alignment="center")
    chosen = int(urlstate.select(f"Which {what}", list(labels), param, what="a page", format_func=labels.get,
                                 container=picker))  # fmt: skip
    note.caption(f"{len(items)} {what}, {per_page} to a page.")
    return list(items[(chosen - 1) * per_page : chosen * per_page])


def headline_metric(c: Classification, place: Any = st) -> None:
    """The latest value, large, its unit under it so that neither is cut off, and the change since the previous
    value coloured by polarity."""
    latest = c.latest
    value, unit = value_and_unit(latest, c.measure.unit)
    delta, mode = change_text(c)
    place.metric(f"Latest ({latest.period.label})" if latest else "Latest", value, delta or None, delta_color=mode)  # type: ignore[arg-type]
    if unit:
        place.caption(unit)  # under the number: a long unit would cut the number short beside it


def measure_card(view: View, c: Classification, *, with_chart: bool = True) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(c.measure.name)}**")
        number, status = st.columns([2, 3])
        headline_metric(c, number)
        status.markdown(status_badges(view, c))
        st.caption(md(" ".join(explanation(c)[:2])))
        if (comment := view.comments.get(c.measure.id)) is not None:
            st.markdown(f"**What is being done** ({md(comment.period)}): {md(excerpt(comment.text))}")
        if with_chart:
            chart(view, c)
        st.page_link("pages/measure.py", label=f"Details of {c.measure.name}", icon="🔎",
                     **chrome.page_args(measure=c.measure.id))  # fmt: skip


GRID_STATUS = ["Overall trend", "Last change", "vs London", "vs England", "Gap to London", "vs target"]


def trend_cell(view: View, c: Classification) -> str:
    """'▲ Improved since 2018/19', '○ One value so far': the overall trend with the period it starts from."""
    text = trend_badge(c.overall)
    if c.overall.label is TrendLabel.UNAVAILABLE:
        return text
    return f"{text} since {since_label(c.overall, view.framework.settings.baseline)[6:]}"


def _grid_rows(view: View) -> pd.DataFrame:
    rows = []
    for c in view.classifications:
        theme = view.framework.theme(c.measure.theme_id)
        outcome = view.framework.outcome(c.measure.outcome_id)
        latest = c.latest
        rows.append(
            {
                "id": c.measure.id,
                "Theme": theme.short if theme else "",
                "Outcome": outcome.name if outcome else "Output measure" if c.measure.kind.value == "output" else "",
                "Measure": c.measure.name,
                "Latest": observation_text(latest, c.measure.unit, long=True),
                "Period": latest.period.label if latest else "",
                "Trend": charts.sparkline_values(view.observations(c.measure.id, c.area)),
                "Overall trend": trend_cell(view, c),
                "Last change": trend_badge(c.direction),
                "vs London": badge_text(c.vs(LONDON).label),
                "vs England": badge_text(c.vs(ENGLAND).label),
                "Gap to London": badge_text(c.gap_label),
                "vs target": badge_text(c.target_label),
                "_overall": c.overall.label.value,
                "_direction": c.direction.label.value,
            }
        )
    return pd.DataFrame(rows, columns=["id", "Theme", "Outcome", "Measure", "Latest", "Period", "Trend", *GRID_STATUS,
                                       "_overall", "_direction"])  # fmt: skip


def grid_frame(view: View, classifications: list[Classification]) -> pd.DataFrame:
    """The grid's rows for these measures (all rows are built once per version and area, then picked)."""
    frame = caches.grid_rows(view, lambda: _grid_rows(view))
    return frame.set_index("id", drop=False).loc[[c.measure.id for c in classifications]].reset_index(drop=True)


def grid(frame: pd.DataFrame, *, key: str) -> str | None:
    """The measures grid; returns the id of the measure the viewer chose (a row click)."""
    labels = {"Overall trend": "_overall", "Last change": "_direction"}

    def tint(column: pd.Series) -> list[str]:
        label = (
            frame.loc[column.index, labels[column.name]] if column.name in labels else column.str.split(" ", n=1).str[1]
        )
        return [f"background-color: {TINT[colour(str(v))]}" for v in label]

    styled: Styler = frame.style.apply(tint, subset=GRID_STATUS)
    event = st.dataframe(
        styled,
        key=key,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        column_order=["Theme", "Outcome", "Measure", "Latest", "Period", "Trend", *GRID_STATUS],
        column_config={
            "Measure": st.column_config.TextColumn(width="large"),
            "Outcome": st.column_config.TextColumn(width="medium"),
            "Overall trend": st.column_config.TextColumn(width="medium"),
            "Trend": st.column_config.LineChartColumn("Trend", width="small"),
        },
        height=min(38 + 35 * len(frame), 760),
    )
    rows = event.selection.rows if event is not None else []
    return str(frame.iloc[rows[0]]["id"]) if rows else None


MEETING_FONT = 16


def meeting_view(view: View) -> None:
    """One measure per screen, large, with previous/next through the theme (or all the Plan's measures)."""
    scope = st.query_params.get("scope")
    theme = view.framework.theme(scope) if scope else None
    if scope and theme is None:
        st.warning(f"The link asks for a theme we do not have ({md(repr(scope))}); stepping through every measure.")
    discuss = st.query_params.get("discuss") == "1"  # R11: only the measures that need discussion
    scoped = [c.measure.id for c in view.classifications if (theme is None or c.measure.theme_id == theme.id)
              and (not discuss or c.needs_discussion)]  # fmt: skip
    if not scoped:
        st.info("No measure needs discussion here." if discuss else "There are no measures to present.")
        return
    current = st.query_params.get("measure")
    if current is not None and current not in scoped:
        st.warning(f"The link asks for a measure we do not have here ({md(repr(current))}); showing the first.")
    index = scoped.index(current) if current in scoped else 0
    c = view.classification(scoped[index])
    assert c is not None
    back, where, forward, leave = st.columns([1.2, 3, 1.2, 1.8], vertical_alignment="center")
    if back.button("◀ Previous", disabled=index == 0, use_container_width=True):
        st.query_params["measure"] = scoped[index - 1]
        st.rerun()
    which = "needing discussion" if discuss else ""
    where.markdown(f"**{index + 1} of {len(scoped)}** {which} · {md(theme.name if theme else 'All measures')}")
    if forward.button("Next ▶", disabled=index == len(scoped) - 1, use_container_width=True):
        st.query_params["measure"] = scoped[index + 1]
        st.rerun()
    with leave:
        chrome.exit_meeting_button()
    st.title(md(c.measure.name), anchor=False)
    st.markdown(status_badges(view, c))
    comment = view.comments.get(c.measure.id)
    left, right, *aside = st.columns([1, 3, 2] if comment is not None else [1, 4])
    headline_metric(c, left)
    with right:
        chart(view, c, height=300, font=MEETING_FONT)
    if comment is not None:  # the commentary beside the chart: what the board discusses
        aside[0].markdown(f"**What is being done** ({md(comment.period)})\n\n{md(excerpt(comment.text, 600))}")
        aside[0].caption(f"{md(comment.author)}, {comment.written:%d %B %Y}")
    st.markdown(md(" ".join(explanation(c)[:2])))


def excerpt(text: str, limit: int = 220) -> str:
    """A commentary's first words, on one line, cut at a word."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + " …"


def tiles(items: list[tuple[str, int, str]]) -> None:
    """Headline numbers as tiles: (label, count, what it means); colour, symbol and words together. Not headings:
    they would add a tab stop each."""
    for column, (label, count, meaning) in zip(st.columns(len(items)), items, strict=True):
        with column.container(border=True):
            st.subheader(f":{colour(label)}[{symbol(label)} {count}]", anchor=False)
            st.caption(meaning)


ATTENTION_SHOWN = 8


def attention_list(view: View, flagged: list[Classification]) -> None:
    if not flagged:
        st.success("No measure is both worse than London and worsening.")
    for c in flagged[:ATTENTION_SHOWN]:
        latest = observation_text(c.latest, c.measure.unit, long=True)
        london = observation_text(c.vs(LONDON).benchmark, c.measure.unit, long=True)
        with st.container(border=True, gap="small"):
            st.markdown(
                f"**{md(c.measure.name)}** · {md(latest)} ({c.latest.period.label}) "
                f":red-badge[Last change: {md(trend_badge(c.direction))}] "
                f":red-badge[{badge_text(c.vs(LONDON).label)} than London ({md(london)})]"
            )
            st.page_link("pages/measure.py", label=f"Open {c.measure.name}", icon=":material/arrow_forward:",
                         **chrome.page_args(measure=c.measure.id))  # fmt: skip
    if len(flagged) > ATTENTION_SHOWN:
        st.page_link("pages/overview.py", label=f"All {len(flagged)} in the grid", icon=":material/filter_list:",
                     **chrome.page_args(status="Needs attention"))  # fmt: skip


def count_badges(classifications: list[Classification]) -> str:
    """'▲ 6 improved ● 1 the same ... ○ 2 with one value so far ✗ 1 worse than London' as coloured badges: every
    trend that occurs, so they add up to the measures counted."""
    head = headline(classifications)
    parts = []
    for label, count in head.shown.items():
        if label is TrendLabel.UNAVAILABLE:
            one, none = head.one_value, count - head.one_value
            parts += [f":gray-badge[{symbol(label)} {n} {words}]" for n, words in
                      ((one, "with one value"), (none, "with no data")) if n]  # fmt: skip
        elif count or label is not TrendLabel.SAME:
            parts.append(f":{colour(label)}-badge[{symbol(label)} {count} {label.value.lower()}]")
    return " ".join([*parts, f":red-badge[✗ {head.behind_london} worse than London]"])


def theme_rows(groups: list[ThemeGroup]) -> None:
    """Each theme's counts as badges (symbol, number, words), with a link to its page."""
    for group in groups:
        with st.container(border=True, gap="small"):
            st.markdown(f"**{md(group.theme.short)}** {count_badges(group.classifications)}")
            st.page_link("pages/theme.py", label=f"Open {group.theme.short}", icon=":material/arrow_forward:",
                         **chrome.page_args(theme=group.theme.id))  # fmt: skip
