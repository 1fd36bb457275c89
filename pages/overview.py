"""Overview: are we getting better, are we behind London, and what needs attention?"""

import streamlit as st

from thplan import summary
from ui import exports, shell, widgets
from ui.filters import apply_filters, filter_controls

view = shell.start("Overview")
home = view.framework.settings.home_area
st.header(f"{view.area}: are we getting better?" if view.area != home else "Tower Hamlets Plan: are we getting better?")
if not view.classifications:
    st.info("There are no measures yet. An officer can import the Plan's framework and data on the upload page.")
    st.stop()

head = summary.headline(view.classifications)
widgets.tiles(
    [(label, count, f"{label} since 2017/18") for label, count in head.counts.items()]
    + [("Worse", head.behind_london, "Worse than London now"), ("Worsened", head.attention, "⚑ Need attention")]
)
attention, themes = st.columns([3, 2])
with attention:
    st.markdown("**⚑ Needs attention: worse than London and worsening**")
    widgets.attention_list(view, summary.needs_attention(view.classifications))
with themes:
    st.markdown("**By theme**: overall trend since 2017/18, and how many are worse than London")
    widgets.theme_rows(summary.by_theme(view.framework, view.classifications))


@st.fragment  # a filter, a page of rows or a row chosen reruns this part alone, not the whole overview
def every_measure(view: shell.View) -> None:
    st.subheader("Every measure")
    chosen = filter_controls(view)
    shown_now = apply_filters(view, chosen)
    frame = widgets.grid_frame(view, shown_now)
    count, csv_button, xlsx_button = st.columns([4, 1, 1], vertical_alignment="center")
    count.caption(f"{len(frame)} of {len(view.classifications)} measures. Choose a row to open the measure.")
    exports.download_buttons(view, shown_now, csv_button, xlsx_button)
    page = widgets.paginate(frame.index, widgets.GRID_ROWS_PER_PAGE, "rows", what="measures")
    opened = widgets.grid(frame.loc[page], key="grid") if len(frame) else None
    if opened:
        st.switch_page("pages/measure.py", **shell.page_args(measure=opened))


every_measure(view)
