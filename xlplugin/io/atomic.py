"""Writing outputs safely: never half a file, never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import XlpluginError


class OutputError(XlpluginError):
    pass


def check_output(path: str | os.PathLike, force: bool, inputs=()) -> Path:
    """Refuse to overwrite an existing file without --force, or any input file at all."""
    out = Path(path)
    for i in inputs:
        try:
            if out.exists() and Path(i).exists() and out.resolve() == Path(i).resolve():
                raise OutputError(f"{out}: utdatafilen är samma fil som en indatafil; välj ett annat namn")
        except OSError:
            pass
    if out.exists() and not force:
        raise OutputError(f"{out}: filen finns redan; använd --force för att skriva över den")
    if out.exists() and out.is_dir():
        raise OutputError(f"{out}: är en mapp")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"{out}: mappen {parent} finns inte")
    return out


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike):
    """Yield a temporary path next to `path`; on success it replaces `path` in one step."""
    out = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent if str(out.parent) else ".")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
