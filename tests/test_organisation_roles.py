"""Organisation mode on PostgreSQL: the database itself holds who may record and who may
only read, and stamps every entry with the login that made it (issue 14, roles).

Each test sets up its own ledger in a fresh schema, as the server's superuser, and makes
login roles with names of its own; it drops every role it made afterwards.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from commands.main import cli
from tests.conftest import PG_URL


def run(url: str, *args: str) -> Result:
    """A command as whoever ``url`` logs in as; no --as, nor GOVLEDGER_USER."""
    return CliRunner().invoke(cli, ["--db", url, *args], env={"GOVLEDGER_USER": None})


@dataclass
class Organisation:
    """One ledger set up with roles, and the people the test made."""

    schema: str
    people: list[str] = field(default_factory=list)

    def url(self, login: str = "postgres") -> str:
        return f"{PG_URL.replace('postgres@', f'{login}@', 1)}?schema={self.schema}"

    def person(self, role: str | None = None) -> str:
        """A new login (unique to this test), granted ``role`` by the administrator."""
        name = f"p_{uuid.uuid4().hex[:10]}"
        self.people.append(name)
        if role:
            granted = run(self.url(), "admin", "grant", name, "--role", role)
            assert granted.exit_code == 0, granted.output
        return name

    def as_(self, login: str) -> Callable[..., Result]:
        return lambda *args: run(self.url(login), *args)

    def role(self, kind: str) -> str:
        return f"govledger_test_{self.schema}_{kind}"

    def sql(self, statement: str, params: tuple = (), login: str = "postgres") -> list[tuple]:
        import psycopg

        with psycopg.connect(PG_URL, user=login, autocommit=True) as conn:
            cursor = conn.execute(statement, params)
            return cursor.fetchall() if cursor.description else []

    def drop(self) -> None:
        """The ledger's schema, its roles and the test's people: gone from the server."""
        self.sql(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
        for name in [*self.people, *(self.role(k) for k in ("clerk", "panel", "auditor", "owner"))]:
            if self.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)):
                self.sql(f'DROP OWNED BY "{name}"')
                self.sql(f'DROP ROLE "{name}"')

    def events(self) -> list[tuple]:
        return self.sql(
            f"SELECT notification_id, convert_from(state, 'UTF8')::jsonb ->> 'actor' "
            f'FROM "{self.schema}".ledger_events ORDER BY notification_id'
        )


@pytest.fixture
def organisation(pg_required: None) -> Iterator[Organisation]:
    org = Organisation(f"o_{uuid.uuid4().hex[:10]}")
    set_up = run(org.url(), "admin", "setup")
    assert set_up.exit_code == 0, set_up.output
    yield org
    org.drop()


def one_line_refusal(result: Result) -> str:
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


INSERT_AS = (
    'INSERT INTO "{schema}".ledger_events (originator_id, originator_version, topic, state) '
    "VALUES (gen_random_uuid(), 1, 'govledger:Board.BoardRegistered', "
    """convert_to('{{"actor": "{actor}"}}', 'UTF8'))"""
)
WRITE_LOCK = 'SELECT "{schema}".gl_write_lock()'


def recorded_plan(clerk: Callable[..., Result]) -> None:
    for args in (
        ("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10"),
        ("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01"),
        ("action", "add", "hf", "15", "--issue", "Checks at 2-2.5 years", "--who", "Anita Parkin",
         "--timescale", "Q2", "--on", "2019-06-01"),
        ("action", "rate", "hf#15", "red", "--on", "2019-06-12", "--reason", "Minutes 12/6"),
    ):  # fmt: skip
        done = clerk(*args)
        assert done.exit_code == 0, done.output


@pytest.mark.postgres
def test_administrator_sets_up_a_ledger_whose_tables_no_login_owns_or_may_rewrite(
    organisation: Organisation,
) -> None:
    org = organisation
    owners = org.sql(
        "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = %s",
        (org.schema,),
    )
    assert owners == [(org.role("owner"),)]
    logins = org.sql(
        "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname",
        (f"govledger_test_{org.schema}_%",),
    )
    assert logins == [(org.role(k), False) for k in ("auditor", "clerk", "owner", "panel")]
    for kind in ("clerk", "panel", "auditor"):
        for table in ("ledger_events", "gl_integrity"):
            for privilege in ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER"):
                held = org.sql(
                    "SELECT has_table_privilege(%s, %s, %s)",
                    (org.role(kind), f"{org.schema}.{table}", privilege),
                )
                assert held == [(False,)], (kind, table, privilege)
    assert org.sql(
        "SELECT has_table_privilege(%s, %s, 'INSERT'), has_table_privilege(%s, %s, 'INSERT')",
        (org.role("clerk"), f"{org.schema}.ledger_events") * 2,
    ) == [(True, True)]
    for kind in ("panel", "auditor"):
        assert org.sql(
            "SELECT has_table_privilege(%s, %s, 'INSERT')",
            (org.role(kind), f"{org.schema}.ledger_events"),
        ) == [(False,)]

    again = run(org.url(), "admin", "setup")
    assert again.exit_code == 0 and "up to date" in again.output, again.output
    clerk = org.person("clerk")
    refused = one_line_refusal(run(org.url(clerk), "admin", "setup"))
    assert f"{clerk} is not one" in refused and "postgres" in refused


@pytest.mark.postgres
def test_a_clerk_records_under_the_login_the_database_authenticated(
    organisation: Organisation,
) -> None:
    org = organisation
    jo = org.person("clerk")
    recorded_plan(org.as_(jo))
    assert {actor for _, actor in org.events()} == {jo}
    log = org.as_(jo)("log", "--format", "json")
    assert {row["actor"] for row in json.loads(log.output)} == {jo}

    before = org.events()
    refused = one_line_refusal(
        org.as_(jo)("--as", "Anita Parkin", "action", "rate", "hf#15", "green", "--reason", "x")
    )
    assert "'Anita Parkin'" in refused and jo in refused
    from_environment = CliRunner().invoke(
        cli,
        ["--db", org.url(jo), "action", "rate", "hf#15", "green", "--reason", "x"],
        env={"GOVLEDGER_USER": "Anita Parkin"},
    )
    assert "GOVLEDGER_USER" in one_line_refusal(from_environment)
    assert org.events() == before
    same = org.as_(jo)("--as", jo, "action", "rate", "hf#15", "amber", "--reason", "Report")
    assert same.exit_code == 0, same.output
    assert org.events()[-1][1] == jo


@pytest.mark.postgres
def test_the_panel_reads_the_current_tracker_but_cannot_record(
    organisation: Organisation, tmp_path: Path
) -> None:
    import psycopg

    org = organisation
    jo, pat = org.person("clerk"), org.person("panel")
    recorded_plan(org.as_(jo))
    panel = org.as_(pat)
    shown = panel("tracker", "show", "hf", "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert [row["ragb"] for row in json.loads(shown.output)] == ["red"], shown.output
    history = panel("action", "history", "hf#15", "--format", "json")
    assert history.exit_code == 0 and jo in history.output, history.output
    assert panel("due").exit_code == 0
    pack = panel("report", "hf", "-o", str(tmp_path / "pack.html"))
    assert pack.exit_code == 0, pack.output

    more = org.as_(jo)("action", "rate", "hf#15", "amber", "--reason", "Plan agreed")
    assert more.exit_code == 0, more.output
    shown = panel("tracker", "show", "hf", "--format", "json")
    assert [row["ragb"] for row in json.loads(shown.output)] == ["amber"], shown.output

    before = org.events()
    refused = one_line_refusal(panel("action", "rate", "hf#15", "green", "--reason", "x"))
    assert refused.startswith(f"Error: recording RatingChanged is not allowed to {pat} (panel)")
    assert f"govledger admin grant {pat} --role clerk" in refused and "postgres" in refused
    assert org.events() == before
    for kind, login in (("panel", pat), ("auditor", org.person("auditor"))):
        for statement in (
            INSERT_AS.format(schema=org.schema, actor=login),
            WRITE_LOCK.format(schema=org.schema),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                org.sql(statement, login=login)
                pytest.fail(f"the {kind} could run {statement}")
    assert org.events() == before


@pytest.mark.postgres
def test_a_panel_member_rebuilding_the_stored_views_is_told_their_role_does_not_allow_it(
    organisation: Organisation,
) -> None:
    org = organisation
    recorded_plan(org.as_(org.person("clerk")))
    refused = one_line_refusal(org.as_(org.person("panel"))("projections", "rebuild"))
    assert refused.startswith("Error: your database role does not allow this (")
    assert "govledger whoami" in refused and "--role clerk|panel|auditor" in refused
    assert "try again" not in refused


@pytest.mark.postgres
def test_an_auditor_exports_and_verifies_but_cannot_record(
    organisation: Organisation, tmp_path: Path
) -> None:
    org = organisation
    jo, ann = org.person("clerk"), org.person("auditor")
    recorded_plan(org.as_(jo))
    auditor = org.as_(ann)
    exported = auditor("export", "-o", str(tmp_path / "ledger.jsonl"))
    assert exported.exit_code == 0, exported.output
    lines = (tmp_path / "ledger.jsonl").read_text().splitlines()
    assert len(lines) == 5  # four events and the trailer
    verified = auditor("verify")
    assert verified.exit_code == 0 and verified.output.startswith("OK: 4 events"), verified.output
    assert auditor("verify", str(tmp_path / "ledger.jsonl")).exit_code == 0

    refused = one_line_refusal(auditor("board", "add", "cab", "Cabinet"))
    assert f"{ann} (auditor)" in refused and "clerk role" in refused
    assert len(org.events()) == 4


@pytest.mark.postgres
def test_a_clerk_connected_directly_cannot_rewrite_misattribute_or_unguard_events(
    organisation: Organisation,
) -> None:
    import psycopg

    org = organisation
    jo = org.person("clerk")
    recorded_plan(org.as_(jo))
    before = org.events()
    s = f'"{org.schema}"'
    attempts = {
        "UPDATE": f"UPDATE {s}.ledger_events SET topic = 'x'",
        "DELETE": f"DELETE FROM {s}.ledger_events",
        "TRUNCATE": f"TRUNCATE {s}.ledger_events",
        "DROP TRIGGER": f"DROP TRIGGER gl_events_guard ON {s}.ledger_events",
        "ALTER TABLE": f"ALTER TABLE {s}.ledger_events DISABLE TRIGGER ALL",
        "UPDATE hashes": f"UPDATE {s}.gl_integrity SET leaf = 'x'",
        "DELETE hashes": f"DELETE FROM {s}.gl_integrity",
        "TRUNCATE hashes": f"TRUNCATE {s}.gl_integrity",
        "DROP actor guard": f"DROP TRIGGER gl_actor_is_login ON {s}.ledger_events",
        "replace actor guard": f"CREATE OR REPLACE FUNCTION {s}.gl_actor_is_login() "
        "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "act as the owner": f'SET ROLE "{org.role("owner")}"',
        "misattribute": INSERT_AS.format(schema=org.schema, actor="Anita Parkin"),
    }
    with psycopg.connect(PG_URL, user=jo, autocommit=True) as conn:
        assert conn.execute("SELECT session_user").fetchone() == (jo,)
        for what, statement in attempts.items():
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
                pytest.fail(f"a clerk could {what}")
    assert org.events() == before
    verified = org.as_(jo)("verify")
    assert verified.exit_code == 0 and verified.output.startswith("OK: 4 events"), verified.output


@pytest.mark.postgres
def test_grant_makes_the_login_and_revoke_takes_the_role_away(
    organisation: Organisation,
) -> None:
    org = organisation
    sam = org.person()
    granted = run(org.url(), "admin", "grant", sam, "--role", "clerk")
    assert granted.exit_code == 0, granted.output
    assert f"Created the login {sam}" in granted.output and "no password" in granted.output
    assert org.sql("SELECT rolcanlogin, rolpassword IS NULL FROM pg_authid WHERE rolname = %s",
                   (sam,)) == [(True, True)]  # fmt: skip
    again = run(org.url(), "admin", "grant", sam, "--role", "clerk")
    assert "already has the clerk role" in again.output
    whoami = org.as_(sam)("whoami")
    assert whoami.exit_code == 0, whoami.output
    assert f"You: {sam}" in whoami.output and "Role: clerk" in whoami.output

    other = org.person("clerk")
    refused = one_line_refusal(run(org.url(other), "admin", "grant", other, "--role", "panel"))
    assert "needs an administrator" in refused

    revoked = run(org.url(), "admin", "revoke", sam, "--role", "clerk")
    assert revoked.exit_code == 0, revoked.output
    refused = one_line_refusal(org.as_(sam)("board", "add", "seb", "SEND Executive Board"))
    assert f"{sam} holds no role on this ledger" in refused
    assert f"govledger admin grant {sam} --role clerk|panel|auditor" in refused
    assert org.events() == []
    assert org.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (sam,)) == [(1,)]


@pytest.mark.postgres
def test_two_ledgers_in_one_database_keep_their_people_apart(
    organisation: Organisation, pg_required: None
) -> None:
    org = organisation
    other = Organisation(f"o_{uuid.uuid4().hex[:10]}")
    try:
        assert run(other.url(), "admin", "setup").exit_code == 0
        jo = org.person("clerk")
        refused = one_line_refusal(other.as_(jo)("log"))
        assert f"{jo} holds no role on this ledger" in refused
    finally:
        other.drop()


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_whoami_on_sqlite_says_the_ledger_is_single_user(db: str) -> None:
    made = CliRunner().invoke(cli, ["--db", db, "init"])
    assert made.exit_code == 0, made.output
    said = CliRunner().invoke(cli, ["--db", db, "--as", "Jo Clerk", "whoami"])
    assert said.exit_code == 0, said.output
    assert "You: Jo Clerk" in said.output and "single-user" in said.output
    assert "no signing key" in said.output
    refused = one_line_refusal(CliRunner().invoke(cli, ["--db", db, "admin", "setup"]))
    assert "PostgreSQL" in refused


@pytest.mark.postgres
def test_the_panel_sees_a_rating_the_stored_views_have_not_caught_up_with_and_writes_nothing(
    organisation: Organisation,
) -> None:
    from ledger.organisation import identify
    from ledger.organisation_postgres import open_organisation_ledger
    from ledger.storage import locate

    org = organisation
    jo, pat = org.person("clerk"), org.person("panel")
    recorded_plan(org.as_(jo))
    tracking = f'SELECT application_name, notification_id FROM "{org.schema}".ledger_tracking'
    level = org.sql(tracking)
    recorded_up_to = org.events()[-1][0]  # a clerk's recording leaves the stored views level
    assert {position for name, position in level if name.startswith("Ledger.")} == {recorded_up_to}
    where = locate(org.url(jo))
    program = open_organisation_ledger(where, identify(where))  # records, brings no view level
    try:
        program.rate_action("hf#15", "green", actor=jo, reason="Checks now joint")
    finally:
        program.close()

    shown = org.as_(pat)("tracker", "show", "hf", "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert [row["ragb"] for row in json.loads(shown.output)] == ["green"], shown.output
    assert org.sql(tracking) == level  # the panel wrote nothing: the stored views stay behind
    assert org.as_(jo)("tracker", "show", "hf").exit_code == 0  # a clerk brings them level
    head = org.events()[-1][0]
    assert {position for name, position in org.sql(tracking) if name.startswith("Ledger.")} == {
        head
    }


@pytest.mark.postgres
def test_an_administrator_with_createrole_sets_up_and_is_left_no_member_of_the_owner(
    pg_required: None,
) -> None:
    org = Organisation(f"o_{uuid.uuid4().hex[:10]}")
    admin = f"a_{uuid.uuid4().hex[:10]}"
    org.sql(f'CREATE ROLE "{admin}" LOGIN CREATEROLE')
    org.sql(f'GRANT CREATE ON DATABASE test TO "{admin}"')
    org.people.append(admin)
    try:
        set_up = run(org.url(admin), "admin", "setup")
        assert set_up.exit_code == 0, set_up.output
        jo = org.person()
        assert run(org.url(admin), "admin", "grant", jo, "--role", "clerk").exit_code == 0
        recorded_plan(org.as_(jo))
        assert {actor for _, actor in org.events()} == {jo}
        owners = org.sql(
            "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = %s",
            (org.schema,),
        )
        assert owners == [(org.role("owner"),)]
        members = org.sql(
            "SELECT pg_get_userbyid(member) FROM pg_auth_members WHERE roleid = %s::regrole",
            (org.role("owner"),),
        )
        assert members == []
    finally:
        org.sql(f'REVOKE CREATE ON DATABASE test FROM "{admin}"')
        org.drop()


@pytest.mark.postgres
def test_only_the_administrator_redacts_a_name_on_a_ledger_with_roles(
    organisation: Organisation,
) -> None:
    org = organisation
    jo = org.person("clerk")
    named = org.as_(jo)("board", "add", "seb", "SEND Board", "--reason", "Asked by Tom Smith, 4")
    assert named.exit_code == 0, named.output
    refused = one_line_refusal(
        org.as_(jo)("redact", "1", "--field", "reason", "--reason", "A child")
    )
    assert "administrator" in refused
    assert len(org.events()) == 1
    redacted = run(org.url(), "redact", "1", "--field", "reason", "--reason", "A child")
    assert redacted.exit_code == 0, redacted.output
    assert [actor for _, actor in org.events()] == [jo, "postgres"]
    assert "Tom Smith" not in org.as_(jo)("log").output
    verified = org.as_(jo)("verify")
    assert verified.exit_code == 0 and "by postgres" in verified.output, verified.output


@pytest.mark.postgres
def test_the_administrator_upgrades_a_ledger_with_roles_and_its_new_tables_go_to_the_owner(
    organisation: Organisation,
) -> None:
    org = organisation
    jo = org.person("clerk")
    recorded_plan(org.as_(jo))
    org.sql(f'COMMENT ON TABLE "{org.schema}".ledger_events IS NULL')  # made before versions
    # a view whose tables this govledger defines otherwise: they are made anew
    org.sql(f"UPDATE \"{org.schema}\".gl_views SET digest = 'older' WHERE name = 'tracker'")

    refused = one_line_refusal(org.as_(jo)("admin", "upgrade"))
    assert f"{jo} (clerk)" in refused and "administrator" in refused
    upgraded = run(org.url(), "admin", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert "was at schema version 0; it is now at 1" in upgraded.output
    owners = org.sql(
        "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = %s",
        (org.schema,),
    )
    assert owners == [(org.role("owner"),)]
    rated = org.as_(jo)("action", "rate", "hf#15", "amber", "--reason", "Plan agreed")
    assert rated.exit_code == 0, rated.output
    shown = org.as_(jo)("tracker", "show", "hf", "--format", "json")
    assert [row["ragb"] for row in json.loads(shown.output)] == ["amber"], shown.output
