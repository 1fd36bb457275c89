"""The compare page's pieces: a measure's ranking among a peer group, with its sentence, chart, table and downloads;
and chosen areas over time beside the group's median."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from thplan.area import BENCHMARKS
from thplan.classification import Classification, Ranking, median_series, rank_areas, value_in
from thplan.display import RANKING_COLUMNS, rank_sentence, ranking_rows, ranking_rule, shown_around
from thplan.exports import rows_csv
from thplan.peers import PeerGroup
from thplan.view import View
from ui import charts, urlstate
from ui.text import md

#: Bars a ranking chart draws at once: every London borough; a longer ranking shows the home area's neighbours.
WINDOW = 35


def ranking(view: View, c: Classification, group: PeerGroup, benchmark: str) -> Ranking:
    members = group.among(view.areas_of(c.measure.id))
    series = {a: view.observations(c.measure.id, a) for a in members}
    return rank_areas(c.measure, series, view.area, benchmark, view.observations(c.measure.id, benchmark))


def show_ranking(view: View, c: Classification, group: PeerGroup, result: Ranking) -> None:
    st.markdown(f"#### {md(rank_sentence(result, group.noun, view.area))}")
    st.caption(md(f"{ranking_rule(result, view.area)} {group.name}: {group.description}"))
    if result.period is None:
        return
    references = {a: o for a in BENCHMARKS if (o := value_in(view.observations(c.measure.id, a), result.period.label))}
    missing = [a for a in BENCHMARKS if a not in references]
    shown = result.ranked
    if len(shown) > WINDOW and not st.toggle(f"Show all {len(shown)} areas", key="all-areas"):
        shown = shown_around(result, view.area, WINDOW)
        st.caption(f"Ranks {shown[0].rank} to {shown[-1].rank} of {len(result.ranked)}, around {md(view.area)}. "
                   "The table below lists every area.")  # fmt: skip
    if missing:
        st.caption(f"No value for {result.period.label}: {md(', '.join(missing))} (no line drawn).")
    chart = charts.ranking_chart(c.measure, shown, view.area, references)
    st.altair_chart(chart, theme=None)
    rows = ranking_rows(c.measure.unit, result)
    with st.expander(f"Ranked table ({len(rows)} areas)"):
        st.dataframe(pd.DataFrame(rows, columns=RANKING_COLUMNS), hide_index=True, use_container_width=True)
    left, middle, _ = st.columns([1, 1, 3])
    name = f"{c.measure.id}-ranking-{result.period.label.replace('/', '-')}"
    left.download_button("Ranking (CSV)", lambda: rows_csv(RANKING_COLUMNS, rows), f"{name}.csv", mime="text/csv",
                         icon=":material/download:", on_click="ignore")  # fmt: skip
    as_at = view.last_import.at if view.last_import is not None else datetime.now(UTC)
    title = f"{c.measure.name}: {group.name}, {result.period.label}"
    source = c.measure.source or (view.last_import.file_name if view.last_import else "")
    middle.download_button("Chart (PNG)", lambda: charts.image(chart.to_dict(), "png", title, source, as_at),
                           f"{name}.png", mime="image/png", icon=":material/image:", on_click="ignore")  # fmt: skip


def over_time(view: View, c: Classification, group: PeerGroup | None) -> None:
    areas = view.areas_of(c.measure.id)
    median = f"{group.name} median" if group is not None else ""
    offered = [*areas, median] if median else areas
    defaults = [a for a in (view.area, median, *BENCHMARKS) if a in offered]
    chosen = urlstate.multiselect("Areas", offered, "areas", what="an area", default=defaults, max_selections=8)
    if not chosen:
        return
    series = {a: view.observations(c.measure.id, a) for a in chosen if a != median}
    if median in chosen and group is not None:
        members = {a: view.observations(c.measure.id, a) for a in group.among(areas)}
        series[median] = tuple(median_series(c.measure.id, members, median))
        st.caption(f"{md(median)}: the middle value of the group in each period with four values or more.")
    st.altair_chart(charts.series_chart(c.measure, series, view.area, height=360), theme=None)
