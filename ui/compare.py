"""The compare page's pieces: a measure's ranking among a peer group, with its sentence, chart, table and downloads;
and chosen areas over time beside the group's median."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from thplan.area import BENCHMARKS, is_benchmark
from thplan.classification import Classification, Ranking, median_series, value_in
from thplan.display import RANKING_COLUMNS, rank_sentence, ranking_rows, ranking_rule, shown_around
from thplan.exports import rows_csv
from thplan.groups import NAME_LIMIT, delete_group, save_group
from thplan.peers import PeerGroup, groups_with_data
from thplan.spine import SPINE_COLUMNS, spine_rows, spine_table
from thplan.view import View
from ui import auth, caches, charts, edits, urlstate, widgets
from ui.text import md

KEY = "group-saved"  # where the message of a saved peer group waits for the rerun
LIBRARY = "library"  # the spine's choice of the indicator library's measures, beside the Plan's themes
SPINE_ROWS = 25  # measures a spine draws at once (the indicator library may hold hundreds)
#: Bars a ranking chart draws at once: every London borough; a longer ranking shows the home area's neighbours.
WINDOW = 35


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
    key = ("ranking", c.measure.id, group.name, result.period.label, tuple(r.area for r in shown), *references)
    spec = caches.chart_spec(view, key, lambda: charts.ranking_chart(c.measure, shown, view.area, references).to_dict())
    st.vega_lite_chart(spec, theme=None)
    rows = ranking_rows(c.measure.unit, result)
    with st.expander(f"Ranked table ({len(rows)} areas)"):
        st.dataframe(pd.DataFrame(rows, columns=RANKING_COLUMNS), hide_index=True, width="stretch")
    left, middle, _ = st.columns([1, 1, 3])
    name = f"{c.measure.id}-ranking-{result.period.label.replace('/', '-')}"
    left.download_button("Ranking (CSV)", lambda: rows_csv(RANKING_COLUMNS, rows), f"{name}.csv", mime="text/csv",
                         icon=":material/download:", on_click="ignore")  # fmt: skip
    as_at = view.last_import.at if view.last_import is not None else datetime.now(UTC)
    title = f"{c.measure.name}: {group.name}, {result.period.label}"
    source = c.measure.source or (view.last_import.file_name if view.last_import else "")
    middle.download_button("Chart (PNG)", lambda: charts.image(spec, "png", title, source, as_at),
                           f"{name}.png", mime="image/png", icon=":material/image:", on_click="ignore")  # fmt: skip


def over_time(view: View, c: Classification, group: PeerGroup | None) -> None:
    areas = view.areas_of(c.measure.id)
    median = f"{group.name} median" if group is not None else ""
    offered = [*areas, median] if median else areas
    defaults = [a for a in (view.area, median, *BENCHMARKS) if a in offered]
    chosen = urlstate.multiselect("Areas", offered, "areas", what="an area", default=defaults, max_selections=8)
    if not chosen:
        return
    if median in chosen:
        st.caption(f"{md(median)}: the middle value of the group in each period with four values or more.")

    def build() -> dict[str, object]:
        series = {a: view.observations(c.measure.id, a) for a in chosen if a != median}
        if median in chosen and group is not None:
            members = {a: view.observations(c.measure.id, a) for a in group.among(areas)}
            series[median] = tuple(median_series(c.measure.id, members, median))
        return charts.series_chart(c.measure, series, view.area, height=360).to_dict()

    st.vega_lite_chart(caches.chart_spec(view, ("over-time", c.measure.id, tuple(chosen)), build), theme=None)


def spine(view: View) -> None:
    """Every measure of a theme (or of the indicator library) as a row of Fingertips' spine chart."""
    themes = {t.id: t.name for t in view.framework.themes} | {LIBRARY: "Indicator library"}
    pick, among, against = st.columns([3, 2, 1])
    theme_id = urlstate.select("Theme", list(themes), "theme", what="a theme", format_func=themes.get, container=pick)
    if theme_id == LIBRARY:  # only the library's measures with figures for other areas
        measures = [c for c in view.library if len(view.areas_of(c.measure.id)) >= 3]
    else:
        measures = [c for c in view.classifications if c.measure.theme_id == theme_id]
    areas = sorted({a for c in measures for a in view.areas_of(c.measure.id)})
    groups = {g.name: g for g in groups_with_data(areas, view.peer_groups)}
    if not groups:
        st.info(f"No other boroughs' or regions' figures for the measures of {md(themes[theme_id])} yet, so "
                f"{md(view.area)} cannot be set among them. Import a Fingertips or LG Inform extract of every London "
                "borough.")  # fmt: skip
        return
    group = groups[urlstate.select("Among", list(groups), "group", what="a peer group", container=among)]
    benchmark = urlstate.select("Compared with", list(BENCHMARKS), "vs", what="a benchmark", container=against)
    page = widgets.paginate(measures, SPINE_ROWS, "rows", what="measures")
    key = (theme_id, group.name, benchmark, tuple(c.measure.id for c in page))
    rows = caches.spine_rows(view, key, lambda: spine_rows(view, page, group, benchmark))
    st.markdown(f"#### {md(themes[theme_id])}: {md(view.area)} among {md(group.noun)}, measure by measure")
    st.caption(f"Each row runs from the worst value among {md(group.noun)} (left) to the best (right); with no "
               "polarity, from the lowest to the highest. Light grey: the whole range; dark grey: the middle half "
               "(25th to 75th percentile); white line: the median. ◇ London, ▼ England. The circle is "
               f"{md(view.area)}, coloured by its comparison with {md(benchmark)}. "
               f"{md(group.description)}")  # fmt: skip
    st.vega_lite_chart(caches.chart_spec(view, ("spine", *key), lambda: charts.spine_chart(rows).to_dict()), theme=None)
    with st.expander("The figures"):
        table = spine_table(rows, view.area)
        st.dataframe(pd.DataFrame(table, columns=SPINE_COLUMNS), hide_index=True, width="stretch")


def manage_groups(view: View) -> None:
    """For officers: define, change or delete a named peer group (each save recorded, and undone from History)."""
    officer = auth.officer()
    st.subheader("Peer groups", anchor=False)
    edits.saved(KEY)
    defined = ", ".join(f"{g.name} ({len(g.members or ())} areas)" for g in view.peer_groups) or "none yet"
    st.caption(f"Groups officers have defined: {md(defined)}.")
    if officer is None:
        st.caption("Officers can define a group of their own (statistical neighbours, say) after logging in on the "
                   "Upload page.")  # fmt: skip
        return
    offered = sorted(a for a in caches.store().area_counts() if not is_benchmark(a))
    with st.expander("Define or change a peer group"), st.form("peer-group"):
        name = st.text_input("Name (an existing group's name changes it)", max_chars=NAME_LIMIT)
        areas = st.multiselect("Areas in the group", offered)
        description = st.text_input("What it is (for example: CIPFA nearest neighbours, 2023)")
        save, delete = st.columns(2)
        if save.form_submit_button("Save the group", type="primary"):
            edits.save(lambda user: save_group(caches.store(), name, areas, description, user=user), KEY)
        elif delete.form_submit_button("Delete the group of that name"):
            edits.save(lambda user: delete_group(caches.store(), name, user=user), KEY)
