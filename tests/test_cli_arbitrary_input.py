"""Whatever a clerk types and whatever file they hand over, govledger answers or refuses in
one clear line; it never shows a Python traceback.

Hypothesis picks a command from the real click tree (every group and subcommand), then its
arguments: the command's own option names, values a clerk might type (dates, refs, numbers,
odd text) and files written for the example with arbitrary bytes (damaged zips, PDFs,
UTF-16 text, folders, missing paths). Each run is on a fresh copy of a SQLite ledger that
already holds a small story, in a folder of its own. 200 examples take a few seconds;
HYPOTHESIS_PROFILE=thorough (tests/conftest.py) runs 1000. Writing a PDF is told that there
is no Chromium, so no example waits for a browser.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.main import cli
from tests.opendocument_files import SHEET_TYPE, TEXT_TYPE, cell, content_xml, p, row, table

STORY = [
    ("init",),
    ("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10"),
    ("meeting", "add", "seb", "2019-06-12", "--on", "2019-05-01"),
    (
        "decision",
        "record",
        "seb",
        "--meeting",
        "2019-06-12",
        "--item",
        "Written statement of action",
        "--text",
        "The board agreed the written statement of action.",
        "--follow-up",
        "2019-09-12",
    ),
    (
        "minute-action",
        "add",
        "seb",
        "--meeting",
        "2019-06-12",
        "--owner",
        "Anita Parkin",
        "--text",
        "Report on the pilot",
        "--due",
        "2019-09-01",
    ),
    (
        "tracker",
        "add",
        "wsoa",
        "Written statement of action",
        "--board",
        "seb",
        "--on",
        "2019-06-01",
    ),
    (
        "action",
        "add",
        "wsoa",
        "1",
        "--issue",
        "Issue 1",
        "--who",
        "Anita Parkin",
        "--on",
        "2019-06-01",
    ),
    ("action", "add", "wsoa", "2", "--issue", "Issue 2", "--kloe", "1,2", "--on", "2019-06-01"),
    ("action", "rate", "wsoa#1", "red", "--on", "2019-06-12", "--reason", "Pilot stalled"),
    ("vote", "record", "seb@2019-06-12/D1", "--for", "7", "--against", "2", "--abstain", "1"),
    ("board", "set-call-in", "seb", "5", "--on", "2019-01-10", "--reason", "Constitution"),
    (
        "decision",
        "record",
        "seb",
        "--meeting",
        "2019-06-12",
        "--item",
        "Transport",
        "--text",
        "The transport policy be adopted.",
        "--key-decision",
    ),
    (
        "decision",
        "call-in",
        "seb@2019-06-12/D2",
        "--by",
        "Cllr Ann Lee",
        "--on",
        "2019-06-13",
        "--reason",
        "Parents were not consulted",
    ),
    ("owner", "email", "Anita Parkin", "anita.parkin@council.gov.uk"),
    ("seal", "--note", "Board, 12 June 2019"),
]


def command_paths(group: click.Group, above: tuple[str, ...] = ()) -> Iterator[tuple]:
    """Every command path of the tree, groups included, with the command it names."""
    for name, command in sorted(group.commands.items()):
        yield (*above, name), command
        if isinstance(command, click.Group):
            yield from command_paths(command, (*above, name))


# `projections follow` keeps the views current until it is stopped (a service, with tests
# of its own in tests/test_follow.py): run here, it would never return.
RUNS_UNTIL_STOPPED = {("projections", "follow")}
COMMANDS = {p: c for p, c in command_paths(cli) if p not in RUNS_UNTIL_STOPPED}


def option_names(command: click.Command) -> list[str]:
    names = ["--help", "-h", "--"]
    for param in command.params:
        if isinstance(param, click.Option):
            names += [*param.opts, *param.secondary_opts]
    return names


# --- values a clerk might type ---------------------------------------------------------

WORDS = [
    # dates, good and bad
    "2019-06-12",
    "2019-09-12",
    "2019-01-10",
    "2019-13-45",
    "2019-02-29",
    "2020-02-29",
    "12/06/2019",
    "31/02/2019",
    "00/00/0000",
    "0001-01-01",
    "9999-12-31",
    "2019-06-12T10:00:00",
    "2019-06-12T25:61:00+01:00",
    "2019-06-12T10:00:00Z",
    "today",
    # refs
    "seb",
    "hwb",
    "wsoa",
    "wsoa#1",
    "wsoa#2",
    "wsoa#99",
    "wsoa#",
    "wsoa##1",
    "wsoa#1.1",
    "#",
    "#1",
    "@",
    "seb@",
    "seb@2019-06-12",
    "seb@2019-06-12/D1",
    "seb@2019-06-12/D2",
    "seb@2019-06-12/A1",
    "seb@2019-06-12/D99",
    "seb@2019-13-45/D1",
    "seb@2019-06-12/X1",
    "nosuch",
    # words the commands know
    "red",
    "amber",
    "green",
    "blue",
    "RED",
    "agreed",
    "noted",
    "table",
    "csv",
    "json",
    "markdown",
    "html",
    "jsonl",
    "cloudevents",
    "auto",
    "tsv",
    "xlsx",
    "ods",
    "odt",
    "pdf",
    "pdf-text",
    "text",
    "tracker",
    "audit_trail",
    "No.=id",
    "2=action",
    "=",
    "x=",
    "=ragb",
    "RAG=ragb",
    "1:00",
    "3:" + "0" * 64,
    "abc:def",
    "pack.html",
    "pack.pdf",
    "out.jsonl",
    "-",
    "",
    " ",
    # numbers
    "0",
    "1",
    "2",
    "3",
    "7",
    "10",
    "-1",
    "-0",
    "1.5",
    "1e3",
    "NaN",
    str(2**63 - 1),
    str(2**63),
    str(10**40),
    "-" + str(10**40),
    # odd text
    "a\x00b",
    "\x00",
    "caf\udce9",  # a non-UTF-8 byte in argv, as Python hands it over
    "Ünïcödé ✓ 中文",
    "‮evil",
    "line one\nline two",
    "tab\there",
    "=1+1",
    "'; DROP TABLE events; --",
    "x" * 5000,
    "1" * 400,
]


def safe(text: str) -> bool:
    """Free text never names a place outside the example's folder."""
    return "/" not in text and "\\" not in text and not text.startswith("~")


