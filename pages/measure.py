"""One measure: the answer, the large chart, its values by period and area, how it was classified, its history."""

import streamlit as st

from thplan.display import polarity_phrase
from ui import exports, shell, tables, urlstate, widgets

view = shell.start("Measure")
ids = [c.measure.id for c in view.classifications]
if not ids:
    st.info("There are no measures yet.")
    st.stop()
names = {c.measure.id: c.measure.name for c in view.classifications}
if shell.meeting():
    widgets.meeting_view(view, ids, names)
    st.stop()
picker, _ = st.columns([3, 2])
measure_id = urlstate.select("Measure", ids, "measure", what="a measure", format_func=names.get, container=picker,
                             label_visibility="collapsed")  # fmt: skip
c = view.classification(measure_id)
measure = c.measure

st.header(widgets.md(measure.name))
st.markdown(widgets.status_badges(c))
for sentence in widgets.explanation(c):
    st.markdown(widgets.md(sentence))
drawn = widgets.chart(view, c, height=380)
exports.measure_downloads(view, c, drawn, list(st.columns([1, 1, 1, 3])[:3]))

st.subheader("How it was classified")
st.dataframe(tables.method_frame(c), hide_index=True)
for caveat in c.caveats:
    st.caption(f"⚠ {widgets.md(caveat)}")
st.subheader("About this measure")
theme = view.framework.theme(measure.theme_id)
st.markdown(
    f"- **Polarity:** {polarity_phrase(measure.polarity)}\n- **Unit:** {widgets.md(measure.unit or 'not stated')}\n"
    f"- **Theme:** {widgets.md(theme.name if theme else 'none')}\n- **Kind:** {measure.kind} measure"
)
for title, text in (("Definition", measure.definition), ("Source", measure.source), ("Notes", measure.notes)):
    if text:
        st.markdown(f"**{title}:** {widgets.md(text)}")
st.subheader("Values by period and area")
st.dataframe(tables.values_frame(view, c), hide_index=True)
st.subheader("Revision history")
history = tables.history_frame(view, measure.id)
if history.empty:
    st.caption("No values stored yet.")
else:
    st.dataframe(history, hide_index=True)
