"""Ed25519 signature verification (RFC 8032 section 5.1.7), standard library only.

Why this exists: the auditor's ``verify.py`` must run with nothing but the Python standard
library, so it cannot lean on ``cryptography`` to check a signed tree head. It carries this
verification instead. There is no signing here; govledger signs with ``cryptography``.

The section is self-contained (``hashlib`` and integer arithmetic; names start ``ed25519_`` or
``_ed25519_``) so it can be copied into ``ledger/verify.py`` unchanged. It is variable-time,
which is fine for verification: every input is public.

Which equation: RFC 8032 says checking the cofactored ``[8][S]B = [8]R + [8][k]A`` is
sufficient, and that the cofactorless ``[S]B = R + [k]A`` may be checked instead. We check the
cofactorless one, with ``k`` reduced mod L, because that is what OpenSSL (and so the
``cryptography`` package that govledger signs with) does: the two verifiers then agree even on
crafted keys or R values with a small-order component, where the two equations can differ.
Two known differences remain, on purpose, both in decoding a public key: RFC 8032 5.1.3 says
neither y >= p nor x = 0 with the sign bit set ("-0") decodes, so such keys are rejected here,
where OpenSSL reduces y mod p and takes -0 as 0. An honest key generator never writes either.
Small-order public keys (which the RFC allows) are accepted by both.
"""

from __future__ import annotations

import hashlib

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
