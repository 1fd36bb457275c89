"""Read an uploaded file in a separate process with a memory ceiling and a time limit.

The checks in reader.py refuse what they can see (zip bombs, macros, damaged files), but a file may fool them; so
the parsing itself runs in a fresh Python process (never a fork of the multi-threaded dashboard), which limits its
own address space to MEMORY_BUDGET bytes more than it starts with and is stopped after TIME_LIMIT seconds. If the
file exhausts either, that process dies, not the dashboard, and the officer is told why.
"""

from __future__ import annotations

import errno
import os
import pickle
import resource
import subprocess
import sys
from pathlib import Path

from thplan.ingest.grid import Grid
from thplan.ingest.problems import Rejected, error

MEMORY_BUDGET = 1_500_000_000  # bytes of address space the reader may add to what it starts with
TIME_LIMIT = 90.0  # seconds
_ROOT = Path(__file__).resolve().parents[2]


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child() -> None:
    """Runs in the reading process: name and bytes on stdin, the pickled outcome on stdout."""
    budget = int(sys.argv[1])
    name = sys.stdin.buffer.readline().decode("utf-8").rstrip("\n")
    data = sys.stdin.buffer.read()
    from thplan.ingest.reader import read_grids

    limit = _address_space() + budget
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome: tuple[str, object] = ("ok", read_grids(data, name))
    except Rejected as exc:
        outcome = ("rejected", exc.problems)
    except MemoryError:
        outcome = ("memory", None)
    except OSError as exc:
        outcome = ("memory", None) if exc.errno == errno.ENOMEM else ("error", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a reader bug must still reach the officer as a message
        outcome = ("error", f"{type(exc).__name__}: {exc}")
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


def read_grids_safely(
    data: bytes, name: str, *, budget: int = MEMORY_BUDGET, time_limit: float = TIME_LIMIT
) -> list[Grid]:
    """`reader.read_grids` in a bounded process; raises Rejected for anything it cannot read."""
    safe_name = " ".join(name.splitlines())
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(_ROOT), os.environ.get("PYTHONPATH", "")])}
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "thplan.ingest.sandbox", str(budget)],
            input=safe_name.encode("utf-8") + b"\n" + data,
            capture_output=True,
            timeout=time_limit,
            env=environment,
            cwd=_ROOT,
        )
    except subprocess.TimeoutExpired:
        raise Rejected([error(f"The file took longer than {time_limit:.0f} seconds to read and was stopped. "
                              "Split it into smaller files.", file=name)]) from None  # fmt: skip
    try:
        kind, payload = pickle.loads(finished.stdout) if finished.stdout else ("memory", None)
    except (pickle.UnpicklingError, EOFError, ValueError):
        kind, payload = "memory", None
    if kind == "ok":
        return payload  # type: ignore[no-any-return]
    if kind == "rejected":
        raise Rejected(payload)  # type: ignore[arg-type]
    if kind == "memory":
        raise Rejected([error(f"The file needs more than {budget // 1_000_000} MB of memory to read, far more than "
                              "its size explains, so it was refused for safety. Save it again in Excel, or split "
                              "it into smaller files.", file=name)])  # fmt: skip
    raise Rejected([error(f"The file could not be read ({payload}). Save it again and upload the new file.",
                          file=name)])  # fmt: skip


if __name__ == "__main__":
    _child()
