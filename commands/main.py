"""The ``govledger`` root group: where the ledger is, who records, how errors read."""

from __future__ import annotations

from typing import Any

import click

from commands.lazy import Entry, LazyGroup
from commands.session import Session, pass_session
from ledger.errors import InvalidEntry, LedgerError


class Failure(click.ClickException):
    """A one-line ``Error: ...`` with our exit code: 1 refused, 2 bad usage."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


#: Every command of the root group but `init`: its module, its attribute and the short help
#: `govledger --help` shows, so that listing them imports none of them and `govledger X`
#: imports X's module alone. tests/test_lazy_commands.py checks it against the real help.
COMMANDS = {
    "action": Entry(
        "commands.action",
        "action",
        "Actions: the items of a tracker, referred to as TRACKER#ID (e.g. hf-send-2019#15, "
        "audit-recs#R-07, corporate-plan#1.1).",
    ),
    "admin": Entry(
        "commands.admin",
        "admin",
        "Roles on a PostgreSQL ledger, held by the database: for its administrator.",
    ),
    "board": Entry(
        "commands.board",
        "board",
        "Boards: committees, panels and partnership boards that meet and decide.",
    ),
    "changes": Entry(
        "commands.panel",
        "changes",
        "What moved on TRACKER after --from up to --to: ratings up or down (with reasons), new "
        "and completed actions, reassignments, retimings, and a count by rating before and after.",
    ),
    "checkpoint": Entry(
        "commands.checkpoints",
        "checkpoint",
        "Print the latest signed checkpoint, with every witness cosignature it has.",
    ),
    "correct": Entry(
        "commands.correct",
        "correct",
        "Correct the event at POSITION (see govledger log) with a new event.",
    ),
    "decision": Entry(
        "commands.decision",
        "decision",
        "Decisions: what a board AGREED, RESOLVED, NOTED, DEFERRED (and so on) at a meeting.",
    ),
    "due": Entry(
        "commands.panel",
        "due",
        "What each board is owed by its next meeting, and what is overdue (with how many days): "
        "follow-ups until closed (decision follow-up done), minute actions until done "
        "(minute-action done), tracker actions whose timescale names a day "
        '("31/03/2020", "March 2021", "Q4 2020/21") until completed, and decisions in their '
        "call-in period (due the day it closes) or called in and awaiting scrutiny's outcome.",
    ),
    "export": Entry(
        "commands.audit",
        "export",
        "Write every event in log order, with its hashes, for an auditor.",
    ),
    "keys": Entry(
        "commands.keys",
        "keys",
        "Signing keys: who signs entries, seals and cosignatures.",
    ),
    "log": Entry(
        "commands.log",
        "log",
        "List the latest events, oldest first: position, effective date, recorded time (UTC), "
        "actor, event, subject and a summary.",
    ),
    "meeting": Entry(
        "commands.meeting",
        "meeting",
        "Meetings: dated sittings of a board (a meeting may lie ahead).",
    ),
    "minute-action": Entry(
        "commands.minute_action",
        "minute_action",
        "Minute actions: a named person owes something, usually by the next meeting.",
    ),
    "minutes": Entry(
        "commands.minutes",
        "minutes",
        "Minutes: record a meeting's decisions, actions and report-backs from its minutes.",
    ),
    "projections": Entry(
        "commands.projections",
        "projections",
        "The views (projections) that read commands use, rebuilt from the event log.",
    ),
    "owner": Entry(
        "commands.owner",
        "owner",
        "Owners: the email addresses govledger remind writes to.",
    ),
    "prove": Entry(
        "commands.audit",
        "prove",
        "Print an inclusion proof that the event at POSITION (or the latest event of an action "
        "REF) is in the log as of the latest seal.",
    ),
    "redact": Entry(
        "commands.redact",
        "redact",
        "Remove a field's words from the event at POSITION, keeping every proof.",
    ),
    "remind": Entry(
        "commands.remind",
        "remind",
        "Email each owner one message listing their due and overdue items (ref, board, what, "
        "days overdue), to the address recorded with govledger owner email.",
    ),
    "report": Entry(
        "commands.report",
        "report",
        "The agenda pack for TRACKER (or every tracker of --board): counts by rating against the "
        "last meeting, what moved and why, red and overdue actions, the whole tracker with "
        "coloured, lettered ratings and trend marks, and the checkpoint a reader can verify.",
    ),
    "seal": Entry(
        "commands.checkpoints",
        "seal",
        "Seal the log: record its size and Merkle root, and print it for the minutes.",
    ),
    "seals": Entry(
        "commands.checkpoints",
        "seals",
        "List the seals recorded in the log, oldest first.",
    ),
    "tracker": Entry(
        "commands.tracker",
        "tracker",
        "Trackers: action plans whose numbered items carry a RAGB rating.",
    ),
    "verify": Entry(
        "commands.audit",
        "verify",
        "Recompute every hash and check every seal, checkpoint and signature: of the ledger, or "
        "of an export FILE.",
    ),
    "witness": Entry(
        "commands.checkpoints",
        "witness",
        "Witness a log: cosign its checkpoints after checking it was never rewritten.",
    ),
    "vote": Entry(
        "commands.vote",
        "vote",
        "Votes: how a decision was reached, in counts and, for a recorded vote, by name.",
    ),
    "whoami": Entry(
        "commands.admin",
        "whoami",
        "Who you are on this ledger, and what you may do.",
    ),
}


class LedgerGroup(LazyGroup):
    """Turns the ledger's refusals into one-line errors; nothing below the CLI exits."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise  # a group named alone: click shows its help, as `govledger action --help`
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else ctx.command_path
            problem = " ".join(error.format_message().split()).rstrip(".")
            stop = "" if problem.endswith("?") else "."
            raise Failure(f"{problem}{stop} See '{where} --help'.", 2) from None
        except InvalidEntry as error:
            raise Failure(str(error), 2) from None
        except LedgerError as error:
            raise Failure(str(error), 1) from None
        except UnicodeEncodeError:
            raise Failure(
                "some text given is not valid UTF-8 (check the terminal's or file's encoding); "
                "nothing was recorded",
                2,
            ) from None
        except Exception as error:
            failure = storage_failure(error)
            if failure is None:
                raise
            raise failure from None


