"""`hoptac ingest|search|show|stats` end to end on the seed articles (ingested once per
module: extraction loads spaCy) and on bad files built in tmp_path."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hoptac.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seeded(seed_dir, tmp_path_factory):
    """A store with the seeds ingested, and the results of ingesting them twice."""
    db = tmp_path_factory.mktemp("seeded") / "hoptac.db"
    first = runner.invoke(app, ["ingest", str(seed_dir), "--db", str(db)])
    second = runner.invoke(app, ["ingest", str(seed_dir), "--db", str(db)])
    return db, first, second


def run(db, *args):
    return runner.invoke(app, [*args, "--db", str(db)])


def test_seeds_ingest_once_then_are_unchanged(seeded):
    _, first, second = seeded
    assert first.exit_code == 0, first.output
    assert first.stdout.strip().splitlines()[-1] == "5 ingested, 0 unchanged, 0 failed"
    assert second.exit_code == 0
    assert second.stdout.strip().splitlines()[-1] == "0 ingested, 5 unchanged, 0 failed"
    assert second.stderr.count("unchanged") == 5  # plain progress lines: stderr is no terminal


def test_search_without_diacritics_finds_the_deputy_minister_in_both_seeds(seeded, seed_dir):
    db, _, _ = seeded
    result = run(db, "search", "Thuan", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert {hit["id"][:3] for hit in hits} == {"000", "001"}
    for hit in hits:
        text = next(seed_dir.glob(f"{hit['id']}.*")).read_bytes().decode("utf-8")
        start, end = hit["match_offsets"][0]
        assert text[start:end] in ("Thuấn", "Thuan")


def test_search_prints_highlighted_snippets(seeded):
    db, _, _ = seeded
    result = run(db, "search", "Thuấn", "--limit", "1")
    assert result.exit_code == 0
    assert "**Thu" in result.stdout


def test_search_filters_by_language(seeded):
    db, _, _ = seeded
    hits = json.loads(run(db, "search", "Thuan", "--language", "en", "--json").stdout)
    assert [hit["id"][:3] for hit in hits] == ["000"]
    french = json.loads(run(db, "search", "sante", "--language", "fr", "--json").stdout)
    assert french and all(hit["language"] == "fr" for hit in french)


def test_search_syntax_error_is_one_line(seeded):
    db, _, _ = seeded
    result = run(db, "search", '"Thuan')
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_show_gives_metadata_and_extraction_summary(seeded):
    db, _, _ = seeded
    result = run(db, "show", "004")
    assert result.exit_code == 0
    assert "2025-11-13" in result.stdout and "CVN" in result.stdout
    for kind in ("persons", "organizations", "events", "agreements", "facts"):
        assert kind in result.stdout
    missing = run(db, "show", "999")
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no article")


def test_stats_counts_articles_by_language(seeded):
    db, _, _ = seeded
    figures = json.loads(run(db, "stats", "--json").stdout)
    assert figures["articles"] == 5
    assert figures["languages"] == {"fr": 4, "en": 1}
    plain = run(db, "stats").stdout
    assert "articles" in plain and "knowledge base" in plain


def test_reading_commands_need_an_existing_store(tmp_path):
    for command in (["search", "x"], ["show", "x"], ["stats"]):
        result = run(tmp_path / "none.db", *command)
        assert result.exit_code == 1 and result.stderr.startswith("error: no store at")
    assert not (tmp_path / "none.db").exists()


def test_bad_files_give_one_error_line_each_and_exit_1(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "blob.bin").write_bytes(bytes(range(256)) * 16)
    (inputs / "broken.json").write_text("[{]", "utf-8")
    (inputs / "big.txt").write_text("santé publique " * 100_000, "utf-8")
    result = runner.invoke(app, ["ingest", str(inputs), str(tmp_path / "none"), "--db",
                                 str(tmp_path / "h.db"), "--max-size", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 5
    assert any("big.txt" in line and "1 MB limit" in line for line in errors)
    assert result.stdout.strip() == "0 ingested, 0 unchanged, 5 failed"


def test_size_and_length_limits_refuse_whole_articles_and_can_be_raised(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("Le ministre de la Santé a reçu une délégation à Dakar. " * 400, "utf-8")
    db = str(tmp_path / "h.db")

    def ingest(*options):
        return runner.invoke(app, ["ingest", str(long), "--db", db, *options])

    too_big = ingest("--max-size", "0.01")
    assert too_big.exit_code == 1 and "--max-size" in too_big.stderr
    too_long = ingest("--max-chars", "10000")
    assert too_long.exit_code == 1 and "--max-chars" in too_long.stderr
    assert json.loads(run(db, "stats", "--json").stdout)["articles"] == 0
    accepted = ingest("--max-size", "0.1")
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout.strip() == "1 ingested, 0 unchanged, 0 failed"
