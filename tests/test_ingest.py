"""The ingest runner on a folder of every format and of bad files, all built in tmp_path with
text written for these tests; extraction is the real pipeline."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from hoptac.ingest.progress import BarReporter, PlainReporter
from hoptac.ingest.runner import Ingester, Outcome, collect_files, ingest_paths
from hoptac.store import Store

EN = ("The health ministers of Norway and Viet Nam met in Hanoi on Tuesday to discuss the "
      "training of nurses. They agreed to prepare a memorandum of understanding on hospital "
      "management.")
FR = ("Le ministre de la Santé du Sénégal a reçu mardi à Dakar une délégation française. "
      "Les deux parties ont évoqué la formation des médecins et l'accès aux vaccins.")
VI = ("Thứ trưởng Bộ Y tế đã tiếp đoàn công tác của Bộ Y tế Nhật Bản tại Hà Nội. Hai bên "
      "thống nhất tăng cường hợp tác đào tạo nhân lực y tế.")
DE = ("Die Gesundheitsminister aus Österreich und Vietnam trafen sich in Wien, um über die "
      "Ausbildung von Pflegekräften zu sprechen.")


@pytest.fixture
def folder(tmp_path):
    """An input folder apart from the store's database file."""
    path = tmp_path / "input"
    path.mkdir()
    return path


class Recorder(PlainReporter):
    """Plain lines into a buffer, and every outcome kept for assertions."""

    def __init__(self):
        super().__init__(io.StringIO())
        self.outcomes: list[Outcome] = []

    def outcome(self, outcome: Outcome) -> None:
        super().outcome(outcome)
        self.outcomes.append(outcome)

    def lines(self) -> list[str]:
        return self.stream.getvalue().splitlines()


def page(title: str, text: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>Menu</nav><article>"
            f"<h1>{title}</h1><p>{text}</p></article></body></html>")


