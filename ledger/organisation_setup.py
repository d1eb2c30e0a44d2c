"""``admin setup``: the owner role, the three groups, and what each may do, by privilege.

Run as an administrator in two steps around the creation of the ledger's tables (which the
ledger's own recorders and views define): :func:`create_roles` before, :func:`hand_over`
after. ``hand_over`` gives every table, type and function in the schema to the owner role
(NOLOGIN: nobody can act as it), installs the guards, and grants:

- clerk: SELECT and INSERT on the events and their hashes, and on the frontier (the Merkle
  tree's right edge, rewritten with each batch: INSERT ... ON CONFLICT needs UPDATE there);
  the events' sequence; the write lock (a SECURITY DEFINER function, since LOCK TABLE in
  EXCLUSIVE mode needs UPDATE); and the view tables (clerks bring the views level);
- panel and auditor: SELECT on everything, nothing else.

Nobody who logs in holds UPDATE, DELETE or TRUNCATE on the events or their hashes, nor owns
a table or trigger (so none can drop or alter them); a BEFORE INSERT trigger refuses an event
whose actor is not ``session_user``, the login that records it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ledger.errors import Refused
from ledger.organisation import (
    EVENTS,
    GROUPS,
    RECORDED,
    Roles,
    check_administrator,
    connected,
)
from ledger.storage import Location


def create_roles(location: Location) -> list[str]:
    """The owner and group roles (those missing) and the schema, owned by the owner.
    Returns the names of the roles created."""
    from psycopg import sql

    roles = Roles.of(location)
    created = []
    with connected(location, autocommit=False) as conn:
        check_administrator(conn, "setting up the ledger's roles")
        for kind in ("owner", *GROUPS):
            name = roles.name(kind)
            found = conn.execute(
                "SELECT rolcanlogin, shobj_description(oid, 'pg_authid') FROM pg_roles "
                "WHERE rolname = %s",
                (name,),
            ).fetchone()
            if found is None:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
                conn.execute(
                    sql.SQL("COMMENT ON ROLE {} IS {}").format(
                        sql.Identifier(name), sql.Literal(roles.comment(kind))
                    )
                )
                created.append(name)
            elif found[0] or found[1] != roles.comment(kind):
                raise Refused(
                    f"a role named {name} already exists and is not this ledger's {kind} "
                    "(it can log in, or serves something else); nothing was changed"
                )
        schema = sql.Identifier(roles.schema)
        owner = sql.Identifier(roles.owner)
        with acting_for_owner(conn, roles, until_done=False):
            conn.execute(
                sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(schema, owner)
            )
            if roles.schema != "public":
                conn.execute(sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(schema, owner))
    return created


@contextmanager
def acting_for_owner(conn: Any, roles: Roles, *, until_done: bool = True) -> Iterator[None]:
    """An administrator with CREATEROLE (not a superuser) may make tables in the owner's
    schema and give things to the owner role only as its member: made one from the start of
    the set-up (``until_done=False``) to its end, so that no login is left a member."""
    from psycopg import sql

    superuser = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
    if superuser.fetchone()[0]:
        yield
        return
    owner = sql.Identifier(roles.owner)
    conn.execute(sql.SQL("GRANT {} TO SESSION_USER").format(owner))
    yield
    if until_done:
        conn.execute(sql.SQL("REVOKE {} FROM SESSION_USER").format(owner))


def hand_over(location: Location) -> None:
    """Give the schema's objects to the owner, install the guards, grant the groups."""
    roles = Roles.of(location)
    with connected(location, autocommit=False) as conn:
        check_administrator(conn, "setting up the ledger's roles")
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('govledger admin setup'))")
        with acting_for_owner(conn, roles):
            install_guards(conn, roles)
            give_to_owner(conn, roles)
            grant_groups(conn, roles)


