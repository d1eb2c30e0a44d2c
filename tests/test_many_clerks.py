"""Many clerks at once (issue 14): writers queue for the ledger, readers never wait.

Each clerk is a process of its own running govledger commands one after another, as
clerks at their terminals do; they record on one shared action and on actions of their
own, while panel members read. Every command either records or says, in one line, that
it must be tried again; nothing is lost or recorded twice; the log verifies afterwards;
reads and `govledger log` loops never fail, whoever is writing.
"""

from __future__ import annotations

import multiprocessing
import re

import pytest

from tests.conftest import Clerk, event_count

SAYS_TRY_AGAIN = re.compile(r"^Error: [^\n]*(try again|tried again)[^\n]*\.?\n?$")


def run_commands(db: str, commands: list[list[str]]) -> list[tuple[int, str, bool]]:
    """One clerk's terminal: (exit code, output, whether it ended in a traceback) of each."""
    from click.testing import CliRunner

    from commands.main import cli

    runner = CliRunner()
    results = []
    for args in commands:
        result = runner.invoke(cli, ["--db", db, "--as", "Jo Clerk", *args])
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        results.append((result.exit_code, result.output, crashed))
    return results


def at_once(db: str, terminals: list[list[list[str]]]) -> list[list[tuple[int, str, bool]]]:
    """Run each terminal's commands in its own process, all at the same time."""
    with multiprocessing.get_context("spawn").Pool(len(terminals)) as pool:
        return pool.starmap(run_commands, [(db, commands) for commands in terminals])


def notes(ref: str, clerk: int, count: int) -> list[list[str]]:
    return [
        ["action", "note", ref, f"Clerk {clerk}, update {n}", "--reason", "Progress report"]
        for n in range(count)
    ]


def ledger_with_actions(clerk: Clerk, count: int) -> None:
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("tracker", "add", "t", "WSoA", "--board", "seb", "--on", "2019-06-01")
    for number in range(1, count + 1):
        clerk.ok(
            "action", "add", "t", str(number), "--issue", f"Issue {number}",
            "--who", "Anita Parkin", "--timescale", "Q2", "--on", "2019-06-01",
        )  # fmt: skip


def clerks_record_at_once(clerk: Clerk, processes: int, commands: int) -> None:
    """Half the clerks note on one shared action, half on their own, while as many panel
    members read; then check everything a clerk and an auditor rely on."""
    ledger_with_actions(clerk, processes)
    before = event_count(clerk.db)
    writers = [notes("t#1" if n % 2 == 0 else f"t#{n + 1}", n, commands) for n in range(processes)]
    readers = [
        [["tracker", "show", "t"] if k % 2 else ["log", "--limit", "5"] for k in range(commands)]
        for _ in range(processes)
    ]
    outcomes = at_once(clerk.db, writers + readers)
    written, read = outcomes[:processes], outcomes[processes:]

    everything = [o for terminal in outcomes for o in terminal]
    assert not [out for _, out, crashed in everything if crashed or "Traceback" in out]
    recorded = 0
    for n, terminal in enumerate(written):
        for code, out, _ in terminal:
            if code == 0:
                assert out.startswith("Recorded NoteAdded"), out
                recorded += 1
            else:
                assert code == 1 and SAYS_TRY_AGAIN.match(out), out
                # a clerk with an action of their own never meets another's change
                assert n % 2 == 0, f"clerk {n} on their own action was refused: {out}"
    assert recorded >= processes * commands // 2  # every own-action note at least
    assert [o for terminal in read for o in terminal if o[0] != 0] == []
    assert event_count(clerk.db) == before + recorded

    verified = clerk("verify")
    assert verified.exit_code == 0 and "OK" in verified.output, verified.output
    shown = clerk.ok("tracker", "show", "t", "--wide").output
    history = clerk.ok("action", "history", "t#1").output
    clerk.ok("projections", "rebuild")
    assert clerk.ok("tracker", "show", "t", "--wide").output == shown
    assert clerk.ok("action", "history", "t#1").output == history


def log_loops_without_writers(clerk: Clerk, processes: int, commands: int) -> None:
    ledger_with_actions(clerk, 2)
    outcomes = at_once(clerk.db, [[["log", "--limit", "5"]] * commands] * processes)
    failed = [out for terminal in outcomes for code, out, _ in terminal if code != 0]
    assert failed == []


def test_four_clerks_and_four_readers_at_once_each_record_or_are_told_to_try_again(
    clerk: Clerk,
) -> None:
    clerks_record_at_once(clerk, processes=4, commands=6)


def test_parallel_log_loops_never_deadlock(clerk: Clerk) -> None:
    log_loops_without_writers(clerk, processes=4, commands=6)


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 4, 8, 16])
def test_many_clerks_at_once(clerk: Clerk, processes: int) -> None:
    clerks_record_at_once(clerk, processes=processes, commands=10)


@pytest.mark.slow
@pytest.mark.parametrize("processes", [8, 16])
def test_many_log_loops_never_deadlock(clerk: Clerk, processes: int) -> None:
    log_loops_without_writers(clerk, processes=processes, commands=10)
