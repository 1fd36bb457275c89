"""Themes of the Tower Hamlets Plan and the partnership board responsible for each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    board: str = ""
    priorities: tuple[str, ...] = ()
    description: str = ""
    position: int = 0
