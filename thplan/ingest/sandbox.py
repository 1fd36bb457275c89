"""Read an uploaded file in a separate process with a memory ceiling and a time limit.

The checks in opening.py refuse what they can see (zip bombs, macros, damaged files), but a file may fool them; so
the parsing itself runs in fresh Python processes (never a fork of the multi-threaded dashboard), which limits its
own address space to MEMORY_BUDGET bytes more than it starts with and is stopped after TIME_LIMIT seconds. If the
file exhausts either, that process dies, not the dashboard, and the officer is told why.
"""

from __future__ import annotations

import errno
import gc
import os
import pickle
import queue
import resource
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from thplan.ingest.opening import content_kind
from thplan.ingest.problems import Rejected, error

if TYPE_CHECKING:
    from thplan.ingest.grid import Grid

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
    """Runs in the reading process: name and bytes on stdin; on stdout, each sheet's outcome as soon as it is read,
    then how the reading ended, each as a length and a pickle."""
    budget, job = int(sys.argv[1]), sys.argv[2]
    name = sys.stdin.buffer.readline().decode("utf-8").rstrip("\n")
    data = sys.stdin.buffer.read()
    if job == "values":  # lists of values, no cycles: the collector's passes over every row read only cost time
        gc.disable()
        from thplan.ingest.opening import sheets as read  # no numpy or XML library to load: it starts at once
    else:
        from thplan.ingest import reader

        read = reader.iter_facts if job == "facts" else reader.iter_grids
    limit = _address_space() + budget
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    out = sys.stdout.buffer

    def send(kind: str, payload: object = None) -> None:
        message = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_SIZE.pack(len(message)))
        out.write(message)
        out.flush()

    try:
        for item in read(data, name):
            send("item", item)
            del item  # let a sheet's rows go before the next sheet is read
        send("done")
    except Rejected as exc:
        send("rejected", exc.problems)
    except MemoryError:
        send("memory")
    except OSError as exc:
        send("memory") if exc.errno == errno.ENOMEM else send("error", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a reader bug must still reach the officer as a message
        send("error", f"{type(exc).__name__}: {exc}")


class Reading:
    """A file read in bounded processes: its values in one and, for a large workbook, its number formats and error
    cells in another, at the same time (two cores). Each process sends a sheet as soon as it has read it, so the
    caller can work on the first sheets while later ones are read (`stream`); `start` lets the caller do other
    work meanwhile. The grids are read once however often they are asked for."""

    def __init__(
        self, data: bytes, name: str, *, budget: int = MEMORY_BUDGET, time_limit: float = TIME_LIMIT
    ) -> None:  # fmt: skip
        self.data, self.name, self.budget, self.time_limit = data, " ".join(name.splitlines()), budget, time_limit
        self._sheets: Iterator[Grid] | None = None
        self._got: list[Grid] = []
        self._ended: Rejected | bool = False  # True when every sheet came, the refusal when one failed
        self._lock = threading.Lock()  # one reader at a time takes the next sheet from the processes

    def start(self) -> Reading:
        with self._lock:
            if self._sheets is None:
                big_workbook = len(self.data) > SPLIT_BYTES and content_kind(self.data) == "zip"
                jobs = [_Process(self, job) for job in (("values", "facts") if big_workbook else ("grids",))]
                if len(jobs) == 1:
                    self._sheets = iter(jobs[0])
                else:  # loaded once the processes have started (numpy, the XML library): the loading overlaps them
                    from thplan.ingest.grid import Grid
                    from thplan.ingest.reader import merged

                    values = (Grid(self.name, sheet, rows or [], hidden=rows is None) for sheet, rows in jobs[0])
                    self._sheets = merged(values, jobs[1])
        return self

    def stream(self) -> Iterator[Grid]:
        """The grids in sheet order, each as soon as it is read; raises Rejected for anything that could not be
        read (after the sheets before it)."""
        self.start()
        assert self._sheets is not None
        position = 0
        while True:
            if position < len(self._got):
                position += 1
                yield self._got[position - 1]
            elif isinstance(self._ended, Rejected):
                raise self._ended
            elif self._ended:
                return
            else:
                with self._lock:
                    if position < len(self._got) or self._ended is not False:
                        continue  # another reader took it meanwhile
                    try:
                        self._got.append(next(self._sheets))
                    except StopIteration:
                        self._ended = True
                    except Rejected as exc:
                        self._ended = exc

    def grids(self) -> list[Grid]:
        """The grids, once read; raises Rejected for anything that could not be read."""
        return list(self.stream())


class _Process:
    """One reading process; what it sends arrives on a queue, read by a thread of its own."""

    def __init__(self, reading: Reading, job: str) -> None:
        self._items: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._last: object = None  # how it ended (_END or the refusal), once seen: asked again, it ends alike
        threading.Thread(target=self._receive, args=(reading, job), daemon=True).start()

    def __iter__(self) -> Iterator[Any]:
        while True:
            item = self._items.get() if self._last is None else self._last
            if item is _END or isinstance(item, Rejected):
                self._last = item
                if isinstance(item, Rejected):
                    raise item
                return
            yield item

    def _receive(self, reading: Reading, job: str) -> None:
        try:
            for item in _run(reading, job):
                self._items.put(item)
            self._items.put(_END)
        except Rejected as exc:
            self._items.put(exc)
        except Exception as exc:  # the reading thread must always end the queue, or its reader would wait forever
            self._items.put(Rejected([error(f"The file could not be read ({type(exc).__name__}: {exc}). Save it "
                                            "again and upload the new file.", file=reading.name)]))  # fmt: skip


_END = object()
_SIZE = struct.Struct("<Q")


def _run(reading: Reading, job: str) -> Iterator[object]:
    """Read in a bounded process: what it sends, one sheet at a time; raises Rejected when it fails."""
    name, budget = reading.name, reading.budget
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(_ROOT), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(
        [sys.executable, "-m", "thplan.ingest.sandbox", str(budget), job],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, cwd=_ROOT,
    )  # fmt: skip
    expired = threading.Event()
    timer = threading.Timer(reading.time_limit, lambda: (expired.set(), process.kill()))
    timer.daemon = True  # a reading still under way never holds up the end of the program
    timer.start()
    try:
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(name.encode("utf-8") + b"\n" + reading.data)
            process.stdin.close()
        except BrokenPipeError:  # it died before reading everything: what it sent says why
            pass
        while True:
            kind, payload = _message(process.stdout)
            if kind != "item":
                break
            yield payload
    finally:
        timer.cancel()
        process.kill()
        process.wait()
    if expired.is_set():
        raise Rejected([error(f"The file took longer than {reading.time_limit:.0f} seconds to read and was stopped. "
                              "Split it into smaller files.", file=name)])  # fmt: skip
    if kind == "done":
        return
    if kind == "rejected":
        raise Rejected(payload)  # type: ignore[arg-type]
    if kind == "memory":
        raise Rejected([error(f"The file needs more than {budget // 1_000_000} MB of memory to read, far more "
                              "than its size explains, so it was refused for safety. Save it again in Excel, or "
                              "split it into smaller files.", file=name)])  # fmt: skip
    raise Rejected([error(f"The file could not be read ({payload}). Save it again and upload the new file.",
                          file=name)])  # fmt: skip


def _message(stream: IO[bytes]) -> tuple[str, object]:
    """The next (kind, payload) a reading process sent; a process that died mid-way ran out of memory."""
    try:
        head = stream.read(_SIZE.size)
        body = stream.read(_SIZE.unpack(head)[0]) if len(head) == _SIZE.size else b""
        return pickle.loads(body) if body else ("memory", None)  # type: ignore[no-any-return]
    except (pickle.UnpicklingError, EOFError, ValueError, struct.error):
        return "memory", None


def read_grids_safely(
    data: bytes, name: str, *, budget: int = MEMORY_BUDGET, time_limit: float = TIME_LIMIT
) -> list[Grid]:
    """`reader.read_grids` in bounded processes; raises Rejected for anything it cannot read."""
    return Reading(data, name, budget=budget, time_limit=time_limit).grids()


if __name__ == "__main__":
    _child()
