"""Delivery tracker pieces: status chips, a priority's summary with its progress bar, the items table."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from thplan.delivery import Item, PrioritySummary, Status, Tracker
from thplan.display import DELIVERY_STYLE, TINT
from ui.text import md


def chip(status: str, count: int | None = None) -> str:
    symbol, colour = DELIVERY_STYLE.get(status, ("", "gray"))
    number = f"{count} " if count is not None else ""
    return f":{colour}-badge[{symbol} {number}{status}]"


def counts_line(counts: dict[str, int]) -> str:
    return " ".join(chip(status, n) for status, n in counts.items() if n)


def priority_summary(summary: PrioritySummary, *, compact: bool = False) -> None:
    overdue = f" :red-badge[⏰ {summary.overdue} overdue]" if summary.overdue else ""
    st.markdown(f"**{md(summary.priority.title)}** {counts_line(summary.counts)}{overdue}")
    if summary.progress is not None:
        st.progress(summary.progress / 100, text=summary.progress_text)
    elif not compact:
        st.caption(summary.progress_text)


def _status_text(item: Item) -> str:
    if item.status is None:
        return ""
    symbol, _ = DELIVERY_STYLE[item.status.value]
    return f"{symbol} {item.status.value}"


def items_frame(items: list[Item], as_at: date) -> pd.DataFrame:
    rows = [
        {
            "Type": "Activity" if i.kind == "activity" else "Deliverable",
            "Item": i.title,
            "Status": _status_text(i),
            "% complete": f"{i.percent}%" if i.percent is not None else "",
            "Deadline": i.deadline.strftime("%d %b %Y") if i.deadline else "",
            "Overdue": "⏰ overdue" if i.overdue(as_at) else "",
            "Champions / lead officer": i.people,
            "Comments": i.comments,
        }
        for i in items
    ]
    return pd.DataFrame(rows)


def _tint(text: object) -> str:
    label = str(text).split(" ", 1)[-1]
    colour = DELIVERY_STYLE.get(label, ("", ""))[1]
    return f"background-color: {TINT[colour]}" if colour else ""


def items_table(items: list[Item], tracker: Tracker) -> None:
    frame = items_frame(items, tracker.as_at)
    styled = frame.style.map(_tint, subset=["Status"]).map(
        lambda v: f"background-color: {TINT['red']}" if v else "", subset=["Overdue"]
    )
    st.table(styled.hide(axis="index"))  # a table wraps each item's name and comments, read in full


STATUSES = [s.value for s in Status]
