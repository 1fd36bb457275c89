"""Login throttling for the whole server: per account and per client address, surviving a reload (a new browser
session), counted as each attempt starts so that guesses sent in parallel are counted before any is checked."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: Failed attempts on one account, within WINDOW seconds, after which it is locked for LOCK seconds.
ACCOUNT_FAILURES = 5
#: Failed attempts from one client address (any accounts), within WINDOW seconds, before it is locked out.
CLIENT_FAILURES = 20
WINDOW = 15 * 60
LOCK = 15 * 60
_log = logging.getLogger(__name__)


@dataclass
class _Count:
    attempts: list[float] = field(default_factory=list)  # when each unfinished or failed attempt started
    locked_until: float = 0.0


class LoginThrottle:
    """Shared by every session of one server (the dashboard keeps one)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str], _Count] = {}

    def begin(self, account: str, client: str) -> str | None:
        """Start an attempt: None when it may go ahead (it counts as failed until `succeeded`), else why not."""
        now = self._clock()
        keys = _keys(account, client)
        with self._lock:
            for key, limit in zip(keys, (ACCOUNT_FAILURES, CLIENT_FAILURES), strict=True):
                count = self._counts.setdefault(key, _Count())
                count.attempts = [t for t in count.attempts if now - t < WINDOW]
                if count.locked_until > now:
                    return _wait(count.locked_until - now, key[0])
                if len(count.attempts) >= limit:
                    count.locked_until = now + LOCK
                    _log.warning("Logins locked for %d minutes for %s %r after %d failed attempts in %d minutes.",
                                 LOCK // 60, key[0], key[1], len(count.attempts), WINDOW // 60)  # fmt: skip
                    return _wait(LOCK, key[0])
            for key in keys:
                self._counts[key].attempts.append(now)
        return None

    def succeeded(self, account: str, client: str) -> None:
        """The attempt's password was right: the account's and the client's failures are forgotten."""
        with self._lock:
            for key in _keys(account, client):
                self._counts.pop(key, None)


def _keys(account: str, client: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """What an attempt counts against: the account (however its name is typed) and the client address."""
    return ("account", account.strip().lower()), ("client", client)


def _wait(seconds: float, what: str) -> str:
    minutes = max(1, round(seconds / 60))
    who = "this officer name" if what == "account" else "this computer"
    return (f"Too many failed logins for {who}: try again in {minutes} minute{'s' if minutes > 1 else ''}, or ask "
            "an administrator.")  # fmt: skip
