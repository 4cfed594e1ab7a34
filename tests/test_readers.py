"""Readers: every format built here in tmp_path, with text written for these tests."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from hoptac.ingest.readers import IngestError, iter_articles, read_path
from seeds import seed_path

EN = ("The health ministers of Norway and Viet Nam met in Hà Nội on Tuesday to discuss the "
      "training of nurses. They agreed to prepare a memorandum of understanding on hospital "
      "management, which officials expect to sign next spring.")
FR = ("Le ministre de la Santé du Sénégal a reçu mardi à Dakar une délégation française. "
      "Les deux parties ont évoqué la formation des médecins et l'accès aux vaccins, "
      "ainsi qu'un futur accord de coopération hospitalière.")
VI = ("Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên đã tiếp đoàn công tác của Bộ Y tế Nhật Bản tại Hà Nội. "
      "Hai bên thống nhất tăng cường hợp tác trong đào tạo nhân lực y tế và chuyển giao "
      "công nghệ.")


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def only(path: Path):
    items = list(iter_articles(path))
    assert len(items) == 1, items
    return items[0]


def html_page(title: str, body: str, published: str = "2025-03-04") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split(". "))
    return (f"<!DOCTYPE html><html><head><title>{title} | Site</title>"
            f'<meta property="article:published_time" content="{published}T08:00:00Z">'
            f"</head><body><nav>Home | World | Health</nav><article><h1>{title}</h1>"
            f"{paragraphs}</article><footer>All rights reserved</footer></body></html>")


# --- plain text and markdown --------------------------------------------------------------

def test_seed_text_is_kept_exactly_with_its_metadata(seed_dir):
    path = seed_path("004")
    [article] = read_path(path)
    assert article.text == path.read_bytes().decode("utf-8")
    assert article.id == path.stem
    assert article.format == "text"
    assert article.published == "2025-11-13"
    assert article.title.startswith("Excellence médicale")
    assert article.agency == "CVN"
    assert article.language == "fr"


def test_seed_with_source_line_gets_url_and_date_from_it(seed_dir):
    [article] = read_path(seed_path("002"))
    assert article.url.startswith("https://dantri.com.vn/")
    assert article.published == "2025-09-13"


@pytest.mark.parametrize("text,language", [(EN, "en"), (FR, "fr"), (VI, "vi")])
def test_text_language_is_identified(tmp_path, text, language):
    article = only(write(tmp_path / "a.txt", text))
    assert article.language == language
    assert article.text == text


def test_markdown_heading_becomes_the_title(tmp_path):
    article = only(write(tmp_path / "note.md", f"# Talks in Dakar\n\n{FR}\n"))
    assert article.format == "markdown"
    assert article.title == "Talks in Dakar"
    assert article.text.startswith("# Talks in Dakar")


def test_markdown_starting_with_inline_markup_stays_markdown(tmp_path):
    text = f"<!-- draft -->\n# Dakar\n\n{FR}\n"
    article = only(write(tmp_path / "note.md", text))
    assert article.format == "markdown" and article.text == text


def test_windows_newlines_are_kept_so_offsets_match_the_file(tmp_path):
    article = only(write(tmp_path / "crlf.txt", EN.replace(". ", ".\r\n").encode("utf-8")))
    assert "\r\n" in article.text


# --- encodings and bad input ---------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-8-sig"])
def test_legacy_and_utf16_encodings_are_decoded(tmp_path, encoding):
    text = FR.replace("'", "’") if encoding not in ("latin-1",) else FR
    article = only(write(tmp_path / "fr.txt", text.encode(encoding)))
    assert not isinstance(article, IngestError), article
    assert article.text.lstrip("\ufeff") == text
    assert article.language == "fr"


def test_utf8_with_one_damaged_byte_stays_utf8(tmp_path):
    data = VI.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    article = only(write(tmp_path / "vi.txt", data))
    assert "\ufffd" in article.text and "Nhật Bản" in article.text


def test_utf8_bom_is_kept_and_the_header_still_read(tmp_path):
    article = only(write(tmp_path / "bom.txt", f" date 2025-02-03 Talks in Dakar\n\n{FR}"
                                                .encode("utf-8-sig")))
    assert article.text.startswith("\ufeff")
    assert article.published == "2025-02-03"
    assert article.title == "Talks in Dakar"


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\n\t ", "no text"),
    (bytes(range(256)) * 40, "binary"),
    (b"%PDF-1.7\n" + bytes(range(0, 32)) * 300, "binary"),
])
def test_unreadable_files_give_one_reason(tmp_path, content, reason):
    error = only(write(tmp_path / "bad.txt", content))
    assert isinstance(error, IngestError)
    assert reason in error.reason
    assert "\n" not in str(error)


def test_missing_path_and_oversized_file(tmp_path):
    assert "no such file" in only(tmp_path / "nowhere.txt").reason
    big = write(tmp_path / "big.txt", EN * 10)
    [error] = list(iter_articles(big, max_size=100))
    assert isinstance(error, IngestError) and "limit" in error.reason


def test_read_path_raises_the_error(tmp_path):
    with pytest.raises(IngestError, match="empty file"):
        read_path(write(tmp_path / "e.txt", b""))


# --- HTML ----------------------------------------------------------------------------------

def test_html_page_gives_title_date_and_main_text(tmp_path):
    article = only(write(tmp_path / "page.html", html_page("Ministers meet in Oslo", EN)))
    assert article.format == "html"
    assert article.title == "Ministers meet in Oslo"
    assert article.published == "2025-03-04"
    assert "memorandum of understanding" in article.text
    assert "All rights reserved" not in article.text and "Home | World" not in article.text


def test_html_is_recognised_by_content_without_suffix(tmp_path):
    article = only(write(tmp_path / "page", html_page("Délégation à Dakar", FR)))
    assert article.format == "html" and article.language == "fr"


def test_html_declared_legacy_charset(tmp_path):
    page = html_page("Santé", FR).replace("<head>", '<head><meta charset="windows-1252">')
    article = only(write(tmp_path / "p.htm", page.encode("cp1252")))
    assert "Sénégal" in article.text


def test_malformed_html_without_article_fails_cleanly(tmp_path):
    error = only(write(tmp_path / "broken.html", "<html><body><div><p>x</b></td>"))
    assert isinstance(error, IngestError) and "no article text" in error.reason


def test_html_cut_mid_tag_still_gives_its_text(tmp_path):
    page = html_page("Oslo", EN)
    article = only(write(tmp_path / "cut.html", page[: page.index("</article>") - 3]))
    assert article.format == "html" and "training of nurses" in article.text


# --- JSON and JSONL ------------------------------------------------------------------------

def test_json_single_record_keeps_its_metadata(tmp_path):
    record = {"text": EN, "title": "Oslo talks", "url": "https://example.org/oslo",
              "published": "2025-04-01T09:00:00+02:00", "language": "en"}
    article = only(write(tmp_path / "oslo.json", json.dumps(record)))
    assert (article.id, article.text, article.title, article.url, article.published,
            article.language) == ("oslo", EN, "Oslo talks", "https://example.org/oslo",
                                  "2025-04-01", "en")


def test_json_list_numbers_records_and_reports_bad_ones(tmp_path):
    records = [{"text": EN}, {"title": "no text here"}, {"text": VI, "published": "hôm qua?"}]
    items = list(iter_articles(write(tmp_path / "batch.json", json.dumps(records))))
    assert [getattr(i, "id", None) for i in items] == ["batch-1", None, "batch-3"]
    assert "record 2" in items[1].reason
    assert items[2].language == "vi"


def test_jsonl_streams_records_and_reports_malformed_lines(tmp_path):
    lines = [json.dumps({"text": FR}), "{not json", "", json.dumps({"text": EN, "lang": "en"})]
    items = list(iter_articles(write(tmp_path / "feed.jsonl", "\n".join(lines))))
    assert [getattr(i, "id", None) for i in items] == ["feed-1", None, "feed-3"]
    assert "record 2: malformed JSON" in items[1].reason


def test_json_records_wrapped_under_a_key(tmp_path):
    data = {"source": "export", "articles": [{"text": EN}, {"text": FR}]}
    items = list(iter_articles(write(tmp_path / "export.json", json.dumps(data))))
    assert [(a.id, a.language) for a in items] == [("export-1", "en"), ("export-2", "fr")]


def test_jsonl_record_over_the_size_limit_is_refused_alone(tmp_path):
    lines = [json.dumps({"text": EN}), json.dumps({"text": FR * 20}), json.dumps({"text": VI})]
    path = write(tmp_path / "big.jsonl", "\n".join(lines))
    items = list(iter_articles(path, max_size=1000))
    assert [getattr(i, "id", None) for i in items] == ["big-1", None, "big-3"]
    assert "record 2: larger than the size limit" in items[1].reason


def test_malformed_json_file(tmp_path):
    error = only(write(tmp_path / "bad.json", '{"text": "unterminated'))
    assert isinstance(error, IngestError) and "malformed JSON" in error.reason


# --- feeds ---------------------------------------------------------------------------------

def test_rss_items_are_articles_with_html_stripped(tmp_path):
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Health news</title><language>fr</language>
<item><title>Dakar</title><link>https://example.org/dakar</link>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{FR}</p><p>Deuxième <b>paragraphe</b>.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://example.org/empty</link></item>
</channel></rss>"""
    items = list(iter_articles(write(tmp_path / "news.xml", rss)))
    first, second = items
    assert (first.id, first.title, first.url, first.published, first.format) == (
        "news-1", "Dakar", "https://example.org/dakar", "2025-03-04", "feed")
    assert first.text == f"{FR}\n\nDeuxième paragraphe."
    assert isinstance(second, IngestError) and "item 2" in second.reason


