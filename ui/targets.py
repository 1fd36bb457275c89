"""What is being done about a measure: its status against target, its lead and its commentary (earlier versions
kept), and for officers the forms that change them (each save recorded, and undone from History)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from thplan.classification import Classification, TargetLabel
from thplan.display import badge_text, target_sentence
from thplan.editing import COMMENTARY_LIMIT, save_commentary, save_lead, save_target
from thplan.targets import Comment
from thplan.view import View
from ui import auth, caches, edits
from ui.text import md

KEY = "edit-saved"  # where the message of a saved edit waits for the rerun


def paragraphs(text: str) -> str:
    """A commentary's plain text for Markdown: every character escaped, its paragraphs kept."""
    return "\n\n".join(md(" ".join(p.split())) for p in text.split("\n\n") if p.strip())


def comment_caption(comment: Comment) -> str:
    return f"{md(comment.author)}, {comment.written:%d %B %Y} ({md(comment.period)})"


def section(view: View, c: Classification) -> None:
    """The measure page's target, lead and commentary."""
    st.subheader("Target and what is being done", anchor=False)
    edits.saved(KEY)
    if c.target is not None:
        st.markdown(f"**vs target: {badge_text(c.target_label)}** · {md(target_sentence(c.target, c.measure.unit))}")
    else:
        st.caption("No target recorded for this measure." if c.target_label is TargetLabel.NO_TARGET else "")
    lead = view.leads.get(c.measure.id)
    if lead is not None and (lead.name or lead.next_update):
        who = ", ".join(p for p in (lead.name, lead.organisation) if p) or "not recorded"
        due = f" · next figure expected {lead.next_update:%d %B %Y}" if lead.next_update else ""
        st.markdown(f"**Lead:** {md(who)}{due}")
    history = caches.commentary(view, c.measure.id)
    latest = next((comment for comment in history if comment.current), None)
    if latest is not None:
        st.markdown(paragraphs(latest.text))
        st.caption(comment_caption(latest))
    else:
        st.caption("No commentary yet.")
    if earlier := [comment for comment in history if not comment.current]:
        with st.expander(f"Earlier commentary ({len(earlier)}), replaced or withdrawn"):
            for comment in earlier:
                st.markdown(paragraphs(comment.text))
                st.caption(comment_caption(comment))
    if auth.officer() is not None:
        _forms(view, c)


def _forms(view: View, c: Classification) -> None:
    period = c.latest.effective_period.label if c.latest is not None else ""
    measure_id = c.measure.id
    with st.expander("Write commentary"), st.form("commentary", clear_on_submit=True):
        when = st.text_input("Period", value=period, key="comment-period")
        text = st.text_area("What is being done, and what the figures show", max_chars=COMMENTARY_LIMIT, height=160)
        if st.form_submit_button("Save the commentary", type="primary"):
            edits.save(lambda user: save_commentary(caches.store(), measure_id, when, text, user=user), KEY)
    with st.expander("Set a target"), st.form("target"):
        when = st.text_input("Period", value=period, key="target-period")
        aim = st.text_input("Target: a value (75%) or a direction (Maintain, Improve, Increase, Reduce)")
        tolerance = st.text_input("Tolerance: an amount (2) or a share of the target (5%); blank for none")
        source = st.text_input("Agreed where (for example: Partnership Executive Group, March 2022)")
        if st.form_submit_button("Save the target", type="primary"):
            edits.save(lambda user: save_target(caches.store(), measure_id, when, aim, tolerance, source, user=user),
                       KEY)  # fmt: skip
    lead = view.leads.get(measure_id)
    with st.expander("Lead and next update"), st.form("lead"):
        name = st.text_input("Lead", value=lead.name if lead else "")
        organisation = st.text_input("Organisation", value=lead.organisation if lead else "")
        due: date | None = st.date_input("Next figure expected", value=lead.next_update if lead else None)
        if st.form_submit_button("Save the lead", type="primary"):
            edits.save(lambda user: save_lead(caches.store(), measure_id, name, organisation, due, user=user), KEY)
