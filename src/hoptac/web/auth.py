"""Reviewers: argon2 password hashes, cookie sessions and CSRF tokens.

Anonymous visitors read. Writing (corrections) needs a session; every form and write request
carries a CSRF token checked here. Before login the token is a double-submit cookie; after login
it is the one stored with the session.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, Request

from hoptac.store.db import now_iso

SESSION_COOKIE = "hoptac_session"
CSRF_COOKIE = "hoptac_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SESSION_HOURS = 12
USERNAME_MAX = 64

_hasher = PasswordHasher()


@dataclass
class User:
    username: str
    csrf: str


class UserError(ValueError):
    """A user that cannot be created (bad name, empty password, already exists)."""


def add_user(conn: sqlite3.Connection, username: str, password: str) -> None:
    """Create a reviewer with an argon2 hash of `password`."""
    username = username.strip()
    if not username or len(username) > USERNAME_MAX or not username.isprintable():
        raise UserError(f"invalid user name: {username!r}")
    if not password:
        raise UserError("empty password")
    try:
        conn.execute("INSERT INTO users (username, password_hash, created_at) VALUES (?,?,?)",
                     (username, _hasher.hash(password), now_iso()))
    except sqlite3.IntegrityError as err:
        raise UserError(f"user {username!r} already exists") from err


def check_password(conn: sqlite3.Connection, username: str, password: str) -> bool:
    row = conn.execute("SELECT password_hash FROM users WHERE username = ?",
                       (username,)).fetchone()
    if row is None:
        _hasher.hash(password)  # same work as a real check: no user enumeration by timing
        return False
    try:
        _hasher.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return False
    if _hasher.check_needs_rehash(row["password_hash"]):  # argon2 parameters were raised
        conn.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                     (_hasher.hash(password), username))
    return True


def open_session(conn: sqlite3.Connection, username: str) -> tuple[str, str]:
    """A new session for `username`: (cookie token, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(hours=SESSION_HOURS)
    conn.execute("DELETE FROM sessions WHERE expires_at < ?", (now_iso(),))
    conn.execute("INSERT INTO sessions (token, username, csrf, expires_at) VALUES (?,?,?,?)",
                 (token, username, csrf, expires.replace(microsecond=0).isoformat()))
    return token, csrf


def close_session(conn: sqlite3.Connection, token: str | None) -> None:
    if token:
        conn.execute("DELETE FROM sessions WHERE token = ?", (token,))


def session_user(conn: sqlite3.Connection, request: Request) -> User | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    row = conn.execute("SELECT username, csrf FROM sessions WHERE token = ? AND expires_at > ?",
                       (token, now_iso())).fetchone()
    return User(row["username"], row["csrf"]) if row else None


def expected_csrf(request: Request, user: User | None) -> str | None:
    return user.csrf if user else request.cookies.get(CSRF_COOKIE)


def check_csrf(request: Request, user: User | None, submitted: str | None) -> None:
    """403 unless the submitted token matches the session's (or the pre-login cookie's)."""
    expected = expected_csrf(request, user)
    if not expected or not submitted or not secrets.compare_digest(expected, submitted):
        raise HTTPException(status_code=403, detail="missing or invalid CSRF token")


def require_user(user: User | None) -> User:
    if user is None:
        raise HTTPException(status_code=401, detail="login required")
    return user


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(32)
