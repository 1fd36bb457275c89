"""A theme: its board and priorities, its outcomes and, for each measure, a card with the answer and a chart."""

from itertools import groupby

import streamlit as st

from thplan import summary
from thplan.delivery import summarise
from thplan.narrative import theme_summary
from ui import caches, chrome, delivery, urlstate, widgets

view = chrome.start("Themes")
themes = {t.id: t for t in view.framework.themes}
if not themes:
    st.info("The Plan's framework has not been loaded yet, so there are no themes to show.")
    st.stop()
theme_id = urlstate.select("Theme", list(themes), "theme", what="a theme", format_func=lambda i: themes[i].name,
                           widget=st.segmented_control, label_visibility="collapsed")  # fmt: skip
theme = themes[theme_id]
group = next(g for g in summary.by_theme(view.framework, view.classifications) if g.theme.id == theme_id)

st.header(widgets.md(theme.name), anchor=False)
st.markdown(widgets.count_badges(group.classifications))  # the same measures as the plain-English summary
board, present = st.columns([3, 2], vertical_alignment="center")
with board.expander(f"Board: {widgets.md(theme.board or 'not recorded')} · its priorities"):
    st.markdown("\n".join(f"- {widgets.md(p)}" for p in theme.priorities) or "No priorities recorded.")
if group.classifications:
    first = group.classifications[0].measure.id
    present.page_link("pages/measure.py", label=f"Present {theme.short} in meeting mode", icon=":material/slideshow:",
                      query_params={**chrome.links(measure=first, scope=theme_id), "meeting": "1"})  # fmt: skip
    if discuss := [c for c in group.classifications if c.needs_discussion]:
        present.page_link("pages/measure.py", label=f"Present the {len(discuss)} needing discussion",
                          icon=":material/forum:", query_params={**chrome.links(measure=discuss[0].measure.id,
                          scope=theme_id), "meeting": "1", "discuss": "1"})  # fmt: skip
else:
    st.info("No measures in this theme have data yet.")
with st.expander("In plain English"):
    sentences = theme_summary(theme.name, group.classifications, view.framework.settings.baseline)
    st.markdown(" ".join(widgets.md(s) for s in sentences[:5]))

for tracker in (t for t in caches.trackers(view.version) if t.theme_id == theme_id):
    with st.expander(f"Delivery: {widgets.md(tracker.title)} (as at {tracker.as_at:%d %b %Y})", expanded=False):
        for priority in summarise(tracker, caches.tracker_items(view.version, tracker.id)):
            delivery.priority_summary(priority, compact=True)
        st.page_link("pages/delivery.py", label=f"Open the tracker {tracker.title}", icon=":material/arrow_forward:",
                     **chrome.page_args(tracker=tracker.id))  # fmt: skip

cards = [(outcome, c) for outcome, members in group.outcomes for c in members]
shown = widgets.paginate(cards, widgets.CARDS_PER_PAGE, "cards", what="measures")
for outcome, pairs in groupby(shown, key=lambda pair: pair[0]):
    members = [c for _, c in pairs]
    outputs = all(c.measure.kind.value == "output" for c in members)
    heading = widgets.md(outcome.name) if outcome else "Output measures" if outputs else "Other measures"
    st.subheader(heading, anchor=False)
    columns = st.columns(2)
    for number, c in enumerate(members):
        with columns[number % 2]:
            widgets.measure_card(view, c)
