"""Files a command writes for people to open elsewhere (an export, a pack): written under a
temporary name beside the target and renamed into place only once complete, so a failed or
interrupted run leaves nothing behind, and a file that exists is a whole one.

The temporary name carries the writing process's id, so a run killed outright (which cannot
tidy up after itself) leaves a file the next run in that folder recognises and removes."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import click


@contextmanager
def written_whole(path: Path, option: str) -> Iterator[Path]:
    """Yield a temporary path to write; rename it to ``path`` when the block ends well."""
    from ledger.errors import Refused

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise click.BadParameter(
            f"the folder {str(folder)!r} does not exist; create it or write elsewhere",
            param_hint=option,
        )
    remove_abandoned(folder)
    temporary = str(folder / f"{PREFIX}{os.getpid()}-{os.urandom(6).hex()}{path.suffix}")
    try:  # 0o666 less the umask, as any file the clerk writes
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as error:
        raise click.BadParameter(
            f"cannot write in {str(folder)!r} ({error.strerror}); write elsewhere",
            param_hint=option,
        ) from None
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise Refused(f"could not write {path}: {error.strerror or error}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


PREFIX = ".govledger-"
ABANDONED = re.compile(re.escape(PREFIX) + r"(\d+)-[0-9a-f]{12}(\.[^/]*)?")


def remove_abandoned(folder: Path) -> None:
    """Remove temporary files left by earlier runs that were killed (their process is gone)."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(PREFIX)]
    except OSError:
        return
    for name in names:
        found = ABANDONED.fullmatch(name)
        if found and not running(int(found.group(1))):
            with suppress(OSError):
                os.unlink(folder / name)


def running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