def storage_failure(error: Exception) -> Failure | None:
    """The one line for the event library's storage errors; the library is imported only
    when something has failed, so a command that never opens the ledger never loads it."""
    if isinstance(error, click.exceptions.Exit | click.exceptions.Abort | click.ClickException):
        return None
    from eventsourcing.persistence import MapperDeserialisationError, PersistenceError

    if isinstance(error, MapperDeserialisationError):
        return Failure(
            "a stored event of what you named cannot be read (damaged outside govledger); "
            "run govledger verify to find where. Nothing was recorded",
            1,
        )
    if isinstance(error, PersistenceError):
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if "readonly database" in first:
            return Failure(
                "this ledger is read-only here (a copy to read and verify); record on the "
                "clerk's own ledger. Nothing was recorded",
                1,
            )
        from ledger.organisation_postgres import privilege_refused

        refused = privilege_refused(error)
        if refused:
            return Failure(
                f"your database role does not allow this ({refused}); nothing was written. "
                "See what you may do with govledger whoami; the ledger's administrator can "
                "grant a role with govledger admin grant LOGIN --role clerk|panel|auditor",
                1,
            )
        return Failure(
            f"the database refused the operation ({type(error).__name__}: {first}); "
            "nothing was recorded, try again",
            1,
        )
    return None


@click.group(
    cls=LedgerGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    envvar="GOVLEDGER_DB",
    help="The ledger: an SQLite file (default ./govledger.db) or a postgresql:// URL "
    "(add ?schema=NAME for a schema). Also GOVLEDGER_DB.",
)
@click.option(
    "--as",
    "actor",
    metavar="NAME",
    envvar="GOVLEDGER_USER",
    help="Who is recording; stored on every event. Also GOVLEDGER_USER; default your login.",
)
@click.option(
    "--key",
    metavar="NAME",
    envvar="GOVLEDGER_KEY",
    help="Sign what you record with your key NAME from the key folder (GOVLEDGER_KEYS); "
    "a seal is then a signed checkpoint. Also GOVLEDGER_KEY.",
)
@click.version_option(package_name="govledger")
@click.pass_context
def cli(ctx: click.Context, db: str | None, actor: str | None, key: str | None) -> None:
    """govledger: an audit ledger for boards, decisions and action trackers.

    Every decision, rating change and reassignment is stored as an event that is
    never edited or deleted; mistakes are put right with `govledger correct`.

    \b
    Example:
      govledger init
      govledger --as "Jo Clerk" board add seb "SEND Executive Board" --on 2019-01-10
      govledger log
    """
    session = Session(db, actor, key)
    ctx.obj = session
    ctx.call_on_close(session.close)


@cli.command()
@pass_session
def init(session: Session) -> None:
    """Create a new, empty ledger at --db (default ./govledger.db).

    \b
    Example:
      govledger --db council.db init
      govledger --db "postgresql://postgres@127.0.0.1:5432/test?schema=council" init
    """
    from ledger.storage import locate

    session.create()
    click.echo(f"Created an empty ledger at {locate(session.db).shown}.")