def warc(pages: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-07-01T00:00:00Z"}))
    return buffer.getvalue()


def build_corpus(root: Path) -> None:
    (root / "good").mkdir()
    (root / "bad").mkdir()
    good, bad = root / "good", root / "bad"
    (good / "oslo.txt").write_text(f" date 2025-03-04 Nurses first\n\n{EN}\n-VNS", "utf-8")
    (good / "dakar.md").write_text(f"# Dakar\n\n{FR}\n", "utf-8")
    (good / "dakar-latin1.txt").write_bytes(FR.replace("Dakar", "Thiès").encode("latin-1"))
    (good / "wien.txt").write_bytes(DE.encode("utf-16"))
    (good / "hanoi.html").write_text(page("Hà Nội", VI), "utf-8")
    (good / "one.json").write_text(json.dumps({"text": EN.replace("Hanoi", "Hue"),
                                               "title": "Hue", "published": "2025-05-06"}))
    (good / "many.jsonl").write_text("\n".join(json.dumps({"text": t, "url": f"https://x/{i}"})
                                               for i, t in enumerate([FR[:120], VI[:90]])))
    (good / "feed.rss").write_text(
        "<rss version='2.0'><channel><title>F</title><item><title>Wien</title>"
        f"<link>https://x/wien</link><description>&lt;p&gt;{DE[:100]}&lt;/p&gt;</description>"
        "</item></channel></rss>", "utf-8")
    (good / "crawl.warc.gz").write_bytes(warc([("https://x/a", page("Oslo", EN[:150])),
                                               ("https://x/b", page("Dakar", FR[:140]))]))
    (good / ".hidden.txt").write_text(EN, "utf-8")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (bad / "broken.json").write_text('{"text": "Ministers met', "utf-8")
    (bad / "nothing.html").write_text("<html><body><div></div></body></html>", "utf-8")
    data = warc([("https://x/c", page("One", EN)), ("https://x/d", page("Two", FR)),
                 ("https://x/e", page("Three", VI))])
    (bad / "cut.warc.gz").write_bytes(data[: len(data) * 3 // 4])
    with (bad / "huge.txt").open("w", encoding="utf-8") as stream:
        for _ in range(50 * 1024):  # 50 MB of words
            stream.write(("health cooperation " * 54)[:1023] + "\n")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    build_corpus(root)
    store = Store(root / "store.db")
    recorder = Recorder()
    summary = ingest_paths(store, [root / "good", root / "bad", root / "missing.txt"],
                           reporter=recorder)
    yield root, store, summary, recorder
    store.close()


def test_batch_summary_counts(batch):
    _, _, summary, _ = batch
    assert (summary.ingested, summary.unchanged) == (13, 0)
    # empty, binary, malformed JSON, no article in HTML, truncated WARC, 50 MB, missing path
    assert summary.failed == 7
    assert summary.line() == "13 ingested, 0 unchanged, 7 failed"


def test_every_format_is_stored_with_the_right_text(batch):
    _, store, _, _ = batch
    ids = {row["id"]: row for row in store.conn.execute("SELECT * FROM articles")}
    assert set(ids) >= {"oslo", "dakar", "dakar-latin1", "wien", "hanoi", "one", "many-1",
                        "many-2", "feed-1", "crawl-1", "crawl-2", "cut-1"}
    assert ids["oslo"]["published"] == "2025-03-04" and ids["oslo"]["agency"] == "VNS"
    assert ids["dakar"]["title"] == "Dakar" and ids["dakar"]["format"] == "markdown"
    assert "Thiès" in ids["dakar-latin1"]["text"]
    assert ids["wien"]["text"] == DE and ids["wien"]["language"] == "de"
    assert ids["hanoi"]["language"] == "vi" and "Nhật Bản" in ids["hanoi"]["text"]
    assert ids["one"]["published"] == "2025-05-06"
    assert ids["many-2"]["url"] == "https://x/1"
    assert ids["feed-1"]["text"] == DE[:100]
    assert ids["crawl-2"]["url"] == "https://x/b" and ids["crawl-2"]["format"] == "warc"
    assert ".hidden" not in ids


def test_every_stored_article_has_its_extraction_and_search_rows(batch):
    _, store, summary, _ = batch
    count = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert count == summary.ingested
    for table in ("extractions", "search_documents"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count


def test_each_failure_is_one_error_line_naming_the_file(batch):
    root, _, _, recorder = batch
    errors = [line for line in recorder.lines() if line.startswith("error: ")]
    assert len(errors) == 7
    by_file = {Path(line.split(": ")[1]).name: line for line in errors}
    assert "empty file" in by_file["empty.txt"]
    assert "binary" in by_file["image.png"]
    assert "malformed JSON" in by_file["broken.json"]
    assert "no article text" in by_file["nothing.html"]
    assert "truncated" in by_file["cut.warc.gz"]
    assert "MB" in by_file["huge.txt"] and "--max-size" in by_file["huge.txt"]
    assert "no such file" in by_file["missing.txt"]


def test_truncated_warc_keeps_only_complete_pages(batch):
    _, store, _, _ = batch
    cut = [r["id"] for r in store.conn.execute("SELECT id FROM articles WHERE id LIKE 'cut-%'")]
    assert 1 <= len(cut) < 3


def test_second_run_changes_nothing(batch):
    root, store, _, _ = batch
    before = store.conn.execute("SELECT id, updated_at FROM articles ORDER BY id").fetchall()
    from_good = store.conn.execute("SELECT count(*) FROM articles WHERE source_path LIKE ?",
                                   (f"{root / 'good'}%",)).fetchone()[0]
    summary = ingest_paths(store, [root / "good"], reporter=Recorder())
    assert (summary.ingested, summary.unchanged, summary.failed) == (0, from_good, 0)
    assert from_good == 11
    after = store.conn.execute("SELECT id, updated_at FROM articles ORDER BY id").fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


def test_changed_file_updates_its_article_under_the_same_id(tmp_path, store):
    path = tmp_path / "note.txt"
    path.write_text(EN, "utf-8")
    ingest_paths(store, [path])
    path.write_text(EN.replace("Norway", "Finland"), "utf-8")
    recorder = Recorder()
    summary = ingest_paths(store, [path], reporter=recorder)
    assert (summary.new, summary.updated) == (0, 1)
    assert recorder.outcomes[0].status == "updated" and recorder.outcomes[0].article_id == "note"
    assert "Finland" in store.get_article("note")["text"]
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_the_store_inside_the_ingested_folder_is_not_an_article(tmp_path):
    store = Store(tmp_path / "hoptac.db")
    (tmp_path / "a.txt").write_text(EN, "utf-8")
    summary = ingest_paths(store, [tmp_path], extract=lambda article: {"countries": []})
    store.close()
    assert (summary.new, summary.failed) == (1, 0)


def test_force_extracts_unchanged_articles_again(folder, store):
    (folder / "a.txt").write_text(FR, "utf-8")
    ingest_paths(store, [folder])
    calls = []
    summary = ingest_paths(store, [folder], force=True,
                           extract=lambda article: calls.append(article.id) or {"countries": []})
    assert (summary.updated, summary.unchanged, calls) == (1, 0, ["a"])
    assert store.get_extraction("a") == {"countries": []}


def test_same_stem_in_two_folders_gets_two_articles(tmp_path, store):
    for folder, text in (("a", EN), ("b", FR)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, "utf-8")
    recorder = Recorder()
    ingest_paths(store, [tmp_path / "a", tmp_path / "b"], reporter=recorder)
    ids = [o.article_id for o in recorder.outcomes]
    assert ids[0] == "report" and ids[1].startswith("report-") and ids[0] != ids[1]
    again = Recorder()
    ingest_paths(store, [tmp_path / "b"], reporter=again)
    assert [(o.status, o.article_id) for o in again.outcomes] == [("unchanged", ids[1])]


def test_a_moved_file_is_recognised_by_its_text_and_a_gone_one_is_kept(tmp_path, store):
    (tmp_path / "a").mkdir()
    first = tmp_path / "a" / "note.txt"
    first.write_text(EN, "utf-8")
    ingest_paths(store, [first])
    first.rename(tmp_path / "note.txt")
    recorder = Recorder()
    ingest_paths(store, [tmp_path / "note.txt"], reporter=recorder)
    assert [o.status for o in recorder.outcomes] == ["unchanged"]
    (tmp_path / "note.txt").write_text(FR, "utf-8")  # another article under the old name
    recorder = Recorder()
    ingest_paths(store, [tmp_path / "note.txt"], reporter=recorder)
    assert [o.status for o in recorder.outcomes] == ["new"]
    assert store.get_article("note")["text"] == EN


def test_same_text_under_another_name_is_unchanged(folder, store):
    (folder / "x.txt").write_text(FR, "utf-8")
    (folder / "y.txt").write_text(FR, "utf-8")
    recorder = Recorder()
    summary = ingest_paths(store, [folder], reporter=recorder)
    assert (summary.new, summary.unchanged) == (1, 1)
    assert "same text as x" in recorder.lines()[1]


def test_failed_extraction_stores_nothing_and_the_batch_goes_on(folder, store):
    (folder / "a.txt").write_text(EN, "utf-8")
    (folder / "b.txt").write_text(FR, "utf-8")

    def extract(article):
        if article.id == "a":
            raise RuntimeError("model crashed")
        from hoptac.extract.pipeline import extract_article

        return extract_article(article)

    ingester = Ingester(store, extract=extract)
    outcomes = [o for path in collect_files([folder]) for o in ingester.ingest_file(path)]
    assert [(o.status, o.article_id) for o in outcomes] == [("failed", "a"), ("new", "b")]
    assert "model crashed" in outcomes[0].reason
    assert store.get_article("a") is None
    assert store.conn.execute(
        "SELECT count(*) FROM search_documents WHERE article_id = 'a'").fetchone()[0] == 0


def test_knowledge_base_is_rebuilt_only_when_something_changed(folder, store, monkeypatch):
    import hoptac.kb.resolve as resolve

    calls = []
    monkeypatch.setattr(resolve, "rebuild_kb", lambda s: calls.append(s) or {})
    (folder / "a.txt").write_text(EN, "utf-8")
    ingest_paths(store, [folder])
    ingest_paths(store, [folder])
    assert calls == [store]


def test_progress_bar_shows_counts_and_error_lines(tmp_path):
    from rich.console import Console

    buffer = io.StringIO()
    reporter = BarReporter(Console(file=buffer, force_terminal=True, width=200))
    reporter.start(2)
    reporter.file_started("a.txt")
    reporter.outcome(Outcome("new", "a.txt", "a"))
    reporter.file_done()
    reporter.outcome(Outcome("failed", "b.txt", reason="empty file"))
    reporter.file_done()
    reporter.finish()
    output = buffer.getvalue()
    assert "error: b.txt: empty file" in output
    assert "2/2" in output and "1 new, 1 failed" in output

