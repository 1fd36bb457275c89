"""One measure: the answer, the large chart, its breakdowns, how it was classified, its values by period and area,
and its history. Library measures are shown too, and say that they are not in the Plan."""

import streamlit as st

from ui import chrome, exports, measure, tables, targets, urlstate, widgets

view = chrome.start("Measure")
everything = [*view.classifications, *view.library]
if not everything:
    st.info("There are no measures yet.")
    st.stop()
if chrome.meeting():
    widgets.meeting_view(view)
    st.stop()
names = {c.measure.id: c.measure.name + ("" if view.framework.in_plan(c.measure) else " (library)") for c in everything}
picker, _ = st.columns([3, 2])
measure_id = urlstate.select("Measure", list(names), "measure", what="a measure", format_func=names.get,
                             container=picker, label_visibility="collapsed")  # fmt: skip
c = view.classification(measure_id)
chosen = measure.breakdown_chooser(view, c.measure)
if chosen is not None:
    c = view.classify_breakdown(measure_id, chosen)

st.header(widgets.md(c.measure.name), anchor=False)
if done := st.session_state.pop("placed", None):
    st.success(done)
measure.standing(view, c.measure)
st.markdown(widgets.status_badges(view, c))
for sentence in widgets.explanation(c):
    st.markdown(widgets.md(sentence))
drawn = widgets.chart(view, c, height=380, breakdown=chosen)
exports.measure_downloads(view, c, drawn, list(st.columns([1, 1, 1, 3])[:3]))
targets.section(view, c)
measure.gap(c)
measure.inequality(view, c)

st.subheader("How it was classified", anchor=False)
st.dataframe(tables.method_frame(c), hide_index=True)
for caveat in c.caveats:
    st.caption(f"⚠ {widgets.md(caveat)}")
st.subheader("About this measure", anchor=False)
measure.about(view, c.measure)
st.subheader("Values by period and area", anchor=False)
label = chosen if chosen is not None else (c.measure.breakdown or "")
series = {area: view.breakdown_series(measure_id, area, label) for area in view.areas_of(measure_id)}
st.dataframe(tables.values_frame(view, c, series), hide_index=True)
st.subheader("Revision history", anchor=False)
history = tables.history_frame(view, measure_id, label)
st.dataframe(history, hide_index=True) if not history.empty else st.caption("No values stored yet.")
