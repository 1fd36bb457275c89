"""Themes of the Tower Hamlets Plan and the partnership board responsible for each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    board: str = ""
    short_name: str = ""
    priorities: tuple[str, ...] = ()
    description: str = ""
    position: int = 0

    @property
    def short(self) -> str:
        return self.short_name or self.name
