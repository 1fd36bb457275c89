"""Officer passwords, for deployments without an identity provider: salted PBKDF2 hashes kept in secrets.toml,
checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000


def hash_password(password: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    """'pbkdf2_sha256$600000$<salt>$<hash>' – what to paste into secrets.toml."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    encode = base64.urlsafe_b64encode
    return f"{ALGORITHM}${iterations}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algorithm, iterations, salt, expected = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        salt_bytes = base64.urlsafe_b64decode(salt)
        expected_bytes = base64.urlsafe_b64decode(expected)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt_bytes, int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected_bytes)


def check_login(password: str, stored: str | None, dummy: str) -> bool:
    """Whether the password is the stored one; for an unknown name (`stored` None) the dummy hash is checked instead,
    so that a known name cannot be told from an unknown one by how long the answer takes."""
    matched = verify_password(password, stored if stored is not None else dummy)
    return matched and stored is not None


def dummy_hash(like: str | None) -> str:
    """A hash of a random password, with as many iterations as `like` (a stored hash) so it takes as long."""
    try:
        iterations = int((like or "").split("$")[1])
    except (IndexError, ValueError):
        iterations = ITERATIONS
    return hash_password(secrets.token_urlsafe(16), iterations=iterations)
