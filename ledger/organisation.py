"""Organisation mode on PostgreSQL: who may do what is held by the database itself.

``admin setup`` gives a ledger's schema to an owner role nobody logs in as, and makes three
group roles: clerks record, the panel and auditors read. People are login roles made members
of a group (``admin grant``). Roles are cluster-wide in PostgreSQL, so each ledger's roles
are named for its database and schema (``govledger_<db>_<schema>_clerk``) and carry a comment
saying which ledger they serve; two ledgers never share a group by accident.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ledger.errors import NotPermitted, Refused, StorageError
from ledger.storage import EVENTS_TABLE, Location, postgres_connection

GROUPS = ("clerk", "panel", "auditor")
# Tables that hold what was recorded; every other table in the schema is a view, rebuilt
# from them. Nobody who logs in may UPDATE, DELETE or TRUNCATE the first two.
EVENTS = EVENTS_TABLE["postgres"]
RECORDED = (EVENTS, "gl_integrity", "gl_frontier")
MAY = {
    "clerk": "record entries (each carries your login), read everything, export and verify",
    "panel": "read the trackers, histories, due lists, agenda packs and the log; not record",
    "auditor": "read every event and its hashes, export and verify; not record",
}


@dataclass(frozen=True)
class Roles:
    """The database roles of one ledger: its owner and its three groups."""

    database: str
    schema: str

    def name(self, kind: str) -> str:
        base = f"govledger_{self.database}_{self.schema}"
        if len(base) + len("_auditor") > 63:  # PostgreSQL keeps 63 bytes of a name
            digest = hashlib.sha256(f"{self.database}\0{self.schema}".encode()).hexdigest()
            base = f"govledger_{digest[:20]}"
        return f"{base}_{kind}"

    @property
    def owner(self) -> str:
        return self.name("owner")

    def comment(self, kind: str) -> str:
        return f"govledger {kind} of database {self.database}, schema {self.schema}"

    @classmethod
    def of(cls, location: Location) -> Roles:
        s = location.settings
        return cls(s["POSTGRES_DBNAME"], s["POSTGRES_SCHEMA"])


@dataclass(frozen=True)
class Identity:
    """Who the database says you are on a ledger, and in which of its groups."""

    login: str
    roles: Roles
    organised: bool  # the ledger was set up with roles (admin setup)
    groups: tuple[str, ...]  # clerk, panel, auditor: the ones you belong to
    administrators: tuple[str, ...]  # login roles that may grant (superuser or CREATEROLE)
    superuser: bool = False

    @property
    def may_record(self) -> bool:
        return self.superuser or "clerk" in self.groups

    @property
    def may_read(self) -> bool:
        return self.superuser or bool(self.groups)

    def granted_by(self) -> str:
        return either(self.administrators)

    def described(self) -> str:
        return f"{self.login} ({', '.join(self.groups) or 'no role on this ledger'})"


# The groups a login was granted (directly, as admin grant does; a superuser is in none).
MEMBERSHIPS = (
    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = session_user) "
    "AND g.rolname = ANY(%s)"
)

# The logins that may create and grant roles.
ADMINISTRATORS = (
    "SELECT rolname FROM pg_roles WHERE (rolsuper OR rolcreaterole) AND rolcanlogin "
    "ORDER BY rolname"
)


@contextmanager
def connected(location: Location, *, autocommit: bool = True) -> Iterator[Any]:
    """A connection as the URL's user; one line, never a traceback, when none can be made."""
    import psycopg

    conn = postgres_connection(location, autocommit=autocommit)
    with conn:
        try:
            yield conn
        except psycopg.errors.InsufficientPrivilege as error:
            conn.rollback()
            who = either(administrators_of(conn))
            raise NotPermitted(f"the database refused it: {first_line(error)}; ask {who}") from None
        except psycopg.Error as error:
            raise StorageError(
                f"PostgreSQL at {location.label} refused it ({first_line(error)}); nothing was "
                "changed"
            ) from None


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def identify(location: Location) -> Identity:
    """Who is connecting, whether the ledger has roles, and which of them they hold: one
    round trip, reading the catalog only."""
    roles = Roles.of(location)
    names = [roles.name(kind) for kind in GROUPS]
    with connected(location) as conn:
        login, owner, superuser, held, administrators = conn.execute(
            "SELECT session_user, (SELECT pg_get_userbyid(c.relowner) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relname = %s), "
            "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user), "
            f"ARRAY({MEMBERSHIPS}), ARRAY({ADMINISTRATORS})",
            (roles.schema, EVENTS, names),
        ).fetchone()
    return Identity(
        login=login,
        roles=roles,
        organised=owner == roles.owner,
        groups=tuple(kind for kind in GROUPS if roles.name(kind) in held),
        administrators=tuple(administrators),
        superuser=bool(superuser),
    )