VALUES = st.one_of(
    st.sampled_from(WORDS),
    st.integers().map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.tuples(st.integers(-5, 40), st.integers(-5, 40), st.integers(-10, 99999)).map(
        lambda t: f"{t[0]:02d}/{t[1]:02d}/{t[2]}"
    ),
    st.text(max_size=30).filter(safe),
)


# --- files -----------------------------------------------------------------------------

ENDINGS = [".txt", ".pdf", ".docx", ".csv", ".xlsx", ".ods", ".odt", ".html", ".jsonl", ".md"]

TRACKER_ROWS = [
    ["No.", "KLOE", "Issue", "Who", "Timescale", "RAGB"],
    ["1", "1", "Issue 1", "Anita Parkin", "Q2", "Red"],
    ["2", "1, 2", "Issue 2", "Jan Parnell", "Sept 2019", "Green"],
    ["3", "", "New issue", "Peter Woods", "", ""],
]
MINUTES = [
    "SEND Executive Board",
    "Minutes of the meeting held on 12 June 2019",
    "1. Apologies for absence",
    "Apologies were received from Jan Parnell.",
    "2. Written statement of action",
    "RESOLVED that the written statement of action be agreed.",
    "ACTION: Anita Parkin to report on the pilot by September 2019.",
    "The next meeting will be held on 12 September 2019.",
]


def zipped(parts: dict[str, str], stored_first: tuple[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1])
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@cache
def whole_documents() -> tuple[bytes, ...]:
    """Good files of each kind, for Hypothesis to cut short or damage."""
    from docx import Document
    from fpdf import FPDF
    from openpyxl import Workbook

    book = Workbook()
    for line in TRACKER_ROWS:
        book.active.append(line)
    xlsx = io.BytesIO()
    book.save(xlsx)

    document = Document()
    for line in MINUTES:
        document.add_paragraph(line)
    docx = io.BytesIO()
    document.save(docx)

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in MINUTES + ["\t".join(r) for r in TRACKER_ROWS]:
        pdf.cell(0, 6, line.replace("\t", "    "), new_x="LMARGIN", new_y="NEXT")

    sheet_rows = "".join(row(*line) for line in TRACKER_ROWS)
    ods = zipped(
        {
            "content.xml": content_xml(
                f'<table:table table:name="Sheet1">{sheet_rows}</table:table>', "spreadsheet"
            )
        },
        ("mimetype", SHEET_TYPE),
    )
    body = "".join(p(line) for line in MINUTES) + table(
        *(row(*(cell(c) for c in line)) for line in TRACKER_ROWS)
    )
    odt = zipped({"content.xml": content_xml(body)}, ("mimetype", TEXT_TYPE))
    return (xlsx.getvalue(), docx.getvalue(), bytes(pdf.output()), ods, odt)


