"""Overview: are we getting better, are we behind London, and what needs attention? (The Plan's measures.)"""

import streamlit as st

from thplan import filtering, summary
from thplan.classification import TrendLabel
from thplan.view import View
from ui import chrome, exports, widgets
from ui.filters import filter_controls
from ui.text import md

view = chrome.start("Overview")
home = view.framework.settings.home_area
place = md(view.area) if view.area != home else "Tower Hamlets Plan"
st.header(f"{place}: are we getting better?", anchor=False)
if not view.classifications:
    st.info("There are no measures yet. An officer can import the Plan's framework and data on the upload page.")
    st.stop()

head = summary.headline(view.classifications)
since = f"from {view.framework.settings.baseline} on"
unavailable = head.count(TrendLabel.UNAVAILABLE)
meaning = {
    TrendLabel.UNAVAILABLE: "Data Unavailable: one value only"
    if head.one_value == unavailable
    else f"Data Unavailable ({head.one_value} with one value)",
    TrendLabel.INCREASED: f"Increased {since} (no polarity)",
    TrendLabel.DECREASED: f"Decreased {since} (no polarity)",
}
widgets.tiles(
    [(label, count, meaning.get(label, f"{label.value} {since}")) for label, count in head.shown.items()]
    + [("Worse", head.behind_london, "Worse than London now"), ("Worsened", head.attention, "⚑ Need attention")]
)  # fmt: skip
st.caption(f"{head.total} Plan measures. Each trend compares a measure's first value {since} with its latest.")
if head.vs_target:
    st.markdown("**Against target:** " + " ".join(widgets.badge("", label, f"{n} {label.lower()}")
                                                 for label, n in head.vs_target.items()))  # fmt: skip
attention, themes = st.columns([3, 2])
with attention:
    st.markdown("**⚑ Needs attention: worse than London, and its last change a worsening**")
    widgets.attention_list(view, summary.needs_attention(view.classifications))
with themes:
    st.markdown(f"**By theme**: overall trend {since}, and how many are worse than London")
    widgets.theme_rows(summary.by_theme(view.framework, view.classifications))


@st.fragment  # a filter, a page of rows or a row chosen reruns this part alone, not the whole overview
def every_measure(view: View) -> None:
    st.subheader("Every measure of the Plan", anchor=False)
    shown_now = filtering.apply(view.classifications, filter_controls(view))
    frame = widgets.grid_frame(view, shown_now)
    count, csv_button, xlsx_button = st.columns([4, 1, 1], vertical_alignment="center")
    count.caption(f"{len(frame)} of {len(view.classifications)} Plan measures. Choose a row to open the measure.")
    exports.download_buttons(view, shown_now, csv_button, xlsx_button)
    if view.library:
        st.page_link("pages/library.py", label=f"Open the indicator library: {len(view.library)} more measures, not in "
                     "the Plan", icon=":material/menu_book:", **chrome.page_args())  # fmt: skip
    page = widgets.paginate(frame.index, widgets.GRID_ROWS_PER_PAGE, "rows", what="measures")
    opened = widgets.grid(frame.loc[page], key="grid") if len(frame) else None
    if opened:
        st.switch_page("pages/measure.py", **chrome.page_args(measure=opened))


every_measure(view)
