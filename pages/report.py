"""The annual report's data tables, from the current data: download as Excel or as a printable page."""

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from thplan import report
from ui import caches, chrome

view = chrome.start("Annual report")
st.header("Annual report data tables", anchor=False)
st.caption("One table per theme, laid out as in the Tower Hamlets Plan Annual Review 2021-22, from the current data.")
tables = caches.annual_tables(view)
if not tables or not any(t.rows for t in tables):
    st.info("There are no measures yet.")
    st.stop()
now = datetime.now(UTC)
left, right, _ = st.columns([1, 1, 3])
left.download_button("Excel workbook", lambda: report.workbook(tables, now), "tower-hamlets-plan-data-tables.xlsx",
                     icon=":material/download:", on_click="ignore")  # fmt: skip
right.download_button("Printable page (HTML)", lambda: report.html_page(tables, now),
                      "tower-hamlets-plan-data-tables.html", mime="text/html", icon=":material/print:",
                      on_click="ignore", help="Open it in a browser and print to PDF: one theme per page.")  # fmt: skip
for table in tables:
    st.subheader(table.title, anchor=False)
    rows = [[r.measure, r.polarity, *(c.text for c in r.cells), r.trend, report.london_text(r),
             *(r.accountable if table.with_targets else ())] for r in table.rows]  # fmt: skip
    frame = pd.DataFrame(rows, columns=table.header)
    st.dataframe(frame, hide_index=True)
    for note in table.footnotes:
        st.caption(note)
    with st.expander("In plain English"):
        st.text("\n".join(table.summary))
