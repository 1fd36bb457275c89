"""Placing a measure of the indicator library in the Plan: its theme and outcome, recorded as an import (so the
History page lists it and can roll it back)."""

from __future__ import annotations

from dataclasses import replace

from thplan.measure import Kind
from thplan.store import ImportRecord, Payload, Store, StoreError, measures_frame

PLACEMENT = "placement"


class PlacementError(StoreError):
    """A placement that cannot be made (the message says why)."""


def place(store: Store, measure_id: str, theme_id: str, outcome_id: str, *, user: str) -> ImportRecord:
    """Put a library measure in a theme of the Plan and one of its outcomes (an output measure needs no outcome)."""
    framework = store.framework()
    measure = framework.measure(measure_id)
    theme = framework.theme(theme_id)
    outcome = framework.outcome(outcome_id) if outcome_id else None
    if measure is None:
        raise PlacementError(f"There is no measure '{measure_id}'.")
    if framework.in_plan(measure):
        raise PlacementError(f"'{measure.name}' is already in the Plan.")
    if theme is None:
        raise PlacementError("Choose one of the Plan's themes.")
    if outcome is None and measure.kind is not Kind.OUTPUT:
        raise PlacementError(f"Choose the outcome of '{theme.name}' that '{measure.name}' measures.")
    if outcome is not None and outcome.theme_id != theme.id:
        raise PlacementError(f"The outcome '{outcome.name}' is not one of the theme '{theme.name}'.")
    placed = replace(measure, theme_id=theme.id, outcome_id=outcome.id if outcome else "")
    what = f"placed '{measure.name}' in the Plan: {theme.name}" + (f", {outcome.name}" if outcome else "")
    summary = {"measure": measure.id, "theme": theme.id, "outcome": placed.outcome_id}
    return store.record(Payload(measures=measures_frame([placed])), what, user=user, kind=PLACEMENT, summary=summary)
