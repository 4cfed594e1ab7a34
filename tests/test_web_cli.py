"""`hoptac user add` and `hoptac serve`'s application factory."""

from __future__ import annotations

from typer.testing import CliRunner

from hoptac.cli import app
from hoptac.store import Store
from hoptac.web import auth

runner = CliRunner()


def test_user_add_reads_the_password_from_stdin(tmp_path):
    db = tmp_path / "users.db"
    result = runner.invoke(app, ["user", "add", "lan", "--db", str(db), "--password-stdin"],
                           input="mật khẩu dài\n")
    assert result.exit_code == 0, result.output
    store = Store(db)
    try:
        stored = store.conn.execute("SELECT password_hash FROM users WHERE username = 'lan'")
        assert stored.fetchone()["password_hash"].startswith("$argon2")
        assert auth.check_password(store.conn, "lan", "mật khẩu dài")
        assert not auth.check_password(store.conn, "lan", "mật khẩu")
    finally:
        store.close()


def test_user_add_prompts_twice_for_the_password(tmp_path):
    db = tmp_path / "users.db"
    result = runner.invoke(app, ["user", "add", "marie", "--db", str(db)],
                           input="s3cret-pass\ns3cret-pass\n")
    assert result.exit_code == 0, result.output
    store = Store(db)
    try:
        assert auth.check_password(store.conn, "marie", "s3cret-pass")
    finally:
        store.close()


def test_user_add_refuses_a_duplicate_or_an_empty_password(tmp_path):
    db = str(tmp_path / "users.db")
    args = ["user", "add", "lan", "--db", db, "--password-stdin"]
    assert runner.invoke(app, args, input="one\n").exit_code == 0
    again = runner.invoke(app, args, input="two\n")
    assert again.exit_code == 1 and "already exists" in again.output
    empty = runner.invoke(app, ["user", "add", "hoa", "--db", db, "--password-stdin"], input="\n")
    assert empty.exit_code == 1 and "empty password" in empty.output


def test_serve_is_a_command_with_host_and_port():
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output and "--db" in result.output


def test_a_hash_with_weaker_parameters_is_upgraded_at_login(store):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("mot de passe")
    store.conn.execute("INSERT INTO users VALUES ('old', ?, '2025-01-01T00:00:00+00:00')",
                       (weak,))
    assert not auth.check_password(store.conn, "old", "wrong")
    assert auth.check_password(store.conn, "old", "mot de passe")
    upgraded = store.conn.execute("SELECT password_hash FROM users WHERE username = 'old'")
    new_hash = upgraded.fetchone()[0]
    assert new_hash != weak and not PasswordHasher().check_needs_rehash(new_hash)
    assert auth.check_password(store.conn, "old", "mot de passe")
