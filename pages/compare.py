"""Compare areas: where the borough ranks on a measure, and how chosen areas moved over time."""

import streamlit as st

from ui import charts, chrome, urlstate
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
names = {c.measure.id: c.measure.name + ("" if view.framework.in_plan(c.measure) else " (library)") for c in comparable}
measure_id = urlstate.select(
    "Measure", list(names), "measure", what="a measure with several areas", format_func=names.get
)
c = next(x for x in comparable if x.measure.id == measure_id)
areas = view.areas_of(measure_id)
latest = {a: obs[-1] for a in areas if (obs := [o for o in view.observations(measure_id, a) if o.value is not None])}
st.caption(f"Latest value of each area ({c.measure.polarity}); {md(view.area)} in blue, London and England in orange.")
st.altair_chart(charts.ranked_chart(c.measure, latest, view.area, height=max(220, 22 * len(latest))), theme=None)

st.subheader("Over time", anchor=False)
defaults = [a for a in (view.area, "London", "England") if a in areas]
chosen = urlstate.multiselect("Areas", areas, "areas", what="an area", default=defaults, max_selections=8)
if chosen:
    series = {a: view.observations(measure_id, a) for a in chosen}
    st.altair_chart(charts.series_chart(c.measure, series, view.area, height=360), theme=None)
