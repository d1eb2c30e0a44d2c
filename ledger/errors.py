"""What the ledger refuses, and why. Only the CLI turns these into exit codes."""

from __future__ import annotations


class LedgerError(Exception):
    """A refusal the clerk can act on; the message says what is wrong and what would be right."""


class InvalidEntry(LedgerError):
    """The input itself is malformed: a bad date, a blank reason, an unknown rating."""


class Refused(LedgerError):
    """The input is well formed but the ledger's rules refuse it."""


class NotFound(Refused):
    """A ref that names nothing in the ledger; suggests the closest known ref."""

    def __init__(self, kind: str, ref: str, known: list[str], hint: str = "") -> None:
        import difflib

        close = difflib.get_close_matches(ref, known, n=1, cutoff=0.5)
        if close:
            advice = f"did you mean {close[0]}?"
        elif hint:
            advice = hint
        elif known:
            advice = "known: " + ", ".join(sorted(known)[:8])
        else:
            advice = f"none is recorded yet; add one with govledger {kind.split()[-1]} add"
        super().__init__(f"no {kind} {ref!r}; {advice}")
        self.ref = ref
        self.suggestion = close[0] if close else None


class AlreadyExists(Refused):
    """A second thing with a ref that is taken."""


class ChangedMeanwhile(Refused):
    """Another clerk recorded a change to the same thing between our read and our write."""


class StorageError(LedgerError):
    """The database cannot be opened as a ledger: missing, not a ledger, or not answering."""


class NotPermitted(Refused):
    """The database user's role does not allow what they tried (organisation mode)."""


class LedgerBusy(LedgerError):
    """Other clerks kept the ledger's write lock past the bounded retries; nothing was
    recorded, and the same command may simply be run again."""
