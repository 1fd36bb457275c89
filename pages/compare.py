"""Compare areas: where the borough ranks among its peers on a measure, and how chosen areas moved over time."""

import streamlit as st

from thplan.area import BENCHMARKS
from thplan.peers import groups_with_data
from thplan.spine import group_ranking
from ui import chrome, compare, urlstate
from ui.text import md

view = chrome.start("Compare areas")
st.title("Compare areas", anchor=False)
comparable = [c for c in view.everything if len(view.areas_of(c.measure.id)) >= 3]  # the library's too
if not comparable:
    st.info(
        "The data hold no measure with figures for several areas yet. Import a Fingertips, Oflog or LG Inform "
        "extract (for example every London borough) to compare the borough with others."
    )
    st.stop()
modes = {"measure": "One measure, all areas", "theme": "All measures of a theme"}
mode = urlstate.select("View", list(modes), "view", what="a view", format_func=modes.get, widget=st.segmented_control,
                       label_visibility="collapsed")  # fmt: skip
if mode == "theme":
    compare.spine(view)
    st.stop()
ranked_first = sorted(comparable, key=lambda c: not groups_with_data(view.areas_of(c.measure.id)))
names = {c.measure.id: c.measure.name + ("" if view.framework.in_plan(c.measure) else " (library)")
         for c in ranked_first}  # fmt: skip
pick, among, against = st.columns([3, 2, 1])
measure_id = urlstate.select("Measure", list(names), "measure", what="a measure with several areas",
                             format_func=names.get, container=pick)  # fmt: skip
c = next(x for x in comparable if x.measure.id == measure_id)
groups = {g.name: g for g in groups_with_data(view.areas_of(measure_id), view.peer_groups)}
group = None
if groups:
    group = groups[urlstate.select("Among", list(groups), "group", what="a peer group", container=among)]
    benchmark = urlstate.select("Compared with", list(BENCHMARKS), "vs", what="a benchmark", container=against)
    compare.show_ranking(view, c, group, group_ranking(view, c, group, benchmark))
else:
    st.info(f"No other boroughs' or regions' figures for this measure yet, so {md(view.area)} cannot be ranked. "
            "Import a Fingertips or LG Inform extract of every London borough to rank it.")  # fmt: skip
st.subheader("Over time", anchor=False)
compare.over_time(view, c, group)
compare.manage_groups(view)
