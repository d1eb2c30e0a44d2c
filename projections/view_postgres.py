"""A view's tables in PostgreSQL (see ``projections.view``); imported only for PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from eventsourcing.postgres import PostgresTrackingRecorder

from projections.view_writer import in_schema


class PostgresViewStore(PostgresTrackingRecorder):
    """A view's tables beside the ledger's events in the same PostgreSQL schema."""

    ddl: ClassVar[Sequence[str]] = ()
    dialect = "postgres"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from psycopg.sql import SQL

        super().__init__(*args, **kwargs)
        self.tracking_name = self.tracking_table_name
        self.tracking_table = f'"{self.datastore.schema}"."{self.tracking_table_name}"'
        self.index_names = (
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = ?",
            self.datastore.schema,
        )
        self.relation_names = (
            "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = ?",
            self.datastore.schema,
        )
        self.library_statements = list(self.sql_create_statements)
        self.sql_create_statements.extend(SQL(self.sql(s)) for s in self.ddl)  # type: ignore[arg-type]

    def tracking_statements(self) -> list[Any]:
        """The library's statements for the tracking table alone."""
        return self.library_statements

    def sql(self, statement: str) -> str:
        """Qualify our tables with the schema and use psycopg's placeholders."""
        return in_schema(statement, self.datastore.schema)