def test_atom_feed_recognised_by_content(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
<updated>2025-05-02T00:00:00Z</updated>
<entry><title>Oslo</title><id>urn:1</id><updated>2025-05-02T00:00:00Z</updated>
<link href="https://example.org/oslo"/><summary type="html">&lt;p&gt;{EN}&lt;/p&gt;</summary>
</entry></feed>"""
    article = only(write(tmp_path / "atom.txt", atom))
    assert article.format == "feed" and article.text == EN and article.published == "2025-05-02"


def test_malformed_feed(tmp_path):
    error = only(write(tmp_path / "bad.rss", "<rss><channel><item><title>x"))
    assert isinstance(error, IngestError) and "feed" in error.reason


# --- WARC ----------------------------------------------------------------------------------

def warc_bytes(pages: list[tuple[str, str]], gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for number, (url, html) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": f"2025-06-0{number + 1}T10:00:00Z"}))
    moved = StatusAndHeaders("301 Moved Permanently", [("Content-Type", "text/html"),
                             ("Location", "https://example.org/a")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "http://example.org/a", "response",
        payload=io.BytesIO(b"<html><body>Moved to the new address of this page</body></html>"),
        http_headers=moved))
    robots = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://example.org/robots.txt", "response", payload=io.BytesIO(b"User-agent: *"),
        http_headers=robots))
    return buffer.getvalue()


PAGES = [("https://example.org/a", html_page("Oslo", EN, "2025-01-15")),
         ("https://example.org/b", html_page("Dakar", FR).replace(
             '<meta property="article:published_time" content="2025-03-04T08:00:00Z">', "")),
         ("https://example.org/c", html_page("Hà Nội", VI, "2025-02-20"))]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_are_articles(tmp_path, gz):
    path = write(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), warc_bytes(PAGES, gz))
    items = list(iter_articles(path))
    assert [a.id for a in items] == ["crawl-1", "crawl-2", "crawl-3"]
    assert [a.url for a in items] == [url for url, _ in PAGES]
    assert items[0].published == "2025-01-15"
    assert items[1].published == "2025-06-02"  # no date in the page: the capture date
    assert [a.language for a in items] == ["en", "fr", "vi"]


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_complete_records_and_reports_the_cut(tmp_path, gz):
    data = warc_bytes(PAGES, gz)
    whole = list(iter_articles(write(tmp_path / "w.warc", data)))
    path = write(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), data[: len(data) * 2 // 3])
    items = list(iter_articles(path))
    *articles, error = items
    assert isinstance(error, IngestError) and "truncated" in error.reason
    assert articles and all(not isinstance(a, IngestError) for a in articles)
    assert len(articles) < len(whole)
    for article, complete in zip(articles, whole, strict=False):
        assert article.text == complete.text


def test_gzip_that_is_not_warc(tmp_path):
    error = only(write(tmp_path / "x.gz", gzip.compress(EN.encode())))
    assert isinstance(error, IngestError) and "not a WARC" in error.reason


def test_warc_suffix_with_garbage(tmp_path):
    error = only(write(tmp_path / "x.warc", EN))
    assert isinstance(error, IngestError)
