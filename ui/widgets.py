"""Reusable pieces of the pages: status badges, measure cards, the measures grid. Uploaded text is always escaped
(markdown) or shown as plain text, never rendered as HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler  # here, not at the first grid: its templates take 0.1 s to compile

from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification
from thplan.display import (
    TINT,
    badge_text,
    change_text,
    colour,
    comparison_sentence,
    observation_text,
    symbol,
    trend_sentence,
)
from thplan.summary import ThemeGroup, headline
from ui import charts, shell, urlstate
from ui.text import md

T = TypeVar("T")


def badge(prefix: str, label: str) -> str:
    return f":{colour(label)}-badge[{md(prefix)}{badge_text(label)}]"


def status_badges(c: Classification) -> str:
    """Overall trend, direction of travel and both comparisons, each with a symbol, words and colour."""
    return " ".join(
        [
            badge("Since 2017/18: ", c.overall.label),
            badge("Last change: ", c.direction.label),
            badge("vs London: ", c.vs(LONDON).label),
            badge("vs England: ", c.vs(ENGLAND).label),
        ]
    )


def explanation(c: Classification) -> list[str]:
    unit = c.measure.unit
    return [
        trend_sentence(c.overall, unit, c.measure.polarity),
        comparison_sentence(c.vs(LONDON), c.area, unit),
        comparison_sentence(c.vs(ENGLAND), c.area, unit),
    ]


def chart(view: shell.View, c: Classification, *, height: int = 260) -> dict[str, Any] | None:
    """Draw the measure's chart (the borough against London and England); returns its Vega-Lite spec."""
    spec = _chart_spec(view, view.version, c.area, c.measure.id, height)
    if spec is None:
        st.info("No values yet for this measure.")
        return None
    st.vega_lite_chart(spec, theme=None)
    return spec


@st.cache_data(max_entries=2048, show_spinner=False)
def _chart_spec(
    _view: shell.View, version: tuple[int, int], area: str, measure_id: str, height: int
) -> dict[str, Any] | None:
    """Built once per version of the data: building and validating an Altair chart costs more than drawing it."""
    c = _view.classification(measure_id)
    if c is None:
        return None
    series = {}
    for place in (area, LONDON, ENGLAND):
        observations = _view.observations(measure_id, place)
        if place not in series and any(o.value is not None for o in observations):
            series[place] = observations
    if not series:
        return None
    return charts.series_chart(c.measure, series, area, height=height).to_dict()  # type: ignore[no-any-return]


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


def measure_card(view: shell.View, c: Classification, *, with_chart: bool = True) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(c.measure.name)}**")
        delta, mode = change_text(c)
        latest = c.latest
        value = observation_text(latest, c.measure.unit, long=True) if latest else "No data"
        when = f"Latest ({latest.period.label})" if latest else "Latest"
        number, status = st.columns([2, 3])
        number.metric(when, value, delta or None, delta_color=mode)  # type: ignore[arg-type]
        status.markdown(status_badges(c))
        st.caption(md(" ".join(explanation(c)[:2])))
        if with_chart:
            chart(view, c)
        st.page_link(
            "pages/measure.py", label="Details, values and history", icon="🔎", **shell.page_args(measure=c.measure.id)
        )


GRID_STATUS = ["Since 2017/18", "Last change", "vs London", "vs England"]


def grid_frame(view: shell.View, classifications: list[Classification]) -> pd.DataFrame:
    """The grid's rows for these measures (all rows are built once per version and area, then picked)."""
    frame = _grid_rows(view, view.version, view.area)
    return frame.set_index("id", drop=False).loc[[c.measure.id for c in classifications]].reset_index(drop=True)


@st.cache_data(max_entries=8, show_spinner=False)
def _grid_rows(_view: shell.View, version: tuple[int, int], area: str) -> pd.DataFrame:
    rows = []
    for c in _view.classifications:
        theme = _view.framework.theme(c.measure.theme_id)
        outcome = _view.framework.outcome(c.measure.outcome_id)
        latest = c.latest
        rows.append(
            {
                "id": c.measure.id,
                "Theme": theme.short if theme else "",
                "Outcome": outcome.name if outcome else "Output measure" if c.measure.kind.value == "output" else "",
                "Measure": c.measure.name,
                "Latest": observation_text(latest, c.measure.unit),
                "Period": latest.period.label if latest else "",
                "Trend": charts.sparkline_values(_view.observations(c.measure.id, c.area)),
                "Since 2017/18": badge_text(c.overall.label),
                "Last change": badge_text(c.direction.label),
                "vs London": badge_text(c.vs(LONDON).label),
                "vs England": badge_text(c.vs(ENGLAND).label),
            }
        )
    return pd.DataFrame(rows, columns=["id", "Theme", "Outcome", "Measure", "Latest", "Period", "Trend", *GRID_STATUS])


