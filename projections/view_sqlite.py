"""A view's tables in SQLite (see ``projections.view``); imported only to write a view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from eventsourcing.sqlite import SQLiteTrackingRecorder


class SQLiteViewStore(SQLiteTrackingRecorder):
    """A view's tables beside the ledger's events in the same SQLite file."""

    ddl: ClassVar[Sequence[str]] = ()
    dialect = "sqlite"
    tracking_table = tracking_name = "tracking"
    index_names: tuple[str, ...] = ("SELECT name FROM sqlite_master WHERE type = 'index'",)
    relation_names: tuple[str, ...] = ("SELECT name FROM sqlite_master",)

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(), *map(self.sql, self.ddl)]

    def tracking_statements(self) -> list[str]:
        """The library's statements for the tracking table alone."""
        return SQLiteTrackingRecorder.construct_create_table_statements(self)

    def sql(self, statement: str) -> str:
        return statement
