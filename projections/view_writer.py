"""How a view's handlers write: a cursor in the view's transaction, speaking its dialect.

``Writer`` holds plain INSERTs back and sends each statement's rows in one ``executemany``;
``in_schema`` turns a view's statement into PostgreSQL's (our tables qualified with the
schema, psycopg's placeholders); ``dumps`` is how a view writes a value as JSON text.
"""

from __future__ import annotations

import re
from typing import Any

import orjson


def in_schema(statement: str, schema: str) -> str:
    """A view's statement for PostgreSQL: our tables qualified with the schema, psycopg's
    placeholders, 64-bit keys."""
    statement = re.sub(r"\b(gl_\w+)", lambda m: f'"{schema}".{m.group(1)}', statement)
    statement = re.sub(r'(INDEX IF NOT EXISTS )"[^"]+"\.', r"\1", statement)
    return statement.replace("?", "%s").replace("INTEGER PRIMARY KEY", "BIGINT PRIMARY KEY")


class Writer:
    """A cursor inside a view's transaction, speaking the view's SQL dialect.

    Plain INSERTs are held back and sent as one executemany per statement; anything
    else (a read, an UPDATE, an upsert) first sends what is held, so every statement
    still sees the rows written before it.
    """

    def __init__(self, store: Any, curs: Any) -> None:
        self.store = store
        self.curs = curs
        self.held: dict[str, list[list[Any]]] = {}

    def run(self, statement: str, *params: Any) -> None:
        if statement.startswith("INSERT INTO ") and "ON CONFLICT" not in statement:
            self.held.setdefault(statement, []).append(list(params))
            return
        self.flush()
        self.curs.execute(self.store.sql(statement), list(params))

    def flush(self) -> None:
        for statement, rows in self.held.items():
            self.curs.executemany(self.store.sql(statement), rows)
        self.held.clear()

    def one(self, statement: str, *params: Any) -> dict[str, Any] | None:
        self.flush()
        self.curs.execute(self.store.sql(statement), list(params))
        row = self.curs.fetchone()
        return dict(row) if row is not None else None

    def all(self, statement: str, *params: Any) -> list[dict[str, Any]]:
        self.flush()
        self.curs.execute(self.store.sql(statement), list(params))
        return [dict(row) for row in self.curs.fetchall()]


def dumps(value: Any) -> str:
    return orjson.dumps(
        value, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
    ).decode("utf-8")