def _tint(text: object) -> str:
    label = str(text).split(" ", 1)[-1]
    return f"background-color: {TINT[colour(label)]}"


def grid(frame: pd.DataFrame, *, key: str) -> str | None:
    """The measures grid; returns the id of the measure the viewer chose (a row click)."""
    styled: Styler = frame.style.map(_tint, subset=GRID_STATUS)
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
            "Trend": st.column_config.LineChartColumn("Trend", width="small"),
        },
        height=min(38 + 35 * len(frame), 760),
    )
    rows = event.selection.rows if event is not None else []
    return str(frame.iloc[rows[0]]["id"]) if rows else None


def meeting_view(view: shell.View, ids: list[str], names: dict[str, str]) -> None:
    """One measure per screen, large, with previous/next through the theme (or all measures)."""
    scope = st.query_params.get("scope")
    theme = view.framework.theme(scope) if scope else None
    scoped = [c.measure.id for c in view.classifications if theme is None or c.measure.theme_id == theme.id] or ids
    current = st.query_params.get("measure")
    index = scoped.index(current) if current in scoped else 0
    c = view.classification(scoped[index])
    assert c is not None
    back, where, forward, leave = st.columns([1, 3, 1, 1])
    if back.button("◀ Previous", disabled=index == 0, use_container_width=True):
        st.query_params["measure"] = scoped[index - 1]
        st.rerun()
    where.markdown(f"**{index + 1} of {len(scoped)}** · {md(theme.name if theme else 'All measures')}")
    if forward.button("Next ▶", disabled=index == len(scoped) - 1, use_container_width=True):
        st.query_params["measure"] = scoped[index + 1]
        st.rerun()
    with leave:
        shell.exit_meeting_button()
    st.title(md(c.measure.name))
    delta, mode = change_text(c)
    latest = c.latest
    value = observation_text(latest, c.measure.unit, long=True) if latest else "No data"
    left, right = st.columns([1, 3])
    left.metric(f"Latest ({latest.period.label})" if latest else "Latest", value, delta or None, delta_color=mode)  # type: ignore[arg-type]
    right.markdown(status_badges(c))
    right.markdown(md(" ".join(explanation(c)[:2])))
    chart(view, c, height=400)


def tiles(items: list[tuple[str, int, str]]) -> None:
    """Headline numbers as tiles: (label, count, what it means); colour, symbol and words together."""
    for column, (label, count, meaning) in zip(st.columns(len(items)), items, strict=True):
        with column.container(border=True):
            st.markdown(f"### :{colour(label)}[{symbol(label)} {count}]")
            st.caption(meaning)


ATTENTION_SHOWN = 8


def attention_list(view: shell.View, flagged: list[Classification]) -> None:
    if not flagged:
        st.success("No measure is both worse than London and worsening.")
    for c in flagged[:ATTENTION_SHOWN]:
        latest = observation_text(c.latest, c.measure.unit, long=True)
        london = observation_text(c.vs(LONDON).benchmark, c.measure.unit, long=True)
        with st.container(border=True):
            name, link = st.columns([4, 1], vertical_alignment="center")
            name.markdown(
                f"**{md(c.measure.name)}** · {md(latest)} ({c.latest.period.label}) "
                f":red-badge[{badge_text(c.direction.label)}] :red-badge[{badge_text(c.vs(LONDON).label)}: "
                f"London {md(london)}]"
            )
            link.page_link("pages/measure.py", label="Open", icon=":material/arrow_forward:",
                           **shell.page_args(measure=c.measure.id))  # fmt: skip
    if len(flagged) > ATTENTION_SHOWN:
        st.page_link("pages/overview.py", label=f"All {len(flagged)} in the grid", icon=":material/filter_list:",
                     **shell.page_args(status="Needs attention"))  # fmt: skip


COUNT_WORDS = {"Improved": "improved", "The same": "the same", "Worsened": "worsened", "Data Unavailable": "no data"}


def count_badges(classifications: list[Classification]) -> str:
    """'▲ 6 improved ● 1 the same ... ✗ 1 worse than London' as coloured badges."""
    head = headline(classifications)
    counts = [f":{colour(k)}-badge[{symbol(k)} {n} {COUNT_WORDS[k]}]" for k, n in head.counts.items()]
    return " ".join([*counts, f":red-badge[✗ {head.behind_london} worse than London]"])


def theme_rows(groups: list[ThemeGroup]) -> None:
    """Each theme's counts as badges (symbol, number, words), with a link to its page."""
    for group in groups:
        with st.container(border=True):
            text, link = st.columns([3, 1], vertical_alignment="center")
            text.markdown(f"**{md(group.theme.short)}** {count_badges(group.classifications)}")
            link.page_link("pages/theme.py", label="Open", icon=":material/arrow_forward:",
                           **shell.page_args(theme=group.theme.id))  # fmt: skip
