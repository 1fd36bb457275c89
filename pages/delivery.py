"""Delivery: what partners committed to do, by priority, with statuses, leads, deadlines and what is overdue."""

import streamlit as st

from thplan.delivery import summarise
from ui import caches, chrome, delivery, urlstate

view = chrome.start("Delivery")
trackers = caches.trackers(view.version)
if not trackers:
    st.info("No delivery tracker has been uploaded yet. An officer can upload one on the Upload page.")
    st.stop()
names = {t.id: t.title for t in trackers}
if len(trackers) == 1:
    chosen = trackers[0].id
else:
    chosen = urlstate.select("Tracker", list(names), "tracker", what="a tracker", format_func=names.get)
tracker = next(t for t in trackers if t.id == chosen)
items = caches.tracker_items(view.version, tracker.id)
summaries = summarise(tracker, items)

st.subheader(tracker.title, anchor=False)
period = f"{tracker.period_start:%d %B %Y} to {tracker.period_end:%d %B %Y}" if tracker.period_start and \
    tracker.period_end else "period not stated"  # fmt: skip
theme = view.framework.theme(tracker.theme_id)
st.caption(f"Reporting period {period} · status as at {tracker.as_at:%d %B %Y}"
           + (f" · linked to the theme '{theme.name}'" if theme else ""))  # fmt: skip
everything = [i for i in items if i.kind != "priority"]
totals = {s: sum(1 for i in everything if i.status and i.status.value == s) for s in delivery.STATUSES}
overdue = sum(i.overdue(tracker.as_at) for i in everything)
st.markdown(delivery.counts_line(totals) + (f" :red-badge[⏰ {overdue} overdue]" if overdue else ""))

priority_names = {s.priority.id: s.priority.title for s in summaries}
first, second, third = st.columns([3, 2, 2])
priority = urlstate.select("Priority", ["all", *priority_names], "priority", what="a priority", container=first,
                           format_func=lambda p: "All priorities" if p == "all" else priority_names[p])  # fmt: skip
leads = sorted({i.people for i in everything if i.people})
lead = urlstate.select("Lead or champion", ["all", *leads], "lead", what="a lead", container=second,
                       format_func=lambda p: "Everyone" if p == "all" else p)  # fmt: skip
statuses = urlstate.multiselect("Status", delivery.STATUSES, "status", what="a status", container=third)

for summary in summaries:
    if priority != "all" and summary.priority.id != priority:
        continue
    members = [
        i
        for i in (*summary.activities, *summary.deliverables)
        if (lead == "all" or i.people == lead) and (not statuses or (i.status and i.status.value in statuses))
    ]
    members.sort(key=lambda i: i.position)
    with st.container(border=True):
        delivery.priority_summary(summary)
        if members:
            delivery.items_table(members, tracker)
        else:
            st.caption("No items match the filters.")
