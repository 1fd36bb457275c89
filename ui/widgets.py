"""Reusable pieces of the pages: status badges, measure cards, the measures grid. Uploaded text is always escaped
(markdown) or shown as plain text, never rendered as HTML."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import streamlit as st

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
from ui import charts, shell

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def md(text: str) -> str:
    """Text from a file, made inert for st.markdown (no links, no colour directives, no HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


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


def chart(view: shell.View, c: Classification, *, height: int = 260) -> alt.LayerChart | None:
    series = {}
    for area in (c.area, LONDON, ENGLAND):
        observations = view.observations(c.measure.id, area)
        if area not in series and any(o.value is not None for o in observations):
            series[area] = observations
    if not series:
        st.info("No values yet for this measure.")
        return None
    drawn = charts.series_chart(c.measure, series, c.area, height=height)
    st.altair_chart(drawn, theme=None)
    return drawn


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
    rows = []
    for c in classifications:
        theme = view.framework.theme(c.measure.theme_id)
        outcome = view.framework.outcome(c.measure.outcome_id)
        latest = c.latest
        rows.append(
            {
                "id": c.measure.id,
                "Theme": theme.short if theme else "",
                "Outcome": outcome.name if outcome else "Output measure" if c.measure.kind.value == "output" else "",
                "Measure": c.measure.name,
                "Latest": observation_text(latest, c.measure.unit),
                "Period": latest.period.label if latest else "",
                "Trend": charts.sparkline_values(view.observations(c.measure.id, c.area)),
                "Since 2017/18": badge_text(c.overall.label),
                "Last change": badge_text(c.direction.label),
                "vs London": badge_text(c.vs(LONDON).label),
                "vs England": badge_text(c.vs(ENGLAND).label),
            }
        )
    return pd.DataFrame(rows)


def _tint(text: object) -> str:
    label = str(text).split(" ", 1)[-1]
    return f"background-color: {TINT[colour(label)]}"


def grid(frame: pd.DataFrame, *, key: str) -> str | None:
    """The measures grid; returns the id of the measure the viewer chose (a row click)."""
    styled = frame.style.map(_tint, subset=GRID_STATUS)
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
    st.title(c.measure.name)
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


def attention_list(view: shell.View, flagged: list[Classification]) -> None:
    if not flagged:
        st.success("No measure is both worse than London and worsening.")
    for c in flagged:
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
