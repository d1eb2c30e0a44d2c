"""Owners reminded by email of what they owe: a clerk records each owner's address, and
`govledger remind` sends each owner one message listing their due and overdue items,
through a real SMTP server the test starts on loopback. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from ledger.errors import InvalidEntry, Refused
from ledger.owners import checked_address, record_owner_email
from projections.reminders import OwnerAddress, addresses, reminders
from tests.conftest import Clerk, event_count

SENDER = "clerk@council.gov.uk"
ANITA = "anita.parkin@council.gov.uk"
BOB = "bob.lee@nhs.example"


class Mailbox:
    """What the server accepted: one message per delivery, with its envelope."""

    def __init__(self, refuse: str = "") -> None:
        self.received: list[tuple[str, list[str], EmailMessage]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        mail = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), mail))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serving(mailbox: Mailbox) -> Iterator[tuple[Mailbox, str]]:
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield mailbox, f"127.0.0.1:{controller.port}"
    finally:
        controller.stop()


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, str]]:
    """A real SMTP server on loopback, accepting everything."""
    yield from serving(Mailbox())


@pytest.fixture
def smtp_refusing_bob() -> Iterator[tuple[Mailbox, str]]:
    yield from serving(Mailbox(refuse=BOB))


def owed(clerk: Clerk, today: date) -> None:
    """Anita and Bob share an overdue minute action; Anita owes an overdue tracker action
    (written with her job title); a follow-up with nobody named is overdue too."""
    held = today - timedelta(days=40)
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", held.isoformat())
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", held.isoformat(),
        "--owner", "Anita Parkin / Bob Lee", "--text", "Public Health update",
        "--due", (today - timedelta(days=12)).isoformat(),
    )  # fmt: skip
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    clerk.ok(
        "action", "add", "hf", "15", "--kloe", "1", "--issue", "Checks at 2-2.5 years",
        "--who", "Anita Parkin, Head of Health Visiting",
        "--timescale", (today - timedelta(days=3)).strftime("%d/%m/%Y"), "--on", "2019-06-01",
    )  # fmt: skip
    clerk.ok(
        "decision", "record", "seb", "--meeting", held.isoformat(), "--item", "SEND",
        "--text", "An update to the next meeting", "--outcome", "noted",
        "--follow-up", (today - timedelta(days=1)).isoformat(),
    )  # fmt: skip


def addressed(clerk: Clerk) -> None:
    clerk.ok("owner", "email", "Anita Parkin", ANITA)
    clerk.ok("owner", "email", "bob lee", BOB)  # matched case and spacing aside


def sent_to(mailbox: Mailbox) -> dict[str, EmailMessage]:
    return {rcpt[0]: mail for _, rcpt, mail in mailbox.received}


# -- the user's stories (CLI) -------------------------------------------------------------


def test_owner_is_emailed_their_overdue_actions(clerk, smtp, today, db):
    mailbox, server = smtp
    owed(clerk, today)
    addressed(clerk)
    done = clerk.ok("remind", "--smtp", server, "--from", SENDER)
    assert f"Sent 2 reminders through {server}: Anita Parkin (2), Bob Lee (1)." in done.output
    mail = sent_to(mailbox)
    assert set(mail) == {ANITA, BOB}
    anita = mail[ANITA]
    assert anita["To"] == f"Anita Parkin <{ANITA}>" and anita["From"] == SENDER
    assert anita["Subject"] == "Reminder: 2 overdue"
    text = " ".join(anita.get_content().split())  # the text is wrapped at 76 characters
    assert all(len(line) <= 76 for line in anita.get_content().splitlines())
    ref = f"seb@{(today - timedelta(days=40)).isoformat()}/A1"
    assert (
        f"- {ref} (board seb, minute action): Public Health update; overdue by 12 days "
        f"(due {(today - timedelta(days=12)).isoformat()})"
    ) in text
    assert "- hf#15 (board seb, tracker action): Checks at 2-2.5 years" in text
    assert "overdue by 3 days" in text
    assert "An update to the next meeting" not in text  # a follow-up names no owner
    bob = mail[BOB].get_content()
    assert ref in bob and "hf#15" not in bob
    assert mailbox.received[0][0] == SENDER  # the envelope's sender too


def test_the_reminders_sent_are_recorded_with_whom_and_which_items(clerk, smtp, today, db):
    _, server = smtp
    owed(clerk, today)
    addressed(clerk)
    before = event_count(db)
    done = clerk.ok("remind", "--smtp", server, "--from", SENDER)
    assert event_count(db) == before + 1
    assert f"Recorded RemindersSent for reminders@{today.isoformat()} at position" in done.output
    [entry] = json.loads(clerk.ok("log", "--limit", "1", "--format", "json").output)
    assert entry["event"] == "RemindersSent" and entry["actor"] == "Jo Clerk"
    from ledger.application import open_ledger

    app = open_ledger(db)
    try:
        [stored] = app.recorder.select_notifications(start=entry["position"], limit=1)
        event = app.mapper.to_domain_event(stored)
    finally:
        app.close()
    assert event.count == 2 and event.owners == ["Anita Parkin", "Bob Lee"]
    assert event.addresses == [ANITA, BOB] and event.server == server
    assert "hf#15" in event.refs


def test_each_owner_of_a_shared_action_gets_a_message_of_their_own(clerk, smtp, today):
    mailbox, server = smtp
    owed(clerk, today)
    addressed(clerk)
    clerk.ok("remind", "--smtp", server, "--from", SENDER)
    assert sorted(rcpt for _, rcpts, _ in mailbox.received for rcpt in rcpts) == [ANITA, BOB]
    assert len(mailbox.received) == 2  # one message each, never one to both


def test_an_owner_with_no_address_is_named_in_one_warning_with_the_fix(clerk, smtp, today):
    mailbox, server = smtp
    owed(clerk, today)
    clerk.ok("owner", "email", "Anita Parkin", ANITA)
    done = clerk.ok("remind", "--smtp", server, "--from", SENDER)
    warnings = [line for line in done.output.splitlines() if line.startswith("Warning")]
    assert warnings == [
        "Warning: no email address for 1 owner of due items (Bob Lee); record one with: "
        "govledger owner email NAME ADDR"
    ]
    assert set(sent_to(mailbox)) == {ANITA}


def test_a_dry_run_prints_the_messages_and_sends_and_records_nothing(clerk, smtp, today, db):
    mailbox, _ = smtp
    owed(clerk, today)
    addressed(clerk)
    before = event_count(db)
    done = clerk.ok("remind", "--from", SENDER, "--dry-run")
    assert "----- message 1 of 2 -----" in done.output
    assert f"To: Anita Parkin <{ANITA}>" in done.output
    assert "Subject: Reminder: 2 overdue" in done.output
    assert "overdue by 12 days" in " ".join(done.output.split())
    assert "Dry run: 2 messages for 3 items; nothing was sent or recorded." in done.output
    assert mailbox.received == [] and event_count(db) == before


def test_a_server_that_does_not_answer_is_one_line_and_nothing_is_recorded(clerk, today, db):
    owed(clerk, today)
    addressed(clerk)
    before = event_count(db)
    port = free_port()  # nobody listens there
    done = clerk("remind", "--smtp", f"127.0.0.1:{port}", "--from", SENDER)
    assert done.exit_code == 1
    assert done.output.strip().splitlines()[-1] == (
        f"Error: sending through 127.0.0.1:{port} stopped: could not talk to the mail server "
        "(Connection refused); none of 2 was sent. Run govledger remind again once the "
        "server answers"
    )
    assert "Traceback" not in done.output and event_count(db) == before


def test_a_refusal_midway_says_which_were_sent_and_records_only_those(
    clerk, smtp_refusing_bob, today, db
):
    mailbox, server = smtp_refusing_bob
    owed(clerk, today)
    addressed(clerk)
    before = event_count(db)
    done = clerk("remind", "--smtp", server, "--from", SENDER)
    assert done.exit_code == 1
    last = done.output.strip().splitlines()[-1]
    assert last.startswith(f"Error: sending through {server} stopped: the mail server refused")
    assert "550 5.1.1 no such mailbox here" in last
    assert "sent 1 of 2 (Anita Parkin); the other 1 not; Recorded RemindersSent" in last
    assert set(sent_to(mailbox)) == {ANITA}
    assert event_count(db) == before + 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--from", SENDER), "give --smtp HOST:PORT to send, or --dry-run"),
        (("--dry-run",), "give --from ADDR"),
        (("--smtp", "mail:x", "--from", SENDER), "write HOST:PORT"),
        (("--smtp", "mail:25", "--from", "clerk"), "--from 'clerk' is not an email address"),
        (("--smtp", "mail:25", "--from", SENDER, "--user", "jo"), "--user needs --starttls"),
    ],
)
def test_remind_refuses_what_it_cannot_send_in_one_line(clerk, args, said):
    done = clerk("remind", *args)
    assert done.exit_code == 2 and said in done.output
    assert len(done.output.strip().splitlines()) == 1


def test_a_login_password_comes_only_from_the_environment_and_is_never_shown(clerk, monkeypatch):
    monkeypatch.delenv("GOVLEDGER_SMTP_PASSWORD", raising=False)
    done = clerk(
        "remind", "--smtp", "127.0.0.1:1", "--from", SENDER, "--starttls", "--user", "jo"
    )  # fmt: skip
    assert done.exit_code == 2
    assert "--user jo needs the password in GOVLEDGER_SMTP_PASSWORD" in done.output
    monkeypatch.setenv("GOVLEDGER_SMTP_PASSWORD", "s3cret-Pa55")
    done = clerk("remind", "--smtp", f"127.0.0.1:{free_port()}", "--from", SENDER,
                 "--starttls", "--user", "jo")  # fmt: skip
    assert "s3cret-Pa55" not in done.output


def test_nothing_owed_by_anyone_with_an_address_sends_nothing(clerk, smtp):
    mailbox, server = smtp
    clerk.ok("owner", "email", "Anita Parkin", ANITA)
    done = clerk.ok("remind", "--smtp", server, "--from", SENDER)
    assert done.output.strip() == "No owner with an email address has anything due or overdue."
    assert mailbox.received == []


# -- owners' addresses (CLI and application) ---------------------------------------------


def test_clerk_records_and_changes_an_owners_address_and_lists_them(clerk, db):
    done = clerk.ok("owner", "email", "Anita Parkin", ANITA, "--reason", "Her email to the clerk")
    assert "Recorded OwnerEmailRecorded for owner:Anita Parkin at position 1." in done.output
    assert "Note: no item due now names Anita Parkin as owner" in done.output
    done = clerk.ok("owner", "email", "Anita  Parkin", "a.parkin@council.gov.uk")
    assert "Recorded OwnerEmailChanged for owner:Anita Parkin at position 2." in done.output
    [row] = json.loads(clerk.ok("owner", "list", "--format", "json").output)
    assert row == {
        "owner": "Anita Parkin",
        "address": "a.parkin@council.gov.uk",
        "recorded_on": row["recorded_on"],
        "actor": "Jo Clerk",
        "position": 2,
    }
    refused = clerk("owner", "email", "Anita Parkin", "a.parkin@council.gov.uk")
    assert refused.exit_code == 1 and "already a.parkin@council.gov.uk" in refused.output
    assert event_count(db) == 2


@pytest.mark.parametrize(
    "address",
    ["anita", "anita@", "@council.gov.uk", "anita@council", "Anita <a@b.uk>", "a b@c.uk",
     "a@b.uk\r\nBcc: x@y.uk", "a..b@c.uk", ".a@c.uk"],
)  # fmt: skip
def test_a_bad_address_is_refused_in_one_line_and_nothing_is_recorded(clerk, db, address):
    done = clerk("owner", "email", "Anita Parkin", address)
    assert done.exit_code == 2
    assert "is not an email address; give one such as" in done.output
    assert len(done.output.strip().splitlines()) == 1 and event_count(db) == 0


def test_an_owners_address_is_personal_data_that_redact_removes(clerk, today, db):
    owed(clerk, today)
    done = clerk.ok("owner", "email", "Anita Parkin", ANITA)
    at = done.output.split("at position ")[1].split(".")[0]
    clerk.ok("redact", at, "--field", "address", "--reason", "Left the council; DPO request")
    listed = clerk.ok("owner", "list").output
    assert ANITA not in listed and "[erased]" in listed
    dry = clerk.ok("remind", "--from", SENDER, "--dry-run").output
    assert ANITA not in dry and "no email address for 2 owners" in dry
    assert "OK" in clerk.ok("verify").output


def test_the_ledger_records_an_owners_address_on_sqlite_and_postgres(ledger):
    record_owner_email(ledger, "Anita Parkin", ANITA, actor="Jo Clerk", on=None, reason="")
    record_owner_email(ledger, "Bob Lee", BOB, actor="Jo Clerk", on="2019-06-12", reason="")
    found = addresses(ledger)
    assert {k: (v.owner, v.address) for k, v in found.items()} == {
        "anita parkin": ("Anita Parkin", ANITA),
        "bob lee": ("Bob Lee", BOB),
    }
    assert found["bob lee"].recorded_on == "2019-06-12"
    with pytest.raises(Refused, match="lies in the future"):
        record_owner_email(ledger, "Cy", "cy@x.uk", actor="Jo", on="2999-01-01", reason="")
    with pytest.raises(InvalidEntry, match="several owners"):
        record_owner_email(ledger, "Anita Parkin / Bob Lee", ANITA, actor="Jo", on=None, reason="")


def test_a_fresh_process_reads_the_owner_events_through_the_ledger_alone(clerk, db):
    """Events are read by topic; ledger.application must make these topics known, or every
    read command in a new process finds them unreadable."""
    clerk.ok("owner", "email", "Anita Parkin", ANITA)
    code = (
        "import sys; from commands.main import cli; "
        f"cli(args=['--db', {db!r}, 'log', '--format', 'json'], standalone_mode=False)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}
    )
    assert done.returncode == 0, done.stderr
    [entry] = json.loads(done.stdout)
    assert entry["event"] == "OwnerEmailRecorded", entry
    assert entry["summary"] == f"email address of Anita Parkin recorded: {ANITA}"


# -- who gets which message (domain) -------------------------------------------------------


def row(ref: str, owner: str, status: str = "overdue", kind: str = "minute action") -> dict:
    return {
        "board": "seb", "next_meeting": "2026-12-01", "due": "2026-11-01", "status": status,
        "days_overdue": 5 if status == "overdue" else None, "kind": kind, "ref": ref,
        "owner": owner, "what": "something owed",
    }  # fmt: skip


def known(*pairs: tuple[str, str]) -> dict[str, OwnerAddress]:
    return {
        " ".join(name.split()).casefold(): OwnerAddress(name, address, "2026-11-01", "Jo", i)
        for i, (name, address) in enumerate(pairs, 1)
    }


def test_owners_are_matched_as_written_and_by_name_before_a_job_title():
    rows = [
        row("hf#1", "Anita Parkin, Head of Health Visiting / Bob Lee"),
        row("seb@2026-10-01/A1", "ANITA  PARKIN"),
        row("hf#2", "Clerk", status="due"),
        row("hf#3", "Bob Lee", status="open"),  # no day: not reminded
        row("seb@2026-10-01/D1", "Cllr Cy Dee", kind="call-in"),  # any kind flows through
    ]
    found, unaddressed = reminders(
        rows, known(("Anita Parkin", ANITA), ("Bob Lee", BOB), ("Cllr Cy Dee", "cy@x.uk"))
    )
    by_owner = {r.owner: [i["ref"] for i in r.items] for r in found}
    assert by_owner == {
        "Anita Parkin": ["hf#1", "seb@2026-10-01/A1"],
        "Bob Lee": ["hf#1"],
        "Cllr Cy Dee": ["seb@2026-10-01/D1"],
    }
    assert unaddressed == ["Clerk"]


def test_an_address_must_be_one_plain_address():
    assert checked_address("  anita.parkin@council.gov.uk ") == ANITA
    with pytest.raises(InvalidEntry, match="no name or <>, no spaces"):
        checked_address("Anita Parkin <anita.parkin@council.gov.uk>")


# -- an encrypted, logged-in connection ----------------------------------------------------


def self_signed(folder) -> tuple[str, str]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_file), str(key_file)


def test_reminders_go_over_starttls_with_a_login_whose_password_is_never_shown(
    clerk, today, tmp_path, monkeypatch
):
    import ssl

    from aiosmtpd.smtp import AuthResult

    cert, key = self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        login, password = (bytes(v).decode() for v in (auth_data.login, auth_data.password))
        logins.append((login, password))
        return AuthResult(success=password == "s3cret-Pa55", handled=False)

    mailbox = Mailbox()
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=free_port(), tls_context=server_tls,
        require_starttls=True, authenticator=authenticator, auth_require_tls=True,
    )  # fmt: skip
    controller.start()
    try:
        owed(clerk, today)
        addressed(clerk)
        monkeypatch.setenv("SSL_CERT_FILE", cert)  # the client trusts this server's certificate
        where = f"127.0.0.1:{controller.port}"
        monkeypatch.setenv("GOVLEDGER_SMTP_PASSWORD", "wrong")
        refused = clerk("remind", "--smtp", where, "--from", SENDER, "--starttls", "--user", "jo")
        assert refused.exit_code == 1 and "the mail server said 535" in refused.output
        assert "none of 2 was sent" in refused.output and mailbox.received == []
        monkeypatch.setenv("GOVLEDGER_SMTP_PASSWORD", "s3cret-Pa55")
        done = clerk.ok("remind", "--smtp", where, "--from", SENDER, "--starttls", "--user", "jo")
    finally:
        controller.stop()
    assert "Sent 2 reminders" in done.output
    assert logins[-1] == ("jo", "s3cret-Pa55") and set(sent_to(mailbox)) == {ANITA, BOB}
    assert "s3cret-Pa55" not in done.output + refused.output and "wrong" not in refused.output


def test_an_owner_named_with_accents_gets_their_name_in_the_header_and_text(clerk, smtp, today):
    mailbox, server = smtp
    held = (today - timedelta(days=10)).isoformat()
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", held)
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", held, "--owner", "Siân Ó Briain",
        "--text", "Café provision — costs", "--due", (today - timedelta(days=2)).isoformat(),
    )  # fmt: skip
    clerk.ok("owner", "email", "siân ó briain", "sian@council.gov.uk")
    clerk.ok("remind", "--smtp", server, "--from", SENDER)
    [(_, rcpts, mail)] = mailbox.received
    assert rcpts == ["sian@council.gov.uk"]
    assert mail["To"] == "Siân Ó Briain <sian@council.gov.uk>"  # as the minutes write it
    assert mail.get_content().startswith("Dear Siân Ó Briain,")
    assert "Café provision — costs; overdue by 2 days" in " ".join(mail.get_content().split())


def test_an_owners_address_changes_by_a_new_event_and_the_old_one_stays():
    from ledger.owners import Owner

    owner = Owner.record("Anita Parkin", ANITA, actor="Jo Clerk", on=date(2026, 1, 5), reason="")
    owner.change_email("Anita Parkin", "a.p@council.gov.uk", actor="Jo", on=date(2026, 2, 1),
                       reason="New post")  # fmt: skip
    recorded, changed = owner.collect_events()
    assert type(recorded).__name__ == "OwnerEmailRecorded" and recorded.address == ANITA
    assert type(changed).__name__ == "OwnerEmailChanged" and changed.previous == ANITA
    assert owner.address == "a.p@council.gov.uk" and owner.ref == "owner:Anita Parkin"
    with pytest.raises(Refused, match=r"already a\.p@council\.gov\.uk"):
        owner.change_email("Anita Parkin", "A.P@council.gov.uk", actor="Jo", on=date(2026, 2, 2),
                           reason="")  # fmt: skip


def test_reminders_for_one_board_name_a_board_the_ledger_knows(clerk, today):
    owed(clerk, today)
    addressed(clerk)
    done = clerk("remind", "--board", "sbe", "--from", SENDER, "--dry-run")
    assert done.exit_code == 1 and "no board 'sbe'; did you mean seb?" in done.output
    done = clerk.ok("remind", "--board", "seb", "--from", SENDER, "--dry-run")
    assert "Dry run: 2 messages for 3 items" in done.output


def test_a_read_only_copy_shows_the_reminders_but_sends_none(tmp_path, smtp, today):
    import shutil

    from tests.test_damaged_and_read_only import make_read_only, writable_again

    mailbox, server = smtp
    clerk = Clerk(str(tmp_path / "ledger.db"))
    clerk.ok("init")
    owed(clerk, today)
    addressed(clerk)
    copy = tmp_path / "copy" / "ledger.db"
    copy.parent.mkdir()
    shutil.copy(tmp_path / "ledger.db", copy)
    make_read_only(copy)
    try:
        auditor = Clerk(str(copy), "Audit")
        assert "Dry run: 2 messages" in auditor.ok("remind", "--from", SENDER, "--dry-run").output
        refused = auditor("remind", "--smtp", server, "--from", SENDER)
    finally:
        writable_again(copy)
    assert refused.exit_code == 1 and "read-only here" in refused.output
    assert "Nothing was sent" in refused.output and mailbox.received == []
