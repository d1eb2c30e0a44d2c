"""Files a command writes for people to open elsewhere (an export, a pack): written under a
temporary name beside the target and renamed into place only once complete, so a failed or
interrupted run leaves nothing behind, and a file that exists is a whole one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".govledger-", suffix=path.suffix)
    except OSError as error:
        raise click.BadParameter(
            f"cannot write in {str(folder)!r} ({error.strerror}); write elsewhere",
            param_hint=option,
        ) from None
    os.close(handle)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temporary, 0o666 & ~mask)  # as any file the clerk writes, not mkstemp's 0600
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise Refused(f"could not write {path}: {error.strerror or error}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
