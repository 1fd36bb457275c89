"""What an officer edits on a measure's page: its target for a period, its lead, and the commentary saying what is
being done. Each save is recorded like an import (who, when, what changed), so History lists it and can undo it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

from thplan.formula import strip_control
from thplan.period import PeriodError, parse_period
from thplan.store import ImportRecord, Payload, Store, StoreError, targets_frame
from thplan.targets import Target, TargetError, parse_target, parse_tolerance

EDIT = "edit"
COMMENTARY_LIMIT = 5000  # characters: a few paragraphs


class EditError(StoreError):
    """An edit that cannot be saved (the message says what to change)."""


@dataclass(frozen=True)
class _Checked:
    measure_name: str
    period: str


def _check(store: Store, measure_id: str, period: str) -> _Checked:
    measure = store.framework().measure(measure_id)
    if measure is None:
        raise EditError(f"There is no measure '{measure_id}'.")
    try:
        label = parse_period(period.strip(), measure.period_type).label
    except PeriodError as exc:
        raise EditError(f"The period '{period}' cannot be read: {exc}") from exc
    return _Checked(measure.name, label)


def save_target(store: Store, measure_id: str, period: str, target: str, tolerance: str, source: str, *,
                user: str) -> ImportRecord:  # fmt: skip
    """A target for one period ('75%', 'Maintain'), with its tolerance ('2', '5%') and where it was agreed."""
    checked = _check(store, measure_id, period)
    try:
        value, decimals, direction = parse_target(target.strip())
        allowed = parse_tolerance(tolerance.strip())
    except TargetError as exc:
        raise EditError(str(exc)) from exc
    agreed = Target(checked.period, value, decimals, direction, allowed, strip_control(source.strip()))
    what = f"set the {checked.period} target of '{checked.measure_name}' to {target.strip()}"
    return store.record(
        Payload(targets=targets_frame([(measure_id, agreed)])), what, user=user, kind=EDIT, summary=_about(measure_id)
    )


def save_commentary(store: Store, measure_id: str, period: str, text: str, *, user: str) -> ImportRecord:
    """The commentary for one period; the earlier text stays in the history."""
    checked = _check(store, measure_id, period)
    text = strip_control(text.replace("\r\n", "\n")).strip()
    if not text:
        raise EditError("Write the commentary first: what is being done, and what the figures show.")
    if len(text) > COMMENTARY_LIMIT:
        raise EditError(f"Keep the commentary to {COMMENTARY_LIMIT:,} characters ({len(text):,} now).")
    row = {"measure_id": measure_id, "period": checked.period, "text": text, "author": user,
           "written": datetime.now(UTC).replace(tzinfo=None)}  # fmt: skip
    what = f"wrote the {checked.period} commentary of '{checked.measure_name}'"
    return store.record(Payload(commentary=pd.DataFrame([row])), what, user=user, kind=EDIT, summary=_about(measure_id))


def save_lead(store: Store, measure_id: str, name: str, organisation: str, next_update: date | None, *,
              user: str) -> ImportRecord:  # fmt: skip
    measure = store.framework().measure(measure_id)
    if measure is None:
        raise EditError(f"There is no measure '{measure_id}'.")
    row = {"measure_id": measure_id, "name": strip_control(name.strip()),
           "organisation": strip_control(organisation.strip()), "next_update": next_update}  # fmt: skip
    what = f"set the lead of '{measure.name}' to {row['name'] or 'nobody'}"
    return store.record(Payload(leads=pd.DataFrame([row])), what, user=user, kind=EDIT, summary=_about(measure_id))


def _about(measure_id: str) -> dict[str, str]:
    """An edit's summary in its import record: the measure it changed."""
    return {"measure": measure_id}
