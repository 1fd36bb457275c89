"""The baseline: a bare Streamlit app that imports the dashboard's libraries and draws one Altair chart, with one
text box that filters it (so a rerun can be timed the same way as the dashboard's filters)."""

import altair as alt
import duckdb
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Bare app", layout="wide")
st.header("Bare app")
frame = duckdb.sql("SELECT 'Series ' || (i % 3) AS series, 2000 + i // 3 AS year, (i * 37) % 100 AS value "
                   "FROM range(60) t(i)").df()  # fmt: skip
search = st.text_input("Search", placeholder="e.g. Series 1")
st.query_params["q"] = search  # as the dashboard keeps its filters in the URL
shown = frame[frame["series"].str.contains(search, case=False)] if search else frame
st.caption(f"{len(shown)} of {len(frame)} rows.")
chart = alt.Chart(pd.DataFrame(shown)).mark_line(point=True).encode(x="year:O", y="value:Q", color="series:N")
st.altair_chart(chart, theme=None)
