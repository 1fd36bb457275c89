"""What changed since a date (the last board meeting, say): new data, changed classifications, revised values."""

from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import streamlit as st

from ui import caches, chrome
from ui.text import md

view = chrome.start("What changed")
st.header("What changed since…", anchor=False)
records = caches.store().imports()
if not records:
    st.info("Nothing has been imported yet, so nothing has changed.")
    st.stop()
try:
    default = date.fromisoformat(st.query_params.get("since", ""))
except ValueError:
    if "since" in st.query_params:
        st.warning(f"'{md(st.query_params['since'])}' is not a date (use YYYY-MM-DD); showing the last 90 days.")
    default = date.today() - timedelta(days=90)
chosen = st.columns([1, 3])[0].date_input("Since (for example the last board meeting)", value=default,
                                          max_value=date.today())  # fmt: skip
st.query_params["since"] = chosen.isoformat()
moment = datetime.combine(chosen, time.min, tzinfo=UTC).replace(tzinfo=None)
later = [r for r in records if r.at >= moment]
st.caption(f"{len(later)} import(s) since {chosen:%d %B %Y}: " + ", ".join(f"{md(r.file_name)} ({r.at:%d %b})"
                                                                         for r in later[:8]))  # fmt: skip
changes = caches.changes_since(view, moment)

st.subheader("Classifications that changed", anchor=False)
if changes.reclassified:
    st.dataframe(pd.DataFrame([vars(r) for r in changes.reclassified]).rename(columns=str.capitalize), hide_index=True)
else:
    st.caption("None.")
st.subheader("New commentary", anchor=False)
if changes.commentary:
    st.dataframe(pd.DataFrame([vars(c) for c in changes.commentary]).rename(columns=str.capitalize), hide_index=True)
else:
    st.caption("None.")
st.subheader("Measures with new data", anchor=False)
if changes.new_data:
    rows = [{"Measure": n.measure, "Area": n.area, "New periods": ", ".join(n.periods)} for n in changes.new_data]
    st.dataframe(pd.DataFrame(rows), hide_index=True)
else:
    st.caption("None.")
st.subheader("Past values that were revised", anchor=False)
if changes.revisions:
    st.dataframe(pd.DataFrame([vars(r) for r in changes.revisions]).rename(columns=str.capitalize), hide_index=True)
else:
    st.caption("None.")
