"""The benchmark command and extraction in several processes (structure, never timings)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hoptac.cli import app
from hoptac.extract.parallel import extract_in_processes
from hoptac.ingest.readers import read_path
from seeds import seed_path

runner = CliRunner()


def test_bench_prints_throughput_and_memory_for_both_pipelines(seed_dir):
    result = runner.invoke(app, ["bench", str(seed_path("000")), "--repeat", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("hoptac bench: 1 articles")
    assert "articles/s" in lines[1] and "words/s" in lines[1] and "peak RSS" in lines[1]
    assert any(line.startswith("spaCy (bare)") for line in lines)
    assert any(line.startswith("hoptac extract") for line in lines)
    assert "of bare spaCy" in lines[-1]


def test_bench_json_with_workers_reports_each_worker(seed_dir):
    files = [str(seed_path("000")), str(seed_path("003"))]
    result = runner.invoke(app, ["bench", *files, "--workers", "2", "--repeat", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 2 and report["workers"] == 2
    assert report["throughput_ratio"] > 0 and report["cpu_throughput_ratio"] > 0
    assert report["languages"] == {"en": 1, "fr": 1}
    seeds = map(seed_path, ("000", "003"))
    assert report["words"] == sum(len(p.read_text(encoding="utf-8").split()) for p in seeds)
    for run in report["runs"]:
        assert len(run["seconds"]) == 2 and len(run["cpu_seconds"]) == 2
        assert all(cpu > 0 for cpu in run["cpu_seconds"])  # the workers' CPU time, not ours
        assert len(run["worker_peak_rss_mib"]) == 2
        assert all(mib > 50 for mib in run["worker_peak_rss_mib"])  # each loaded a model
        assert run["articles_per_s"] > 0 and run["words_per_s"] > run["articles_per_s"]


def test_bench_defaults_to_the_seed_corpus(seed_dir, monkeypatch):
    monkeypatch.setenv("HOPTAC_SHARED", str(seed_dir.parent.parent))
    from hoptac.bench import default_corpus

    assert default_corpus() == seed_dir


@pytest.mark.slow
def test_processes_give_the_same_documents_in_order(seed_dir):
    articles = [a for prefix in ("003", "000", "004") for a in read_path(seed_path(prefix))]
    in_process = extract_in_processes(articles, 1)
    in_workers = extract_in_processes(articles, 2)
    assert [d["facts"] for d in in_workers] == [d["facts"] for d in in_process]
    assert [d["areas"] for d in in_workers] == [d["areas"] for d in in_process]
    assert in_workers[1]["document"]["language"] == "en"


def test_extract_command_accepts_workers(seed_dir, tmp_path):
    files = [str(seed_path("000")), str(seed_path("003"))]
    result = runner.invoke(app, ["extract", *files, "--out", str(tmp_path), "--workers", "2"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("*.json"))
    assert written == sorted(f"{seed_path(p).stem}.json" for p in ("000", "003"))
    document = json.loads((tmp_path / f"{seed_path('000').stem}.json").read_text())
    assert [f["value"] for f in document["facts"]] == [114, 260]
