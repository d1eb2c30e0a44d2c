"""A password in a PostgreSQL URL is never printed, logged or exported: `init`, errors and
every CloudEvent's `source` name the ledger without it."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from click.testing import CliRunner

from commands.main import cli
from ledger.storage import locate, masked
from tests.conftest import PG_URL

SECRET = "s3cret-Pa55"


def with_password(schema: str) -> str:
    """The test server's URL with a password in it (trust auth lets any password in)."""
    user_and_host = PG_URL.removeprefix("postgresql://")
    user, _, host = user_and_host.partition("@")
    return f"postgresql://{user}:{SECRET}@{host}?schema={schema}"


def test_a_password_in_a_url_is_masked_wherever_it_is_shown():
    url = f"postgresql://clerk:{SECRET}@db.example:5432/ledger?schema=council"
    assert masked(url) == "postgresql://clerk:***@db.example:5432/ledger?schema=council"
    assert SECRET not in locate(url).source
    assert locate(url).source == "govledger:postgresql://db.example:5432/ledger?schema=council"
    assert masked("postgresql://clerk@db.example/ledger") == "postgresql://clerk@db.example/ledger"


def test_a_url_with_no_database_is_refused_without_its_password():
    result = CliRunner().invoke(cli, ["--db", f"postgresql://clerk:{SECRET}@db.example", "log"])
    assert result.exit_code != 0 and "names no database" in result.output
    assert SECRET not in result.output and "***" in result.output


def test_a_server_that_does_not_answer_is_named_without_the_password():
    url = f"postgresql://clerk:{SECRET}@127.0.0.1:1/ledger"
    result = CliRunner().invoke(cli, ["--db", url, "log"])
    assert result.exit_code == 1 and "did not answer" in result.output
    assert SECRET not in result.output


@pytest.mark.postgres
def test_init_and_export_never_show_the_password(pg_required, tmp_path):
    schema = f"t_{uuid.uuid4().hex[:12]}"
    url = with_password(schema)
    runner = CliRunner()
    try:
        made = runner.invoke(cli, ["--db", url, "--as", "Jo", "init"])
        assert made.exit_code == 0, made.output
        assert SECRET not in made.output and ":***@" in made.output
        runner.invoke(cli, ["--db", url, "--as", "Jo", "board", "add", "seb", "SEND board"])
        out = tmp_path / "events.jsonl"
        exported = runner.invoke(
            cli, ["--db", url, "export", "--format", "cloudevents", "-o", str(out)]
        )
        assert exported.exit_code == 0, exported.output
        text = out.read_text()
        assert SECRET not in text and SECRET not in exported.output
        sources = {json.loads(line)["source"] for line in text.splitlines()}
        assert sources == {f"govledger:{locate(url).label}?schema={schema}"}
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