def administrators_of(conn: Any) -> tuple[str, ...]:
    return tuple(name for (name,) in conn.execute(ADMINISTRATORS).fetchall())


def either(names: tuple[str, ...]) -> str:
    """``postgres``, ``postgres or root``, ``a, b or c``; a superuser when there is none."""
    if not names:
        return "a database superuser"
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def check_administrator(conn: Any, tried: str) -> None:
    """Refuse, in one line, someone who may not create and grant roles."""
    login, allowed = conn.execute(
        "SELECT session_user, rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user"
    ).fetchone()
    if not allowed:
        who = either(administrators_of(conn))
        raise NotPermitted(
            f"{tried} needs an administrator (a database superuser or a role with CREATEROLE); "
            f"{login} is not one; ask {who} to run it"
        )


def check_organised(conn: Any, roles: Roles, location: Location) -> None:
    owner = conn.execute(
        "SELECT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = %s",
        (roles.schema, EVENTS),
    ).fetchone()
    if owner is None or owner[0] != roles.owner:
        raise Refused(
            f"the ledger at {location.label} (schema {roles.schema}) has no roles yet; "
            f"set them up first with: govledger admin setup --db URL"
        )


def grant(location: Location, person: str, kind: str) -> tuple[bool, bool]:
    """Make ``person`` a member of the group ``kind``, creating their login role (with no
    password: the server's authentication applies) when it does not exist.
    Returns (login created, already a member)."""
    from psycopg import sql

    roles = Roles.of(location)
    group = roles.name(kind)
    with connected(location, autocommit=False) as conn:
        check_administrator(conn, f"granting the {kind} role")
        check_organised(conn, roles, location)
        check_person(person, roles)
        created = not conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)", (person,)
        ).fetchone()[0]
        if created:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(person)))
        elif is_member(conn, person, group):
            return False, True
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(person))
        )
    return created, False


def revoke(location: Location, person: str, kind: str) -> None:
    """Take ``person`` out of the group ``kind``; their login role stays (it may serve
    other ledgers or databases)."""
    from psycopg import sql

    roles = Roles.of(location)
    group = roles.name(kind)
    with connected(location, autocommit=False) as conn:
        check_administrator(conn, f"revoking the {kind} role")
        check_organised(conn, roles, location)
        if not is_member(conn, person, group):
            raise Refused(f"{person} does not have the {kind} role on this ledger; nothing changed")
        conn.execute(
            sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(person))
        )


def is_member(conn: Any, person: str, group: str) -> bool:
    return conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles p ON p.oid = m.member WHERE g.rolname = %s AND p.rolname = %s)",
        (group, person),
    ).fetchone()[0]


def check_person(person: str, roles: Roles) -> None:
    from ledger.errors import InvalidEntry

    if not person.strip() or len(person.encode()) > 63 or "\0" in person:
        raise InvalidEntry(
            f"{person!r} cannot be a database user name; give 1 to 63 bytes, e.g. jo_clerk"
        )
    if person.startswith("pg_") or person in {roles.name(k) for k in ("owner", *GROUPS)}:
        raise InvalidEntry(f"{person} is a role of the database or of the ledger, not a person")


def refusal(identity: Identity, tried: str, needs: str = "clerk") -> NotPermitted:
    """One line: what was tried, the role held, and who can grant the one it needs."""
    return NotPermitted(
        f"{tried} is not allowed to {identity.described()}: it needs the {needs} role, which "
        f"{identity.granted_by()} can grant with: govledger admin grant {identity.login} "
        f"--role {needs}"
    )
