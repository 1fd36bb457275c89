"""Read an uploaded file in a child process with a memory ceiling and a time limit.

The checks in reader.py refuse what they can see (zip bombs, macros, damaged files), but a file may fool them; so
the parsing itself runs in a process of its own, started by a clean fork server (never by forking the
multi-threaded dashboard), limited to MEMORY_BUDGET bytes more than it starts with and TIME_LIMIT seconds. If the
file exhausts either, the child dies, not the dashboard, and the officer is told why.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from multiprocessing.connection import Connection

from thplan.ingest.grid import Grid
from thplan.ingest.problems import Rejected, error

MEMORY_BUDGET = 1_500_000_000  # bytes of address space the reader may add to what it starts with
TIME_LIMIT = 90.0  # seconds

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["__main__", "thplan.ingest.reader"])


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(data: bytes, name: str, budget: int, out: Connection) -> None:
    from thplan.ingest.reader import read_grids

    # A child that runs out of memory may die printing a traceback: keep it away from the officer's screen.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    limit = _address_space() + budget
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        out.send(("ok", read_grids(data, name)))
    except Rejected as exc:
        out.send(("rejected", exc.problems))
    except MemoryError:
        out.send(("memory", None))
    except Exception as exc:  # a reader bug must still reach the officer as a message
        out.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        out.close()


def read_grids_safely(
    data: bytes, name: str, *, budget: int = MEMORY_BUDGET, time_limit: float = TIME_LIMIT
) -> list[Grid]:
    """`reader.read_grids` in a bounded child process; raises Rejected for anything it cannot read."""
    receiver, sender = _context.Pipe(duplex=False)
    process = _context.Process(target=_child, args=(data, name, budget, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(time_limit):
            process.kill()
            raise Rejected([error(f"The file took longer than {time_limit:.0f} seconds to read and was stopped. "
                                  "Split it into smaller files.", file=name)])  # fmt: skip
        try:
            kind, payload = receiver.recv()
        except EOFError:
            kind, payload = "memory", None
    finally:
        receiver.close()
        process.join(5)
        if process.is_alive():
            process.kill()
    if kind == "ok":
        return payload
    if kind == "rejected":
        raise Rejected(payload)
    if kind == "memory":
        raise Rejected([error(f"The file needs more than {budget // 1_000_000} MB of memory to read, far more than "
                              "its size explains, so it was refused for safety. Save it again in Excel, or split "
                              "it into smaller files.", file=name)])  # fmt: skip
    raise Rejected([error(f"The file could not be read ({payload}). Save it again and upload the new file.",
                          file=name)])  # fmt: skip
