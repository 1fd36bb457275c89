"""Outcomes: where each theme wants the borough to be; each outcome is tracked by measures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    id: str
    theme_id: str
    name: str
    position: int = 0
