"""Run a function in a forked child process and get its result back, pickled.

    job = start(lambda: render_big_sheet(cons))   # the child starts working now
    ... other work here ...
    value = job.result()                          # MISSING if the child could not deliver

    queue = WorkQueue(len(paths))                 # indices shared out on demand
    jobs = [start(lambda: [(i, read(paths[i])) for i in queue])]
    mine = [(i, read(paths[i])) for i in queue]   # the parent takes its share too

Used to spread reading many workbooks, and rendering the big sheets of the county
workbook, over two cores. Fork shares everything the parent has already loaded, so
nothing is imported again and the inputs need not be pickled; only the result is.
Only on Linux (fork is cheap and safe there for our single-threaded work); elsewhere
`start` runs nothing and `result()` is MISSING, and callers do the work themselves.
Callers must treat MISSING (a child that crashed, was killed or raised) by doing the
work in-process, so that errors surface exactly as they would without a child.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Callable

MISSING = object()


def available() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def cores() -> int:
    """Worker count to use: FINSAM_JOBS if set (1 turns forking off), else the CPU count."""
    env = os.environ.get("FINSAM_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Job:
    def __init__(self, pid: int | None, fd: int | None):
        self._pid, self._fd = pid, fd

    def result(self):
        """The child's return value, or MISSING. Waits for the child."""
        if self._fd is None:
            return MISSING
        fd, self._fd = self._fd, None
        with os.fdopen(fd, "rb") as fh:
            data = fh.read()
        self.close()
        try:
            ok, value = pickle.loads(data)
        except Exception:       # no data or cut short: the child died
            return MISSING
        return value if ok else MISSING

    def close(self) -> None:
        """Stop and reap the child (used when the parent gives up early)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done == 0:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class WorkQueue:
    """The indices 0..n-1, handed out one at a time to whichever process asks first.

    A pipe filled before forking, its write end closed: each 4-byte read takes one index
    (pipe reads are atomic), and an empty pipe reads as the end. So a process that
    finishes early takes more, and all end together. Up to QUEUE_MAX indices."""

    QUEUE_MAX = 8192      # 32 KB: fits a pipe's buffer, so filling it never blocks

    def __init__(self, n: int):
        if n > self.QUEUE_MAX:
            raise ValueError(f"at most {self.QUEUE_MAX} items")
        self._r, w = os.pipe()
        try:
            os.write(w, b"".join(i.to_bytes(4, "little") for i in range(n)))
        finally:
            os.close(w)

    def __iter__(self):
        while self._r is not None:
            b = os.read(self._r, 4)
            if len(b) < 4:
                return
            yield int.from_bytes(b, "little")

    def close(self) -> None:
        if self._r is not None:
            os.close(self._r)
            self._r = None


def start(fn: Callable[[], object]) -> Job:
    """Run fn() in a forked child; Job(None, None) (result MISSING) where forking is off."""
    if not available() or cores() < 2:
        return Job(None, None)
    sys.stdout.flush()
    sys.stderr.flush()
    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return Job(None, None)
    if pid == 0:  # pragma: no cover - runs in the child; checked through its results
        try:
            os.close(r)
            try:
                payload = (True, fn())
            except BaseException:
                payload = (False, None)
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
        finally:
            os._exit(0)
    os.close(w)
    return Job(pid, r)
