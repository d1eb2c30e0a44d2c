"""The ``govledger`` root group: where the ledger is, who records, how errors read."""

from __future__ import annotations

from typing import Any

import click

from commands import (
    action,
    audit,
    board,
    checkpoints,
    correct,
    decision,
    keys,
    log,
    meeting,
    minute_action,
    minutes,
    panel,
    projections,
    report,
    tracker,
    tracker_import,
)
from commands.session import Session, pass_session
from ledger.errors import InvalidEntry, LedgerError


class Failure(click.ClickException):
    """A one-line ``Error: ...`` with our exit code: 1 refused, 2 bad usage."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class LedgerGroup(click.Group):
    """Turns the ledger's refusals into one-line errors; nothing below the CLI exits."""

    def invoke(self, ctx: click.Context) -> Any:
        from eventsourcing.persistence import MapperDeserialisationError, PersistenceError

        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise  # a group named alone: click shows its help, as `govledger action --help`
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else ctx.command_path
            problem = " ".join(error.format_message().split()).rstrip(".")
            raise Failure(f"{problem}. See '{where} --help'.", 2) from None
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
        except MapperDeserialisationError:
            raise Failure(
                "a stored event of what you named cannot be read (damaged outside govledger); "
                "run govledger verify to find where. Nothing was recorded",
                1,
            ) from None
        except PersistenceError as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else ""
            if "readonly database" in first:
                raise Failure(
                    "this ledger is read-only here (a copy to read and verify); record on the "
                    "clerk's own ledger. Nothing was recorded",
                    1,
                ) from None
            raise Failure(
                f"the database refused the operation ({type(error).__name__}: {first}); "
                "nothing was recorded, try again",
                1,
            ) from None


@click.group(cls=LedgerGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


for module in (
    board,
    meeting,
    decision,
    minute_action,
    tracker,
    action,
    correct,
    log,
    panel,
    projections,
    audit,
    tracker_import,
    minutes,
    report,
    checkpoints,
    keys,
):
    module.register(cli)
