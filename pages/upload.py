"""Upload new data: check it, preview exactly what will change, and publish it. Officers only."""

from dataclasses import replace

import streamlit as st

from thplan import template
from thplan.ingest.importer import ImportOptions, import_bytes
from ui import auth, caches, chrome, upload
from ui.text import md

chrome.configure("Upload")
officer = auth.require_officer()  # the guard: a viewer never gets past this line, whatever the URL
view = chrome.start("Upload")
st.header("Upload new data", anchor=False)
if done := st.session_state.pop("published", None):
    st.success(done)
intro, downloads = st.columns([3, 1])
downloads.download_button("Excel template", template.workbook(), "thplan-upload-template.xlsx",
                          icon=":material/download:")  # fmt: skip
downloads.download_button("Current data, template layout", on_click="ignore", icon=":material/download:",
                          data=lambda: template.workbook(template.rows(view.framework, caches.all_observations())),
                          file_name="thplan-current-data.xlsx")  # fmt: skip
with downloads:
    st.caption(f"Logged in as {md(officer)}.")
    auth.logout_button()
mode = intro.radio("How to apply the file", ["update", "replace"], horizontal=True, format_func=upload.MODES.get,
                   help="Update adds and revises the values in the file; replace also removes, for each measure "
                   "and area in the file, the values the file does not have (they stay in the history).")  # fmt: skip
file = intro.file_uploader(
    "Excel (.xlsx or .xls), OpenDocument (.ods) or CSV file",
    type=["xlsx", "xls", "ods", "csv"],
    max_upload_size=upload.MAX_MB,
    key=f"file-{st.session_state.get('published_files', 0)}",
)  # a new, empty one once published
if file is None:
    st.caption("Nothing is written until you press Publish. Every upload is recorded and can be rolled back.")
    st.stop()

data = file.getvalue()
seen = st.session_state.get("seen_version")  # the data version of the preview the officer last saw
result = upload.preview_result(data, file.name, mode, officer)
if note := st.session_state.pop("stale", None):
    st.warning(note)
upload.validation_report(result, view)
if result.near_matches:
    upload.decide_near_matches(result)
if result.named_by_title:
    upload.name_measures(result)
if result.period_needed or upload.given_period(result):
    upload.ask_period(result)
if result.rejected:
    st.stop()
upload.preview(result, view)
st.session_state["seen_version"] = result.version
if st.button("Publish", type="primary", icon=":material/publish:"):
    options = ImportOptions(mode=mode, user=officer, matches=upload.decisions(), names=upload.names(),
                            period=upload.given_period(result), expected_version=seen)  # fmt: skip
    published = import_bytes(caches.store(), data, file.name, replace(options, dry_run=False))
    if published.stale:  # someone else published first: show this officer the preview of the data as they are now
        st.session_state["stale"] = md(published.errors[0].message)
        st.rerun()
    if published.rejected:
        st.error("The file could not be published:\n\n" + "\n\n".join(md(str(p)) for p in published.errors))
        st.stop()
    caches.refresh()
    st.session_state.pop("preview", None)
    st.session_state["published"] = upload.confirmation(published)
    st.session_state["published_files"] = st.session_state.get("published_files", 0) + 1
    st.rerun()