def text_files() -> st.SearchStrategy[str]:
    cells = st.text(max_size=12)
    tracker_csv = st.lists(st.lists(cells, max_size=7), max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in [TRACKER_ROWS[0], *rows])
    )
    minutes = st.lists(st.sampled_from(MINUTES) | st.text(max_size=40), max_size=10).map("\n".join)
    html = st.lists(st.sampled_from(MINUTES) | st.text(max_size=20), max_size=6).map(
        lambda lines: (
            "<html><body><table>"
            + "".join(f"<tr><td>{line}</td><td>{line[:3]}</td></tr>" for line in lines)
            + "</table></body></html>"
        )
    )
    jsonl = st.lists(
        st.sampled_from(
            [
                '{"position": 1, "hash": "00", "previous": "00", "event": {}}',
                '{"position": "x"}',
                "[]",
                "null",
                "{",
                '{"position": 1e999}',
            ]
        )
        | st.text(max_size=30),
        max_size=5,
    ).map("\n".join)
    return st.one_of(
        st.text(max_size=200),
        st.just("\t".join(TRACKER_ROWS[0]) + "\n" + "\t".join(TRACKER_ROWS[1])),
        tracker_csv,
        minutes,
        html,
        jsonl,
    )


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    whole = draw(st.sampled_from(whole_documents()))
    data = bytearray(whole[: draw(st.integers(0, len(whole)))] if draw(st.booleans()) else whole)
    for _ in range(draw(st.integers(0, 3))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


CONTENTS = st.one_of(
    st.just(b""),
    st.binary(max_size=600),
    st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
    st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
    st.builds(
        encoded,
        text_files(),
        st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-8-sig", "latin-1", "cp1252"]),
    ),
    damaged(),
)


@dataclass(frozen=True)
class File:
    """A path handed to the command: a file with these bytes, a folder, or nothing at all."""

    ending: str
    content: bytes | None  # None: a folder
    missing: bool = False

    def make(self, number: int) -> str:
        path = Path(f"given-{number}{self.ending}")
        if self.missing:
            return str(path)
        if self.content is None:
            path.mkdir()
        else:
            path.write_bytes(self.content)
        return str(path.resolve()) if number % 2 else str(path)


def weighted(*choices: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """One of the strategies, each as often as its weight (st.one_of would flatten nested
    choices and so give every branch the same chance)."""
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.integers(0, len(pool) - 1).flatmap(lambda i: pool[i])


FILES = weighted(
    (6, st.builds(File, st.sampled_from(ENDINGS), CONTENTS)),
    (1, st.builds(File, st.sampled_from(ENDINGS), st.none())),
    (1, st.builds(File, st.sampled_from(ENDINGS), st.none(), st.just(True))),
)


def unused_port() -> int:
    """A loopback port nothing listens on: a reminder sent there is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# Reminders are only ever sent to loopback, to a port nothing listens on, or refused before
# any connection (a malformed HOST:PORT): never to a real mail server.
NO_SERVER = f"127.0.0.1:{unused_port()}"
SAFE_SERVERS = [NO_SERVER, "127.0.0.1:0", "127.0.0.1", "[::1", ":25", "x:y", ""]
SERVERS = st.sampled_from(SAFE_SERVERS)
ADDRESSES = st.sampled_from(
    ["clerk@council.gov.uk", "a@b", "x@y.com\r\nBcc: z@z.com", "Anita <a@b.com>", "", "@"]
)
DATES = st.sampled_from(WORDS[:15]) | st.dates().map(lambda d: d.isoformat())
REFS = st.sampled_from([w for w in WORDS if w[:3] in ("seb", "hwb", "wso", "nos") or "#" in w])
BY_NAME = {
    "board": st.sampled_from(["seb", "seb", "seb", "hwb", "nosuch"]),
    "tracker": st.sampled_from(["wsoa", "wsoa", "wsoa", "nosuch"]),
    "tracker_ref": st.sampled_from(["wsoa", "wsoa", "wsoa", "nosuch"]),
    "ref": weighted(
        (3, st.sampled_from(["wsoa#1", "wsoa#2", "seb@2019-06-12/D1", "seb@2019-06-12/D2"])),
        (2, REFS),
    ),
    "target": REFS | st.integers(-1, 12).map(str),
    "name": st.sampled_from(["tracker", "audit_trail", "nosuch"]) | VALUES,
    "number": st.integers(-1, 5).map(str) | st.sampled_from(["4a", "1.1", "A2", "#119"]),
    "position": st.integers(-1, 12).map(str),
    "rating": st.sampled_from(["red", "amber", "green", "blue", "purple"]),
    "rag": st.sampled_from(["red", "amber,green", "unrated", "purple", ","]),
    "pairs": st.sampled_from(["No.=id", "2=action", "RAGB=ragb", "=", "x=", "Who=nosuch"]),
    "key": st.sampled_from(["No.", "Issue", "KPI", " "]),
    "sheet": st.sampled_from(["Sheet", "Sheet1", "nosuch", ""]),
    "output": st.sampled_from(["pack.html", "pack.pdf", "out.jsonl", "-", "no/such/pack.html"]),
    "digest": st.sampled_from(["1:00", "3:" + "0" * 64, "abc:def", ":", "-1:ab"]),
    "ics": st.sampled_from(["due.ics", "-", "no/such/due.ics", ".", "out.jsonl"]),
    "address": ADDRESSES,
    "sender": ADDRESSES,
    "server": SERVERS,
    "members": st.sampled_from(
        ["Cllr Ann Lee=for", "Cllr Bo Chan=against", "Cy Dee=abstain", "Cllr Ann Lee", "=for"]
    ),
    "field": st.sampled_from(["reason", "address", "members", "vote", "text", "owners", "x"]),
}


def fitting(param: click.Parameter) -> st.SearchStrategy[str | File]:
    """A value that suits the parameter most of the time, anything some of the time."""
    kind = param.type
    if isinstance(kind, click.Path):
        suits = FILES
    elif isinstance(kind, click.Choice):
        suits = st.sampled_from([str(c) for c in kind.choices])
    elif isinstance(kind, click.IntRange):
        suits = (st.integers(-2, 50) | st.sampled_from([740_000, 2**63 - 1, 2**63, 10**30])).map(
            str
        )
    elif kind.name == "DATE" or (param.metavar or "").startswith("DATE"):
        suits = DATES
    elif param.name in BY_NAME:
        suits = BY_NAME[param.name]
    elif param.name in ("on", "meeting", "follow_up", "due", "effective", "known"):
        suits = DATES
    else:
        suits = VALUES
    return weighted((4, suits), (1, VALUES | FILES))


# Issue 16's commands: votes, call-in, reminders, the tracker back out, erasure.
GOVERNANCE = [
    ("vote", "record"),
    ("board", "set-call-in"),
    ("decision", "record"),
    ("decision", "call-in"),
    ("decision", "call-in-outcome"),
    ("owner", "email"),
    ("owner", "list"),
    ("remind",),
    ("due",),
    ("tracker", "export"),
    ("redact",),
    ("export",),
]


@st.composite
def invocations(
    draw: st.DrawFn, paths: list[tuple[str, ...]] | None = None
) -> tuple[tuple[str, ...], list[str | File]]:
    """A command path and what follows it. Half the time: up to six arguments, each any
    value or file, or one of the command's options with any value. The other half: a value
    that suits each of the command's arguments, its required options (mostly), then up to
    six of its options, each with a value that suits it; so that more runs get past the
    usage check to the ledger and the file readers."""
    path = draw(st.sampled_from(paths or sorted(COMMANDS)))
    command = COMMANDS[path]
    subcommands = sorted(getattr(command, "commands", {}))
    anything = VALUES | FILES | st.sampled_from(subcommands or ["-"])
    chosen: list[str | File] = []
    if not draw(st.booleans()):
        option = st.tuples(st.sampled_from(option_names(command)), anything)
        for unit in draw(st.lists(anything.map(lambda a: (a,)) | option, max_size=6)):
            chosen += unit
        return path, no_mail_server(chosen)
    for param in command.params:
        if isinstance(param, click.Argument) and (param.required or draw(st.booleans())):
            chosen.append(draw(fitting(param)))
    options = [p for p in command.params if isinstance(p, click.Option)]
    required = [p for p in options if p.required and draw(st.integers(0, 9))]
    for param in required + (
        draw(st.lists(st.sampled_from(options), max_size=6)) if options else []
    ):
        names = [*param.opts, *param.secondary_opts]
        chosen.append(draw(st.sampled_from(names)))
        if not param.is_flag:
            chosen.append(draw(fitting(param)))
    if subcommands:
        chosen.insert(0, draw(st.sampled_from(subcommands)))
    return path, no_mail_server(chosen)


def no_mail_server(chosen: list[str | File]) -> list[str | File]:
    """Whatever follows --smtp names no server but loopback's unused port: the test never
    sends mail anywhere, whatever Hypothesis draws."""
    safe = list(chosen)
    for i, value in enumerate(safe):
        if isinstance(value, str) and value.startswith("--smtp="):
            safe[i] = f"--smtp={NO_SERVER}"
        elif value == "--smtp" and i + 1 < len(safe) and safe[i + 1] not in SAFE_SERVERS:
            safe[i + 1] = NO_SERVER
    return safe


# --- the ledger ------------------------------------------------------------------------


def write_story(folder: Path) -> Path:
    """A ledger holding a board, a meeting with a decision and a minute action, a tracker
    with two actions and a rating, and a seal."""
    runner = CliRunner()
    for line in STORY:
        result = runner.invoke(cli, ["--db", str(folder / "ledger.db"), "--as", "Jo Clerk", *line])
        assert result.exit_code == 0, (line, result.output)
    return folder


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_story(tmp_path_factory.mktemp("story"))


def run(story: Path, path: tuple[str, ...], chosen: list[str | File]) -> tuple[list[str], Result]:
    """Run ``govledger PATH CHOSEN...`` on a fresh copy of the story, in a folder of its own
    that holds the files given (so nothing lands in the project)."""
    runner = CliRunner(
        env={
            "GOVLEDGER_CHROMIUM": "no-such-browser-in-this-test",
            "GOVLEDGER_KEYS": "keys",  # inside the run's own folder
            "GOVLEDGER_KEY": None,
            "GOVLEDGER_KEY_PASSPHRASE": None,
            "GOVLEDGER_SMTP_PASSWORD": None,
        }
    )
    with tempfile.TemporaryDirectory(dir=story) as here, contextlib.chdir(here):
        for name in os.listdir(story):
            if name.startswith("ledger.db"):
                shutil.copy(story / name, name)
        argv = [a.make(n) if isinstance(a, File) else a for n, a in enumerate(chosen)]
        result = runner.invoke(
            cli, ["--db", "ledger.db", "--as", "Jo Clerk", *path, *argv], catch_exceptions=True
        )
    return argv, result


def one_clear_answer(result: Result) -> str | None:
    """What is wrong with how the command ended, or None."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"uncaught {type(result.exception).__name__}: {result.exception}"
    if "Traceback" in result.output:
        return "a traceback in the output"
    if result.exit_code not in (0, 1, 2):
        return f"exit code {result.exit_code}"
    if result.exit_code != 0:
        # Warnings and notes may come first (remind names owners with no address).
        lines = result.stderr.strip().splitlines()
        while len(lines) > 1 and lines[0].startswith(("Warning: ", "Note: ")):
            lines.pop(0)
        error = "\n".join(lines)
        one_line = error.startswith("Error: ") and "\n" not in error
        if error and not error.startswith("Usage:") and not one_line:
            return f"the error is not one 'Error: ...' line:\n{error}"
    return None


@settings(
    max_examples=max(200, settings().max_examples),  # 1000 with HYPOTHESIS_PROFILE=thorough
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(invocation=invocations())
def test_any_arguments_and_files_get_an_answer_or_one_clear_line_never_a_traceback(
    story: Path, invocation: tuple[tuple[str, ...], list[str | File]]
) -> None:
    path, given_arguments = invocation
    argv, result = run(story, path, given_arguments)
    wrong = one_clear_answer(result)
    assert wrong is None, f"govledger {' '.join(path)} {argv!r}: {wrong}\n{result.output}"


@settings(
    max_examples=max(300, settings().max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(invocation=invocations(GOVERNANCE))
def test_votes_call_ins_reminders_exports_and_redactions_answer_or_refuse_in_one_line(
    story: Path, invocation: tuple[tuple[str, ...], list[str | File]]
) -> None:
    path, given_arguments = invocation
    argv, result = run(story, path, given_arguments)
    wrong = one_clear_answer(result)
    assert wrong is None, f"govledger {' '.join(path)} {argv!r}: {wrong}\n{result.output}"
