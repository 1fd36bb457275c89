"""The indicator library: measures that imports brought and that are not in the Plan, found by search, each with
its latest value and a link to its page (where an officer can add it to the Plan)."""

import pandas as pd
import streamlit as st

from thplan.display import observation_text
from thplan.filtering import matches
from thplan.measure import normalise_name
from ui import chrome, urlstate

view = chrome.start("Indicator library")
st.header("Indicator library", anchor=False)
st.caption("Measures imports brought that are not in the Plan: context, not counted in any headline.")
if not view.library:
    st.info("There are no measures in the indicator library yet: every measure imported so far is in the Plan.")
    st.stop()
words = normalise_name(urlstate.text("Search the library", "q", placeholder="e.g. campylobacter")).split()
found = [c for c in view.library if matches(c, words)]
st.caption(f"{len(found)} of {len(view.library)} library measures.")
rows = [{"id": c.measure.id, "Measure": c.measure.name, "Latest": observation_text(c.latest, c.measure.unit, long=True),
         "Period": c.latest.period.label if c.latest else "", "Areas": len(view.areas_of(c.measure.id)),
         "Breakdowns": len(view.breakdowns(c.measure.id)) if c.measure.breakdown else 0} for c in found]  # fmt: skip
frame = pd.DataFrame(rows, columns=["id", "Measure", "Latest", "Period", "Areas", "Breakdowns"])
event = st.dataframe(frame, hide_index=True, on_select="rerun", selection_mode="single-row", key="library",
                     column_order=["Measure", "Latest", "Period", "Areas", "Breakdowns"],
                     column_config={"Measure": st.column_config.TextColumn(width="large")})  # fmt: skip
if event is not None and event.selection.rows:
    st.switch_page("pages/measure.py", **chrome.page_args(measure=str(frame.iloc[event.selection.rows[0]]["id"])))
for c in found[:20]:
    st.page_link("pages/measure.py", label=f"Open {c.measure.name}", icon=":material/arrow_forward:",
                 **chrome.page_args(measure=c.measure.id))  # fmt: skip
