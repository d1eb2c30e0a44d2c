"""Check a govledger export, or an inclusion proof, without govledger or trust in it.

This module uses only the Python standard library: an auditor may copy this one file
and run ``python verify.py EXPORT --digest SIZE:ROOT`` (or ``python -m ledger.verify``).

The log is an RFC 6962 Merkle tree (SHA-256; leaf hash ``H(0x00 || bytes)``, node hash
``H(0x01 || left || right)``) over the canonical bytes of each event, in log order. The
canonical bytes of an event are the UTF-8 JSON object, keys sorted, no spaces:
``{"aggregate_id","aggregate_version","position","state","topic"}`` where ``state`` is the
stored event state exactly as stored (text), and ``aggregate_id`` the UUID with dashes.

Form 2 (events recorded by govledger 0.2 on) is designed for erasure. Its stored state has a
top-level ``"_salts_"`` object naming each free-text field and the hex of a 16-byte random
salt. What is hashed is not that text but a commitment to it: the canonical bytes get
``"form":2`` and, as ``state``, the sorted compact JSON of the state without ``_salts_``
whose committed fields are moved into ``"_commitments_": {field: hex(SHA-256(
"govledger-commit/v1\n" || salt || the field's value as sorted compact JSON))}``. An erased
field is stored as ``{"_erased_": commitment, "was": "str"|"list"|"dict"}`` with its salt
removed: the commitment, the leaf, every seal, checkpoint and signature stay the same.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
LEAF_PREFIX, NODE_PREFIX = b"\x00", b"\x01"
CACHED = 256  # perfect subtrees of this many leaves or more keep their roots while verifying
BASE_FIELDS = ("originator_topic", "timestamp", "actor", "on", "reason")
JSON_COLUMNS = ("payload", "stored")
CONTAINERS = (dict, list)
MISSING = "the event written at this position is missing (deleted)"
UNWITNESSED = "no hash was written with this event (it was added outside govledger)"
ALTERED = "the event does not match the hash recorded when it was written (altered)"
INT_COLUMNS = ("position", "aggregate_version", "schema_version", "leaf_index", "tree_size")


# -- the tree -----------------------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def empty_root() -> bytes:
    return hashlib.sha256(b"").digest()


class Frontier:
    """The roots of the perfect subtrees of a growing log: O(log n) to append or to root."""

    def __init__(
        self,
        size: int = 0,
        hashes: list[bytes] | None = None,
        cache: dict[tuple[int, int], bytes] | None = None,
    ) -> None:
        self.size = size
        self.hashes = list(hashes or [])
        self.cache = cache  # where to keep the roots of perfect subtrees of CACHED+ leaves

    def append(self, leaf: bytes) -> None:
        hashes, sha256 = self.hashes, hashlib.sha256
        self.size = size = self.size + 1
        if self.cache is None:
            while size & 1 == 0:  # each completed pair of subtrees folds into one node
                leaf = sha256(NODE_PREFIX + hashes.pop() + leaf).digest()
                size >>= 1
        else:
            width = 1
            while size & 1 == 0:
                leaf = sha256(NODE_PREFIX + hashes.pop() + leaf).digest()
                size >>= 1
                width <<= 1
                if width >= CACHED:  # (its first leaf, its width): a seal may name it later
                    self.cache[(self.size - width, width)] = leaf
        hashes.append(leaf)

    def root(self) -> bytes:
        if not self.hashes:
            return empty_root()
        acc = self.hashes[-1]
        for left in reversed(self.hashes[:-1]):
            acc = node_hash(left, acc)
        return acc


def split(n: int) -> int:
    """The largest power of two smaller than n (RFC 6962 section 2.1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def tree_root(leaves: list[bytes]) -> bytes:
    if not leaves:
        return empty_root()
    if len(leaves) == 1:
        return leaves[0]
    k = split(len(leaves))
    return node_hash(tree_root(leaves[:k]), tree_root(leaves[k:]))


def inclusion_proof(leaves: list[bytes], index: int) -> list[bytes]:
    """RFC 6962 PATH(m, D[n]): the audit path of leaf ``index`` in the tree of ``leaves``."""
    if len(leaves) <= 1:
        return []
    k = split(len(leaves))
    if index < k:
        return [*inclusion_proof(leaves[:k], index), tree_root(leaves[k:])]
    return [*inclusion_proof(leaves[k:], index - k), tree_root(leaves[:k])]


def verify_inclusion(index: int, size: int, leaf: bytes, proof: list[bytes], root: bytes) -> bool:
    """RFC 9162 section 2.1.3.2."""
    if index >= size or index < 0:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = node_hash(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def consistency_proof(leaves: list[bytes], m: int) -> list[bytes]:
    """RFC 6962 PROOF(m, D[n]): shows the tree of the first m leaves is a prefix."""

    def subproof(m: int, d: list[bytes], whole: bool) -> list[bytes]:
        n = len(d)
        if m == n:
            return [] if whole else [tree_root(d)]
        k = split(n)
        if m <= k:
            return [*subproof(m, d[:k], whole), tree_root(d[k:])]
        return [*subproof(m - k, d[k:], False), tree_root(d[:k])]

    return subproof(m, leaves, True) if 0 < m <= len(leaves) else []


def verify_consistency(m: int, n: int, root_m: bytes, root_n: bytes, proof: list[bytes]) -> bool:
    """RFC 9162 section 2.1.4.2."""
    if m <= 0 or m > n:
        return False
    if m == n:
        return not proof and root_m == root_n
    if not proof:
        return False
    if m & (m - 1) == 0:
        proof = [root_m, *proof]
    fn, sn = m - 1, n - 1
    while fn % 2 == 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == root_m and sr == root_n and sn == 0


# -- Ed25519 verification (RFC 8032 5.1.7) ----------------------------------------
#
# Ed25519 signature verification (RFC 8032 section 5.1.7), standard library only.
#
# Why this exists: the auditor's ``verify.py`` must run with nothing but the Python standard
# library, so it cannot lean on ``cryptography`` to check a signed tree head. It carries this
# verification instead. There is no signing here; govledger signs with ``cryptography``.
#
# The section is self-contained (``hashlib`` and integer arithmetic; names start ``ed25519_`` or
# ``_ed25519_``) so it can be copied into ``ledger/verify.py`` unchanged. It is variable-time,
# which is fine for verification: every input is public.
#
# Which equation: RFC 8032 says checking the cofactored ``[8][S]B = [8]R + [8][k]A`` is
# sufficient, and that the cofactorless ``[S]B = R + [k]A`` may be checked instead. We check the
# cofactorless one, with ``k`` reduced mod L, because that is what OpenSSL (and so the
# ``cryptography`` package that govledger signs with) does: the two verifiers then agree even on
# crafted keys or R values with a small-order component, where the two equations can differ.
# Two known differences remain, on purpose, both in decoding a public key: RFC 8032 5.1.3 says
# neither y >= p nor x = 0 with the sign bit set ("-0") decodes, so such keys are rejected here,
# where OpenSSL reduces y mod p and takes -0 as 0. An honest key generator never writes either.
# Small-order public keys (which the RFC allows) are accepted by both.

ED25519_P = 2**255 - 19  # the field prime
ED25519_L = 2**252 + 27742317777372353535851937790883648493  # the order of the base point
_ED25519_D = -121665 * pow(121666, ED25519_P - 2, ED25519_P) % ED25519_P
_ED25519_D2 = 2 * _ED25519_D % ED25519_P
_ED25519_SQRT_M1 = pow(2, (ED25519_P - 1) // 4, ED25519_P)

# Points are extended coordinates (X, Y, Z, T): x = X/Z, y = Y/Z, x*y = T/Z (RFC 8032 5.1.4).
_Point = tuple[int, int, int, int]


def _ed25519_add(p1: _Point, p2: _Point) -> _Point:
    """P1 + P2; the formula is complete (it also doubles, and adds the neutral element)."""
    p = ED25519_P
    x1, y1, z1, t1 = p1
    x2, y2, z2, t2 = p2
    a = (y1 - x1) * (y2 - x2) % p
    b = (y1 + x1) * (y2 + x2) % p
    c = t1 * _ED25519_D2 * t2 % p
    d = 2 * z1 * z2 % p
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % p, g * h % p, f * g % p, e * h % p


def _ed25519_double(p1: _Point) -> _Point:
    p = ED25519_P
    x1, y1, z1, _ = p1
    a, b, c = x1 * x1 % p, y1 * y1 % p, 2 * z1 * z1 % p
    h = a + b
    e = h - (x1 + y1) * (x1 + y1)
    g = a - b
    f = c + g
    return e * f % p, g * h % p, f * g % p, e * h % p


def _ed25519_decode(encoded: bytes) -> _Point | None:
    """RFC 8032 5.1.3: the point a 32-byte string encodes, or None when it encodes none."""
    p = ED25519_P
    y = int.from_bytes(encoded, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= p:  # a non-canonical y is not an encoding
        return None
    u, v = (y * y - 1) % p, (_ED25519_D * y * y + 1) % p
    x = u * pow(v, 3, p) * pow(u * pow(v, 7, p), (p - 5) // 8, p) % p
    if (v * x * x - u) % p == 0:
        pass
    elif (v * x * x + u) % p == 0:
        x = x * _ED25519_SQRT_M1 % p
    else:  # u/v has no square root: y is not on the curve
        return None
    if x == 0 and sign:  # -0 is not an encoding
        return None
    if x & 1 != sign:
        x = p - x
    return x, y, 1, x * y % p


_ED25519_B = _ed25519_decode(bytes.fromhex("58" + "66" * 31))  # y = 4/5, x even


def _ed25519_double_mul(s: int, b: _Point, k: int, a: _Point) -> _Point:
    """[s]b + [k]a in one pass of doublings (Straus-Shamir), for s, k < L."""
    ab = _ed25519_add(a, b)
    q: _Point = (0, 1, 1, 0)  # the neutral element
    for i in reversed(range(max(s.bit_length(), k.bit_length()))):
        q = _ed25519_double(q)
        bit_s, bit_k = (s >> i) & 1, (k >> i) & 1
        if bit_s or bit_k:
            q = _ed25519_add(q, ab if bit_s and bit_k else b if bit_s else a)
    return q


def _ed25519_bytes(value: object) -> bytes | None:
    return bytes(value) if isinstance(value, bytes | bytearray | memoryview) else None


def ed25519_verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``message`` by ``public_key``.

    Anything else (wrong types or lengths, S >= L, A or R not a point) is False; never raises.
    """
    key, msg, sig = _ed25519_bytes(public_key), _ed25519_bytes(message), _ed25519_bytes(signature)
    if key is None or msg is None or sig is None or len(key) != 32 or len(sig) != 64:
        return False
    s = int.from_bytes(sig[32:], "little")
    if s >= ED25519_L:  # a non-canonical S would make signatures malleable
        return False
    a, r = _ed25519_decode(key), _ed25519_decode(sig[:32])
    if a is None or r is None or _ED25519_B is None:
        return False
    k = int.from_bytes(hashlib.sha512(sig[:32] + key + msg).digest(), "little") % ED25519_L
    minus_a = (ED25519_P - a[0], a[1], a[2], ED25519_P - a[3])
    x, y, z, _ = _ed25519_double_mul(s, _ED25519_B, k, minus_a)  # [S]B - [k]A, to equal R
    return (x - r[0] * z) % ED25519_P == 0 and (y - r[1] * z) % ED25519_P == 0


# -- events -------------------------------------------------------------------------


def canonical(
    position: int, aggregate_id: str, aggregate_version: int, topic: str, state: str
) -> bytes:
    """The bytes an event is hashed as (see the module docstring).

    The same bytes as ``json.dumps`` of the five fields (six in form 2) with
    ``sort_keys=True``, ``separators=(",", ":")`` and ``ensure_ascii=False``, written out in
    that order with the encoder json.dumps uses for strings, because this runs once per event.
    """
    committed = committed_state(state)
    form, hashed = ("", state) if committed is None else ('"form":2,', committed)
    return (
        f'{{"aggregate_id":{_string(aggregate_id)},"aggregate_version":{int(aggregate_version)},'
        f'{form}"position":{int(position)},"state":{_string(hashed)},'
        f'"topic":{_string(topic)}}}'
    ).encode()


SALTS, ERASED, COMMITMENTS = "_salts_", "_erased_", "_commitments_"
SALTS_MARK, ERASED_MARK = f'"{SALTS}":', f'"{ERASED}":'  # as a key, not inside a string
COMMIT_PREFIX = b"govledger-commit/v1\n"


_SORTED = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sorted_json(value: Any) -> str:
    """``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``."""
    return _string(value) if type(value) is str else _SORTED.encode(value)


def commitment(salt: str, value: Any) -> str:
    """A free-text field's salted commitment (form 2): it hides the text, and binds it."""
    return hashlib.sha256(
        COMMIT_PREFIX + bytes.fromhex(salt) + sorted_json(value).encode()
    ).hexdigest()


def is_erased(value: Any) -> bool:
    return (
        type(value) is dict
        and ERASED in value
        and len(value) == 2
        and "was" in value
        and type(value[ERASED]) is str
    )


def erased_as(kind: Any) -> Any:
    """What an erased field reads as: '[erased]', or a list of it, or an empty object."""
    return {"str": "[erased]", "list": ["[erased]"], "dict": {}}.get(kind)


def committed_state(state: str) -> str | None:
    """What is hashed of a form-2 state (see the module docstring); None for form 1, whose
    state is hashed as stored. A state that is not what form 2 writes is hashed as form 1
    too: it cannot match the leaf written for it, so verification names it altered."""
    if SALTS_MARK not in state:  # inside a string the quote before ':' would be escaped
        return None
    sha256, encode = hashlib.sha256, _SORTED.encode
    try:
        said = json.loads(state)
        salts = said.pop(SALTS) if type(said) is dict else None
        if type(salts) is not dict or not salts.keys() <= said.keys():
            return None
        commitments = {}
        for name in [
            n
            for n, v in said.items()
            if n in salts or (type(v) is dict and ERASED in v and is_erased(v))
        ]:
            value = said.pop(name)
            if name in salts:  # commitment(salt, value), written out: this runs per field
                text = _string(value) if type(value) is str else encode(value)
                commitments[name] = sha256(
                    COMMIT_PREFIX + bytes.fromhex(salts[name]) + text.encode()
                ).hexdigest()
            else:
                commitments[name] = value[ERASED]
    except (ValueError, TypeError, RecursionError):
        return None
    said[COMMITMENTS] = commitments
    return encode(said)


def plain(value: Any) -> Any:
    """The stored JSON with the library's typed values (dates, times) as plain text."""
    if type(value) is dict:
        if len(value) == 2 and "_type_" in value and "_data_" in value:
            return plain(value["_data_"])
        return {k: plain(v) if type(v) in CONTAINERS else v for k, v in value.items()}
    if type(value) is list:
        return [plain(v) if type(v) in CONTAINERS else v for v in value]
    return value


def rfc3339(text: str) -> str:
    """'2026-11-23T09:03:23.123456+00:00' as '2026-11-23T09:03:23.123456Z'."""
    return text.replace("+00:00", "Z")


def shown(value: Any) -> Any:
    """A stored field (an object or a list) as an export record shows it: erased text as
    '[erased]', the library's typed values (dates, times) as their text."""
    if type(value) is dict and len(value) == 2:
        if "_data_" in value and "_type_" in value:
            data = value["_data_"]
            return plain(data) if type(data) in CONTAINERS else data
        if is_erased(value):
            return erased_as(value["was"])
    return plain(value)


def readable(state: str, topic: str, loads: Any = json.loads) -> dict[str, Any]:
    """What an export record says in plain fields, read from the stored state alone: the
    base fields (when, who, why) apart, the rest, in stored order, as the payload."""
    said = loads(state)
    if type(said) is not dict:
        raise AttributeError(f"a stored event is a JSON object, not {type(said).__name__}")
    said.pop(SALTS, None)  # the salts are not the event's words
    said.pop("originator_topic", None)
    on, stamp = said.pop("on", None), said.pop("timestamp", "")
    actor, reason = said.pop("actor", None), said.pop("reason", None)
    for name, value in said.items():
        if type(value) in CONTAINERS:
            said[name] = shown(value)  # the same key: the payload keeps its order
    return {
        "type": topic.rpartition(".")[2].rpartition(":")[2],
        "effective": shown(on) if type(on) in CONTAINERS else on,
        "recorded": rfc3339(shown(stamp) if type(stamp) in CONTAINERS else stamp),
        "actor": shown(actor) if type(actor) in CONTAINERS else actor,
        "reason": shown(reason) if type(reason) in CONTAINERS else reason,
        "payload": said,
    }


# -- keys, signed notes and checkpoints (C2SP signed-note, tlog-checkpoint, tlog-cosignature) --


NOTE_SIGNATURE = "\u2014 "  # an em dash and a space open every signature line of a note
LOG_KEY, COSIGNATURE_KEY = 0x01, 0x04  # signed-note key types: Ed25519, cosignature/v1
BATCH_PREFIX = b"govledger-batch/v1\n"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def key_id(name: str, public_key: bytes, kind: int = LOG_KEY) -> bytes:
    """The 4-byte key id of the signed-note spec: SHA-256(name || 0x0A || type || key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([kind]) + public_key).digest()[:4]


def vkey(name: str, public_key: bytes) -> str:
    """A verifier key as the signed-note tools write it: name+hex key id+base64(0x01 || key)."""
    return f"{name}+{key_id(name, public_key).hex()}+{b64(bytes([LOG_KEY]) + public_key)}"


def parse_vkey(text: str) -> tuple[str, bytes]:
    name, _, rest = str(text).strip().partition("+")
    hexid, _, encoded = rest.partition("+")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        raw = b""
    if not name or len(raw) != 33 or raw[0] != LOG_KEY or key_id(name, raw[1:]).hex() != hexid:
        raise ValueError(f"{text!r} is not a verifier key (NAME+KEYID+BASE64 of an Ed25519 key)")
    return name, raw[1:]


# The classes below are plain classes, not dataclasses: every command that records imports
# this module (leaf hashes, commitments), and a dataclass costs a new process ~0.3 ms.


class Key:
    """A public key of the keyring, and whose it is."""

    def __init__(self, name: str, owner: str, public: bytes) -> None:
        self.name, self.owner, self.public = name, owner, public


class Keyring:
    """Who may sign, and from which position every entry must be signed.

    ``trusted`` is True for a keyring an auditor was given (published by the body), False
    for the keys the log itself registered, which prove only that the log agrees with itself.
    """

    def __init__(
        self,
        keys: dict[str, Key] | None = None,
        signed_from: int | None = None,
        origin: str | None = None,
        trusted: bool = False,
    ) -> None:
        self.keys = {} if keys is None else keys
        self.signed_from, self.origin, self.trusted = signed_from, origin, trusted

    def add(self, name: str, owner: str, public: bytes) -> None:
        self.keys.setdefault(name, Key(name, owner, public))


def read_keyring(path: str) -> Keyring:
    """The keyring file written by ``govledger keys export``."""
    with open(path, encoding="utf-8") as handle:
        try:
            data = json.load(handle)
        except ValueError:
            data = None
    if type(data) is not dict or type(data.get("keys")) is not list:
        raise ValueError(f"{path} is not a keyring (govledger keys export writes one)")
    ring = Keyring(signed_from=data.get("signed_from"), origin=data.get("origin"), trusted=True)
    if ring.signed_from is not None and type(ring.signed_from) is not int:
        raise ValueError(f"{path}: signed_from is not a position")
    for entry in data["keys"]:
        name, public = parse_vkey(entry.get("vkey", "") if type(entry) is dict else "")
        ring.add(name, str(entry.get("owner", "")), public)
    return ring


def checkpoint_body(origin: str, size: int, root: bytes) -> str:
    """The C2SP tlog-checkpoint text a log signs: origin, tree size, base64 root."""
    return f"{origin}\n{size}\n{b64(root)}\n"


def cosigned_message(body: str, timestamp: int) -> bytes:
    """What a witness signs (C2SP tlog-cosignature v1)."""
    return f"cosignature/v1\ntime {timestamp}\n{body}".encode()


class Checkpoint:
    """A signed checkpoint, as pasted into the minutes: ``lines`` holds (key name, decoded
    signature) per signature line."""

    def __init__(
        self, origin: str, size: int, root: bytes, body: str, lines: list[tuple[str, bytes]]
    ) -> None:
        self.origin, self.size, self.root, self.body, self.lines = origin, size, root, body, lines


def parse_checkpoint(text: str) -> Checkpoint:
    body, blank, signatures = text.replace("\r\n", "\n").partition("\n\n")
    lines = body.split("\n")
    problem = "is not a signed checkpoint (origin, size, base64 root, a blank line, signatures)"
    if not blank or len(lines) < 3:
        raise ValueError(f"the text {problem}")
    try:
        size, root = int(lines[1]), base64.b64decode(lines[2], validate=True)
    except ValueError:
        raise ValueError(f"the text {problem}") from None
    parsed = Checkpoint(lines[0], size, root, body + "\n", [])
    if size < 0 or len(root) != 32 or not lines[0]:
        raise ValueError(f"the text {problem}")
    for line in signatures.strip("\n").split("\n"):
        name, _, encoded = line.removeprefix(NOTE_SIGNATURE).rpartition(" ")
        try:
            decoded = base64.b64decode(encoded, validate=True)
        except ValueError:
            decoded = b""
        if not line.startswith(NOTE_SIGNATURE) or not name or len(decoded) < 5:
            raise ValueError(f"the signature line {line[:60]!r} is not '— NAME BASE64'")
        parsed.lines.append((name, decoded))
    return parsed


class Signers:
    """Who signed a checkpoint (the log's key) and who cosigned it (witnesses)."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.witnesses: list[str] = []
        self.problem = ""


def check_checkpoint(checkpoint: Checkpoint, keyring: Keyring) -> Signers:
    """Every signature line against the keyring. A line by a key the keyring lacks is
    ignored, as the signed-note spec says, unless no known key signed at all."""
    found, unknown = Signers(), []
    for name, blob in checkpoint.lines:
        key = keyring.keys.get(name)
        if key is None or blob[:4] not in (key_id(name, key.public), cosigner_id(key)):
            unknown.append(name)
        elif len(blob) == 68 and blob[:4] == key_id(name, key.public):
            if not ed25519_verify(key.public, checkpoint.body.encode(), blob[4:]):
                found.problem = f"the signature by {name} does not match the checkpoint (altered)"
                return found
            found.log.append(name)
        elif len(blob) == 76 and blob[:4] == cosigner_id(key):
            stamp = int.from_bytes(blob[4:12], "big")
            if not ed25519_verify(key.public, cosigned_message(checkpoint.body, stamp), blob[12:]):
                found.problem = f"the cosignature by {name} does not match the checkpoint (altered)"
                return found
            found.witnesses.append(name)
        else:
            found.problem = f"the signature line of {name} is malformed"
            return found
    found.witnesses = sorted(set(found.witnesses) - set(found.log))
    if not found.log:
        by = ", ".join(unknown) or "no one"
        found.problem = f"the checkpoint is signed by {by}: no key in the keyring signed it"
    return found


def cosigner_id(key: Key) -> bytes:
    return key_id(key.name, key.public, COSIGNATURE_KEY)


def origin_of(first_leaf: bytes) -> str:
    """A log's origin line: named by its first leaf, so a copy keeps it and no two logs share
    it."""
    return f"govledger/{first_leaf.hex()[:16]}"


def entry_digest(aggregate_id: str, aggregate_version: int, topic: str, state: str) -> bytes:
    """What a batch signature covers of one event: its canonical bytes without its position,
    which is given only when the batch is stored."""
    return hashlib.sha256(canonical(0, aggregate_id, aggregate_version, topic, state)).digest()


def batch_message(digests: Iterable[bytes]) -> bytes:
    return BATCH_PREFIX + b"".join(d.hex().encode() + b"\n" for d in digests)


# -- what the log says of itself: seals, checkpoints, keys and signed batches ---------------


SEALED = "govledger:Seal.LogSealed"
CHECKPOINTED = "govledger:Seal.CheckpointSigned"
COSIGNED = "govledger:Seal.CheckpointCosigned"
KEY_REGISTERED = "govledger:SigningKey.KeyRegistered"
SIGNING_REQUIRED = "govledger:SigningPolicy.SigningRequired"
BATCH_SIGNED = "govledger:Signature.BatchSigned"
REDACTED = "govledger:Redaction.FieldRedacted"
SPOKEN = frozenset((SEALED, CHECKPOINTED, COSIGNED, KEY_REGISTERED, SIGNING_REQUIRED, BATCH_SIGNED))
UNSIGNED = "this entry is not signed, but the keyring requires every entry after position {} to be"
PENDING_LIMIT = 200_000  # unsigned entries kept in case a batch signature covers them


class PrefixRoots:
    """The root of the log's first n leaves for any n reached so far. Leaves are kept packed
    (32 bytes each) and folded as they come (the frontier, whose root is the log's), keeping
    the roots of perfect subtrees, so a seal or checkpoint found long after the size it names
    costs O(log n) cached roots and fewer than 2 * CACHED hashes."""

    def __init__(self) -> None:
        self.leaves = bytearray()
        self.cache: dict[tuple[int, int], bytes] = {}
        self.frontier = Frontier(cache=self.cache)

    @property
    def size(self) -> int:
        return self.frontier.size

    def append(self, leaf: bytes) -> None:
        self.leaves += leaf
        self.frontier.append(leaf)

    def root(self, size: int) -> bytes:
        if size == self.frontier.size:
            return self.frontier.root()
        return self._root(0, size) if size else empty_root()

    def _root(self, start: int, size: int) -> bytes:
        if size == 1:
            return bytes(self.leaves[32 * start : 32 * start + 32])
        perfect = size & (size - 1) == 0
        if perfect and (start, size) in self.cache:
            return self.cache[(start, size)]
        k = split(size)
        root = node_hash(self._root(start, k), self._root(start + k, size - k))
        if perfect:
            self.cache[(start, size)] = root
        return root


class Claim:
    """A size and root the log must have had: from a seal, a checkpoint or a trusted digest."""

    def __init__(self, size: int, root: bytes, what: str) -> None:
        self.size, self.root, self.what = size, root, what


class LogAudit:
    """Reads the log in order, as a verifier does, and checks what the log says of itself
    (each seal and checkpoint against the events before it, each batch signature against
    the events it covers and the keyring) and what an auditor trusts from elsewhere (a
    checkpoint from the minutes, a digest, a published keyring)."""

    def __init__(
        self,
        keyring: Keyring | None = None,
        checkpoint: Checkpoint | None = None,
        digest: tuple[int, bytes] | None = None,
        witnesses: int = 0,
        require_signed: int | None = None,
    ) -> None:
        self.ring = keyring or Keyring()
        if require_signed is not None:
            self.ring.signed_from = require_signed
        self.trusted, self.witnesses = checkpoint, witnesses
        self.claims = [Claim(c.size, c.root, w) for c, w in self.external(checkpoint, digest)]
        self.roots = PrefixRoots()
        self.origin: str | None = None
        self.pending: list[tuple[int, str, int, str, str]] = []
        self.signed, self.unsigned = 0, 0
        self.checked: Signers | None = None  # the trusted checkpoint's signers, once checked
        self.signers: set[str] = set()
        self.latest: str | None = None  # the last checkpoint the log holds, as text
        self.where: int | None = None  # where a problem lies, when not at the event read
        self.erased: list[tuple[int, list[str]]] = []  # (position, fields) erased since written
        self.redactions: dict[tuple[int, str], str] = {}  # (position, field) -> who redacted it

    @staticmethod
    def external(checkpoint: Checkpoint | None, digest: tuple[int, bytes] | None) -> list:
        found: list[tuple[Any, str]] = []
        if checkpoint is not None:
            found.append((checkpoint, f"the checkpoint of {checkpoint.size} events"))
        if digest is not None:
            found.append((Checkpoint("", digest[0], digest[1], "", []), "the trusted digest"))
        return found

    def add(
        self, position: int, aggregate_id: str, version: int, topic: str, state: str, leaf: bytes
    ) -> str:
        """Take the next event (its leaf already checked); the problem found, or ''."""
        self.roots.append(leaf)
        return self.check(position, aggregate_id, version, topic, state, leaf)

    def check(
        self, position: int, aggregate_id: str, version: int, topic: str, state: str, leaf: bytes
    ) -> str:
        """What the event just taken (its leaf appended to ``roots``) says and is owed."""
        if ERASED_MARK in state:
            self.note_erased(position, state)
        if topic == REDACTED:
            self.note_redaction(state)
        if self.origin is None:
            self.origin = origin_of(leaf)
            if self.trusted and self.trusted.origin != self.origin:
                return (
                    f"the checkpoint is of the log {self.trusted.origin}, "
                    f"but this log is {self.origin}"
                )
        for claim in self.claims:
            if claim.size == self.roots.size and self.roots.root(claim.size) != claim.root:
                return f"the first {claim.size} events do not match {claim.what} (altered)"
        if topic != BATCH_SIGNED:
            if self.ring.keys:  # only a key known by now can sign it: else it is unsigned
                self.pending.append((position, aggregate_id, version, topic, state))
                problem = self.unsigned_beyond_limit()
            elif self.ring.signed_from is None:  # unsigned, and no entry need be signed
                self.unsigned += 1
                problem = ""
            else:
                problem = self.no_unsigned([(position, aggregate_id, version, topic, state)])
            if problem or topic not in SPOKEN:
                return problem
        try:
            said = json.loads(state)
            return self.spoken(position, topic, said, said.get("actor"))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return f"this {topic.rpartition('.')[2]} event is malformed ({error})"

    def note_erased(self, position: int, state: str) -> None:
        """An erased field is no alteration (its commitment is kept), but the auditor is told."""
        try:
            said = json.loads(state)
        except ValueError:
            return
        if type(said) is dict and SALTS in said:
            fields = sorted(name for name, value in said.items() if is_erased(value))
            if fields:
                self.erased.append((position, fields))

    def note_redaction(self, state: str) -> None:
        try:
            said = json.loads(state)
            self.redactions[(int(said["position"]), str(said["field"]))] = str(said["actor"])
        except (ValueError, KeyError, TypeError):
            return

    def spoken(self, position: int, topic: str, said: dict[str, Any], actor: Any) -> str:
        if topic == SEALED:
            return self.holds(int(said["size"]), bytes.fromhex(said["root"]), "this seal")
        if topic in (CHECKPOINTED, COSIGNED):
            self.latest = said["checkpoint"]
            return self.logged_checkpoint(parse_checkpoint(said["checkpoint"]))
        if topic == KEY_REGISTERED and not self.ring.trusted:
            self.ring.add(said["name"], said["owner"], parse_vkey(said["vkey"])[1])
        elif topic == SIGNING_REQUIRED and not self.ring.trusted and self.ring.signed_from is None:
            self.ring.signed_from = position
        elif topic == BATCH_SIGNED:
            return self.batch(position, said, actor)
        return ""

    def holds(self, size: int, root: bytes, what: str) -> str:
        if size >= self.roots.size:
            return f"{what} names {size} events, more than came before it (forged)"
        if self.roots.root(size) != root:
            return (
                f"{what} of the first {size} events does not match them "
                "(a forged seal, or the events before it were altered)"
            )
        return ""

    def logged_checkpoint(self, checkpoint: Checkpoint) -> str:
        if checkpoint.origin != self.origin:
            return f"this checkpoint is of another log ({checkpoint.origin})"
        if self.ring.keys:
            signers = check_checkpoint(checkpoint, self.ring)
            if signers.problem:
                return f"this checkpoint: {signers.problem}"
        return self.holds(checkpoint.size, checkpoint.root, "this checkpoint")

    def batch(self, position: int, said: dict[str, Any], actor: Any) -> str:
        name, covers = said["key"], said["covers"]
        key = self.ring.keys.get(name)
        if key is None:
            return f"signed with the key {name}, which is not in the keyring"
        if not 0 < len(covers) <= len(self.pending):
            return "this signature covers events that were not recorded before it"
        earlier, batch = self.pending[: -len(covers)], self.pending[-len(covers) :]
        problem = self.no_unsigned(earlier)
        if problem:
            return problem
        if [[e[1], e[2]] for e in batch] != [[str(a), int(v)] for a, v in covers]:
            return "this signature names other events than those stored before it"
        message = batch_message(entry_digest(*e[1:]) for e in batch)
        if not ed25519_verify(key.public, message, base64.b64decode(said["signature"])):
            first, last = batch[0][0], batch[-1][0]
            return (
                f"the signature by {name} does not match the events at positions "
                f"{first}-{last} (altered, or forged)"
            )
        for entry in batch:
            recorded_by = json.loads(entry[4]).get("actor")
            if recorded_by != key.owner:
                return (
                    f"position {entry[0]} names {recorded_by!r} as recording it, but is "
                    f"signed with {name}, the key of {key.owner!r}"
                )
        if actor != key.owner:
            return f"this signature is recorded by {actor!r} with {name}, the key of {key.owner!r}"
        self.signed += len(batch)
        self.signers.add(name)
        self.pending.clear()
        return ""

    def no_unsigned(self, entries: list[tuple[int, str, int, str, str]]) -> str:
        policy = self.ring.signed_from
        for entry in entries:
            if policy is not None and entry[0] > policy:
                self.where = entry[0]
                return UNSIGNED.format(policy)
        self.unsigned += len(entries)
        return ""

    def unsigned_beyond_limit(self) -> str:
        if len(self.pending) <= PENDING_LIMIT:
            return ""
        half, self.pending = self.pending[: PENDING_LIMIT // 2], self.pending[PENDING_LIMIT // 2 :]
        return self.no_unsigned(half)

    def finish(self) -> str:
        """What remains to check once the last event is read; the problem, or ''."""
        problem = self.no_unsigned(self.pending)
        self.pending = []
        if problem:
            return problem
        for claim in self.claims:
            if claim.size > self.roots.size:
                return (
                    f"the log holds {self.roots.size} events but {claim.what} covers "
                    f"{claim.size}: events were removed"
                )
        if self.trusted is not None:
            signers = self.checked = check_checkpoint(self.trusted, self.ring)
            if signers.problem:
                return signers.problem
            if len(signers.witnesses) < self.witnesses:
                return (
                    f"the checkpoint has {len(signers.witnesses)} witness cosignatures "
                    f"({', '.join(signers.witnesses) or 'none'}); {self.witnesses} required"
                )
        return ""

    def erasures(self) -> list[str]:
        """Fields whose words were removed since written (their commitments kept): by
        ``govledger redact``, which records who and why, or outside it, which is said too."""
        erased = [(p, f) for p, fields in self.erased for f in fields]
        redacted = [
            f"position {p} ({f}, by {self.redactions[(p, f)]})"
            for p, f in erased
            if (p, f) in self.redactions
        ]
        outside = [f"position {p} ({f})" for p, f in erased if (p, f) not in self.redactions]
        undone = sorted(set(self.redactions) - set(erased))
        said = []
        for found, what in (
            (redacted, "redacted"),
            (outside, "erased outside govledger, with no redaction recorded"),
        ):
            if found:
                more = f"; and {len(found) - 10} more" if len(found) > 10 else ""
                plural = "s" if len(found) != 1 else ""
                said.append(
                    f"{len(found)} field{plural} {what}, the commitment kept: "
                    f"{'; '.join(found[:10])}{more}."
                )
        for p, f in undone[:10]:
            said.append(
                f"A redaction of {f} at position {p} is recorded but its words are "
                f"still stored: run govledger redact {p} --field {f} to finish it."
            )
        return said

    def notes(self, digest_given: bool) -> list[str]:
        """What an OK stands on, for the auditor to read."""
        said = []
        if self.trusted is not None and self.checked is not None:
            signers = self.checked
            witnessed = (
                ", witnessed by " + ", ".join(signers.witnesses) if signers.witnesses else ""
            )
            said.append(
                f"The log extends the checkpoint of {self.trusted.size} events signed "
                f"by {', '.join(signers.log)}{witnessed}."
            )
        if digest_given:
            said.append("The log extends the trusted digest.")
        said.extend(self.erasures())
        if self.signed or self.ring.signed_from is not None:
            by = ", ".join(sorted(self.signers)) or "no key"
            said.append(
                f"{self.signed} entries signed (by {by}), {self.unsigned} unsigned"
                + (
                    f"; every entry after position {self.ring.signed_from} is signed."
                    if self.ring.signed_from is not None
                    else "."
                )
            )
        if (self.trusted is not None or self.signed) and not self.ring.trusted:
            said.append(
                "Signatures were checked against the keys the log itself registered; "
                "give --keyring FILE (as the body published it) to trust them."
            )
        if self.trusted is None and not digest_given:
            said.append(
                "This proves only that the log agrees with itself, as a forger who "
                "recomputes every hash could also make it; to prove it unaltered, give "
                "--checkpoint FILE (as pasted in the minutes) with --keyring FILE, or "
                "--digest SIZE:ROOT."
            )
        return said


# -- checking a file ----------------------------------------------------------------


class Report:
    """What a check found: the size and root it reached, and the first problem, if any."""

    def __init__(self, size: int = 0, root: bytes | None = None) -> None:
        self.size = size
        self.root = empty_root() if root is None else root
        self.problem = ""
        self.position: int | None = None
        self.notes: list[str] = []

    @property
    def ok(self) -> bool:
        return not self.problem

    def fail(self, position: int | None, problem: str) -> Report:
        if self.ok:
            self.position, self.problem = position, problem
        return self

    def line(self) -> str:
        if self.ok:
            return "\n".join([f"OK: {self.size} events, root {self.root.hex()}", *self.notes])
        where = f"position {self.position}: " if self.position is not None else ""
        return f"FAILED: {where}{self.problem}"


def parse_digest(text: str) -> tuple[int, bytes]:
    size, _, root = text.strip().partition(":")
    try:
        parsed = int(size), bytes.fromhex(root)
    except ValueError:
        parsed = (0, b"")
    if parsed[0] <= 0 or len(parsed[1]) != 32:
        raise ValueError(f"digest {text!r} is not SIZE:ROOT (a count and 64 hex digits)")
    return parsed


def check_records(
    records: Iterable[dict[str, Any]], audit: LogAudit | None = None, digest_given: bool = False
) -> Report:
    """Recompute every hash of an export, in order, and check what the log says of itself
    and what ``audit`` was told to trust; stop at the first thing that is wrong."""
    audit = audit or LogAudit()
    report, frontier, last, count = Report(), audit.roots.frontier, 0, 0
    trailer: dict[str, Any] | None = None
    for record in records:
        if trailer is not None:
            return report.fail(record.get("position"), "a record follows the export's trailer")
        if "trailer" in record:
            trailer = record["trailer"] if type(record["trailer"]) is dict else {}
            continue
        count, position = count + 1, record.get("position")
        problem = check_record(record, frontier.size, last)
        if problem:
            return report.fail(position, problem)
        leaf = bytes.fromhex(record["leaf_hash"])  # checked against the event above
        audit.roots.append(leaf)
        claimed = record.get("tree_root")
        if claimed is not None and claimed != frontier.root().hex():
            return report.fail(
                position,
                "the log up to here differs from the log as sealed when exported "
                "(an event before it was removed, added or reordered)",
            )
        stored = record["stored"]
        problem = audit.check(
            record["position"],
            record["aggregate_id"],
            int(record["aggregate_version"]),
            stored["topic"],
            stored["state"],
            leaf,
        )
        if problem:
            return report.fail(audit.where or position, problem)
        last = record["position"]
    report.size, report.root = frontier.size, frontier.root()
    problem = check_trailer(trailer, count, report, audit) or audit.finish()
    if problem:
        return report.fail(audit.where, problem)
    report.notes = audit.notes(digest_given)
    return report


def check_trailer(
    trailer: dict[str, Any] | None, count: int, report: Report, audit: LogAudit
) -> str:
    """An export ends with a trailer: a file without one was cut off, or shortened."""
    if trailer is None:
        return (
            "the export is incomplete: it ends without its trailer (cut off while it was "
            "written, or shortened since); export it again"
        )
    if trailer.get("count") != count:
        return f"the trailer counts {trailer.get('count')} records but the file holds {count}"
    if (trailer.get("tree_size"), trailer.get("tree_root")) != (report.size, report.root.hex()):
        return "the trailer's size and root are not those of the events before it (altered)"
    if trailer.get("checkpoint") != audit.latest:
        return "the trailer's checkpoint is not the last checkpoint of the log (altered)"
    return ""


def misplaced(index: Any, expected: int) -> str:
    return (
        f"leaf index {index} where {expected} was expected "
        "(an event before it is missing or was added)"
    )


def check_record(record: dict[str, Any], index: int, last: int) -> str:
    """The first thing wrong with one record, or ''."""
    if record.get("missing"):
        return MISSING
    try:
        position, stored = int(record["position"]), record["stored"]
        leaf = leaf_hash(
            canonical(
                position,
                record["aggregate_id"],
                int(record["aggregate_version"]),
                stored["topic"],
                stored["state"],
            )
        )
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        return f"the record is incomplete or malformed ({type(error).__name__}: {error})"
    if position <= last:
        return f"positions are out of order ({position} after {last})"
    if record.get("leaf_hash") is None:
        return UNWITNESSED
    if record.get("leaf_index") != index:
        return misplaced(record.get("leaf_index"), index)
    if record.get("leaf_hash") != leaf.hex():
        return ALTERED
    try:
        said = readable(stored["state"], stored["topic"])
    except ValueError:
        return "the stored event is not valid JSON"
    for name, value in said.items():
        if record.get(name) != value:
            return f"the {name} field says {record.get(name)!r} but the stored event says {value!r}"
    return ""


TRAILER_TYPE = "govledger.trailer"


class ExportCutOff(ValueError):
    """An export whose last line stops part-way: cut off while it was written."""

    def __init__(self, line: int) -> None:
        super().__init__(
            f"the export is incomplete: line {line}, its last, stops part-way (cut off "
            "while it was written, or shortened since); export it again"
        )


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """Records of a jsonl, cloudevents or csv export, as plain dicts; the trailer as
    ``{"trailer": {...}}``."""
    with open(path, encoding="utf-8", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        if first.startswith("{"):
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        item = json.loads(line)
                    except json.JSONDecodeError:
                        if not line.endswith("\n"):  # the last line, stopped part-way
                            raise ExportCutOff(number) from None
                        raise
                    if type(item) is dict and item.get("specversion"):
                        cloud = item.get("type") == TRAILER_TYPE
                        item = {"trailer": item.get("data")} if cloud else item.get("data")
                    if type(item) is not dict:
                        raise ValueError(f"line {number} is not an export record")
                    yield item
            return
        import csv  # here, not at the top: a clerk command imports this module

        rows = csv.DictReader(handle)
        if "position" not in (rows.fieldnames or []):
            raise ValueError("neither JSON lines nor a CSV export with a position column")
        for row in rows:
            if row.get("type") == TRAILER_TYPE and not row.get("position"):
                yield {"trailer": json.loads(row.get("payload") or "{}")}
            else:
                yield {k: cell(k, v) for k, v in row.items()}


def cell(column: str, text: str) -> Any:
    """A CSV cell as the value a JSON export would hold."""
    if column == "missing":
        return text == "True"
    if text == "" and column not in ("reason", "actor"):
        return None
    if column in JSON_COLUMNS:
        return json.loads(text)
    return int(text) if column in INT_COLUMNS else text


def check_proof(proof: dict[str, Any], digest: tuple[int, bytes] | None = None) -> Report:
    """An inclusion proof from ``govledger prove``: the event is in the sealed log."""
    report = Report(size=proof["tree_size"], root=bytes.fromhex(proof["root"]))
    record = proof["record"]
    problem = check_record(record, proof["leaf_index"], 0)
    if problem:
        return report.fail(record.get("position"), problem)
    path = [bytes.fromhex(h) for h in proof["proof"]]
    if not verify_inclusion(
        proof["leaf_index"],
        proof["tree_size"],
        bytes.fromhex(record["leaf_hash"]),
        path,
        report.root,
    ):
        return report.fail(record["position"], "the inclusion proof does not lead to the root")
    if digest and (digest[0], digest[1]) != (proof["tree_size"], report.root):
        return report.fail(None, "the proof is against a root other than the trusted digest")
    report.notes = [
        f"Proved: the event at position {record['position']} ({record.get('subject')}, "
        f"{record.get('type')}, recorded by {record.get('actor')!r}, effective "
        f"{record.get('effective')}) is in the log of {report.size} events with that root."
    ]
    if not digest:
        report.notes.append(
            "Give --digest SIZE:ROOT from the minutes to prove that root is the log's."
        )
    return report


def read_checkpoint(path: str) -> Checkpoint:
    with open(path, encoding="utf-8") as handle:
        return parse_checkpoint(handle.read())


def main(argv: list[str] | None = None) -> int:
    import argparse  # only the standalone verifier parses arguments

    parser = argparse.ArgumentParser(
        prog="python verify.py",
        description="Check a govledger export file, or a proof, using only the standard "
        "library. Exit 0 when everything checks, 1 when something does not.",
    )
    parser.add_argument("file", nargs="?", help="an export (jsonl, cloudevents or csv)")
    parser.add_argument("--digest", help="SIZE:ROOT from the minutes, trusted from elsewhere")
    parser.add_argument("--proof", help="an inclusion proof printed by govledger prove")
    parser.add_argument("--checkpoint", help="a signed checkpoint, as pasted in the minutes")
    parser.add_argument("--keyring", help="the keyring the body published (keys export)")
    parser.add_argument(
        "--witnesses", type=int, default=0, help="witness cosignatures the checkpoint needs"
    )
    parser.add_argument(
        "--require-signed", type=int, metavar="POSITION", help="every entry after it is signed"
    )
    args = parser.parse_args(argv)
    if not args.file and not args.proof:
        parser.error("give an export FILE, or --proof PROOF")
    try:
        digest = parse_digest(args.digest) if args.digest else None
    except ValueError as error:
        parser.error(str(error))
    try:
        if args.proof:
            with open(args.proof, encoding="utf-8") as handle:
                report = check_proof(json.load(handle), digest)
        else:
            audit = LogAudit(
                read_keyring(args.keyring) if args.keyring else None,
                read_checkpoint(args.checkpoint) if args.checkpoint else None,
                digest,
                args.witnesses,
                args.require_signed,
            )
            report = check_records(read_records(args.file), audit, digest is not None)
    except OSError as error:
        parser.error(f"cannot read {error.filename}: {error.strerror}")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        print(f"FAILED: a file given is not what it should be ({' '.join(str(error).split())})")
        return 1
    print(report.line())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
