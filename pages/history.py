"""Every import and rollback: who, when, which file, what it changed. Officers can roll an import back."""

import streamlit as st

from thplan.store import StoreError
from ui import auth, caches, chrome, history, urlstate
from ui.text import md

view = chrome.start("History")
officer = auth.officer()  # rollback is offered to officers only, and checked again when it runs
st.header("Import history", anchor=False)
records = caches.store().imports()
if not records:
    st.info("Nothing has been imported yet.")
    st.stop()
columns = {c: st.column_config.NumberColumn(format="localized", width="small") for c in history.COUNTS}  # 1,000,300
columns |= {"File": st.column_config.TextColumn(width="medium"), "SHA-256": st.column_config.TextColumn(width="small")}
st.dataframe(history.imports_frame(records), hide_index=True, column_config=columns)
if done := st.session_state.pop("rolled_back", None):
    st.success(done)

ids = [str(r.id) for r in reversed(records)]
chosen = urlstate.select("Import", ids, "import", what="an import", format_func=history.label(records))
record = next(r for r in records if str(r.id) == chosen)
st.subheader(f"What import {record.id} changed", anchor=False)
st.caption(md(history.describe(record)))
changes = caches.store().import_changes(record.id)
st.dataframe(history.changes_frame(changes), hide_index=True) if len(changes) else st.caption("No values changed.")

st.subheader("Roll back", anchor=False)
if officer is None:
    st.caption("Officers can roll back an import after logging in (Upload page).")
    st.stop()
if record.rolled_back_by:
    st.caption(f"Import {record.id} was rolled back by import {record.rolled_back_by}.")
    st.stop()
with st.form("rollback"):
    sure = st.checkbox(f"I want to restore the data exactly as they were before import {record.id}.")
    if st.form_submit_button(f"Roll back import {record.id}", type="primary"):
        if not sure:
            st.warning("Tick the box to confirm.")
            st.stop()
        try:
            with caches.store().transaction() as tx:
                undone = tx.rollback(record.id, user=auth.require_officer())
        except StoreError as exc:
            st.error(str(exc))
            st.stop()
        caches.refresh()
        st.session_state["rolled_back"] = history.rolled_back(record, undone)
        st.rerun()