def install_guards(conn: Any, roles: Roles) -> None:
    from psycopg import sql

    q = {"s": sql.Identifier(roles.schema), "events": sql.Identifier(EVENTS)}
    statements = [
        # The write lock: LOCK TABLE ... EXCLUSIVE needs UPDATE, which clerks must not hold;
        # taken as the owner, held until the clerk's transaction ends.
        "CREATE OR REPLACE FUNCTION {s}.gl_write_lock() RETURNS void LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        "LOCK TABLE {s}.{events} IN EXCLUSIVE MODE; END $$",
        # The actor of every event is the login that records it.
        "CREATE OR REPLACE FUNCTION {s}.gl_actor_is_login() RETURNS trigger LANGUAGE plpgsql "
        "SET search_path = pg_catalog, pg_temp AS $$ DECLARE actor text; BEGIN "
        "actor := convert_from(NEW.state, 'UTF8')::jsonb ->> 'actor'; "
        "IF actor IS DISTINCT FROM session_user::text THEN RAISE EXCEPTION "
        "'govledger: an entry is recorded as the database user who logged in (%), not as %', "
        "session_user, coalesce(quote_literal(actor), 'nobody') "
        "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$",
        "CREATE OR REPLACE TRIGGER gl_actor_is_login BEFORE INSERT ON {s}.{events} "
        "FOR EACH ROW EXECUTE FUNCTION {s}.gl_actor_is_login()",
        "CREATE OR REPLACE FUNCTION {s}.gl_refuse_truncate() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RAISE EXCEPTION 'govledger: recorded events are never truncated' "
        "USING ERRCODE = 'insufficient_privilege'; END $$",
        "CREATE OR REPLACE TRIGGER gl_events_no_truncate BEFORE TRUNCATE ON {s}.{events} "
        "FOR EACH STATEMENT EXECUTE FUNCTION {s}.gl_refuse_truncate()",
        "CREATE OR REPLACE TRIGGER gl_integrity_no_truncate BEFORE TRUNCATE ON "
        "{s}.gl_integrity FOR EACH STATEMENT EXECUTE FUNCTION {s}.gl_refuse_truncate()",
    ]
    for statement in statements:
        conn.execute(sql.SQL(statement).format(**q))


def give_to_owner(conn: Any, roles: Roles) -> None:
    """Every table (its indexes, triggers and serial sequences follow), free sequence,
    composite type and function in the schema, owned by the NOLOGIN owner role."""
    from psycopg import sql

    owner = sql.Identifier(roles.owner)
    found = conn.execute(
        "SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'S', 'c') "
        "ORDER BY c.relkind DESC",  # tables first: their sequences follow them
        (roles.schema,),
    ).fetchall()
    for kind, name in found:
        target = sql.Identifier(roles.schema, name)
        if kind in ("r", "p"):
            conn.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(target, owner))
        elif kind == "c":
            conn.execute(sql.SQL("ALTER TYPE {} OWNER TO {}").format(target, owner))
        elif not conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class c ON c.oid = d.objid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s "
            "AND c.relname = %s AND d.deptype IN ('a', 'i'))",
            (roles.schema, name),
        ).fetchone()[0]:
            conn.execute(sql.SQL("ALTER SEQUENCE {} OWNER TO {}").format(target, owner))
    functions = conn.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
        "ON n.oid = p.pronamespace WHERE n.nspname = %s",
        (roles.schema,),
    ).fetchall()
    for (signature,) in functions:
        conn.execute(sql.SQL("ALTER FUNCTION {} OWNER TO {}").format(sql.SQL(signature), owner))


def grant_groups(conn: Any, roles: Roles) -> None:
    from psycopg import sql

    s = sql.Identifier(roles.schema)
    clerk, panel, auditor = (sql.Identifier(roles.name(k)) for k in GROUPS)
    everyone = sql.SQL(", ").join([clerk, panel, auditor])

    def run(statement: str, **names: Any) -> None:
        conn.execute(sql.SQL(statement).format(s=s, everyone=everyone, clerk=clerk, **names))

    run("REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC, {everyone}")
    run("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC, {everyone}")
    run("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM PUBLIC, {everyone}")
    run("REVOKE CREATE ON SCHEMA {s} FROM PUBLIC, {everyone}")
    run("GRANT USAGE ON SCHEMA {s} TO {everyone}")
    run("GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {everyone}")
    for table in RECORDED:
        run("GRANT INSERT ON {s}.{t} TO {clerk}", t=sql.Identifier(table))
    run("GRANT UPDATE ON {s}.gl_frontier TO {clerk}")
    run("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {clerk}")
    run("GRANT EXECUTE ON FUNCTION {s}.gl_write_lock() TO {clerk}")
    views = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') AND NOT c.relname = ANY(%s)",
        (roles.schema, list(RECORDED)),
    ).fetchall()
    for (table,) in views:
        run("GRANT INSERT, UPDATE, DELETE ON {s}.{t} TO {clerk}", t=sql.Identifier(table))
