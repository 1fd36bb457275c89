"""Read an uploaded file in a separate process with a memory ceiling and a time limit.

The checks in reader.py refuse what they can see (zip bombs, macros, damaged files), but a file may fool them; so
the parsing itself runs in fresh Python processes (never a fork of the multi-threaded dashboard), which limits its
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
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from thplan.ingest.grid import Grid
from thplan.ingest.problems import Rejected, error
from thplan.ingest.reader import content_kind, with_facts

MEMORY_BUDGET = 1_500_000_000  # bytes of address space the reader may add to what it starts with
TIME_LIMIT = 90.0  # seconds
SPLIT_BYTES = 1_000_000  # a workbook larger than this is read by two processes at once (a second one costs 0.1 s)
_ROOT = Path(__file__).resolve().parents[2]


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child() -> None:
    """Runs in the reading process: name and bytes on stdin, the pickled outcome on stdout."""
    budget, job = int(sys.argv[1]), sys.argv[2]
    name = sys.stdin.buffer.readline().decode("utf-8").rstrip("\n")
    data = sys.stdin.buffer.read()
    from thplan.ingest import reader

    limit = _address_space() + budget
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        read = {"values": reader.read_values, "facts": reader.read_facts}.get(job, reader.read_grids)
        outcome: tuple[str, object] = ("ok", read(data, name))
    except Rejected as exc:
        outcome = ("rejected", exc.problems)
    except MemoryError:
        outcome = ("memory", None)
    except OSError as exc:
        outcome = ("memory", None) if exc.errno == errno.ENOMEM else ("error", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a reader bug must still reach the officer as a message
        outcome = ("error", f"{type(exc).__name__}: {exc}")
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


class Reading:
    """A file read in bounded processes: its values in one and, for a large workbook, its number formats and error
    cells in another, at the same time (two cores). `start` lets the caller do other work meanwhile; the grids
    are read once however often they are asked for."""

    def __init__(
        self, data: bytes, name: str, *, budget: int = MEMORY_BUDGET, time_limit: float = TIME_LIMIT
    ) -> None:  # fmt: skip
        self.data, self.name, self.budget, self.time_limit = data, " ".join(name.splitlines()), budget, time_limit
        self._jobs: list[Future[object]] = []
        self._grids: list[Grid] | None = None

    def start(self) -> Reading:
        if not self._jobs:
            big_workbook = len(self.data) > SPLIT_BYTES and content_kind(self.data) == "zip"
            jobs = ("values", "facts") if big_workbook else ("grids",)
            pool = ThreadPoolExecutor(len(jobs))
            self._jobs = [pool.submit(self._run, job, self.data) for job in jobs]
            pool.shutdown(wait=False)  # its threads end when their process has finished
        return self

    def grids(self) -> list[Grid]:
        """The grids, once read; raises Rejected for anything that could not be read."""
        if self._grids is None:
            outcomes = [job.result() for job in self.start()._jobs]  # the values' problem first, if both failed
            self._grids = outcomes[0] if len(outcomes) == 1 else with_facts(*outcomes)  # type: ignore[arg-type]
        return self._grids  # type: ignore[return-value]

    def _run(self, job: str, data: bytes) -> object:
        name, budget = self.name, self.budget
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(_ROOT), os.environ.get("PYTHONPATH", "")])}
        try:
            finished = subprocess.run(
                [sys.executable, "-m", "thplan.ingest.sandbox", str(budget), job],
                input=name.encode("utf-8") + b"\n" + data,
                capture_output=True,
                timeout=self.time_limit,
                env=environment,
                cwd=_ROOT,
            )
        except subprocess.TimeoutExpired:
            raise Rejected([error(f"The file took longer than {self.time_limit:.0f} seconds to read and was stopped. "
                                  "Split it into smaller files.", file=name)]) from None  # fmt: skip
        try:
            kind, payload = pickle.loads(finished.stdout) if finished.stdout else ("memory", None)
        except (pickle.UnpicklingError, EOFError, ValueError):
            kind, payload = "memory", None
        if kind == "ok":
            return payload
        if kind == "rejected":
            raise Rejected(payload)  # type: ignore[arg-type]
        if kind == "memory":
            raise Rejected([error(f"The file needs more than {budget // 1_000_000} MB of memory to read, far more "
                                  "than its size explains, so it was refused for safety. Save it again in Excel, or "
                                  "split it into smaller files.", file=name)])  # fmt: skip
        raise Rejected([error(f"The file could not be read ({payload}). Save it again and upload the new file.",
                              file=name)])  # fmt: skip


def read_grids_safely(
    data: bytes, name: str, *, budget: int = MEMORY_BUDGET, time_limit: float = TIME_LIMIT
) -> list[Grid]:
    """`reader.read_grids` in bounded processes; raises Rejected for anything it cannot read."""
    return Reading(data, name, budget=budget, time_limit=time_limit).grids()


if __name__ == "__main__":
    _child()
