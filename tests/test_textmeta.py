"""Metadata that plain-text articles state in their own text (header, Source line, agency)."""

from __future__ import annotations

import pytest

from conftest import seed_path
from hoptac.ingest.textmeta import date_from_url, parse_text_article

pytestmark = pytest.mark.usefixtures("seed_dir")  # skipped where the shared corpus is absent


def read(prefix: str) -> str:
    return seed_path(prefix).read_bytes().decode("utf-8")


def test_header_with_dateline_is_not_a_title():
    text = read("003")
    meta = parse_text_article(text)
    assert meta.published == "2024-01"
    assert meta.title is None
    assert text[meta.body_start:].startswith("Hanoi (VNA)")
    assert meta.agency == "VNA"


def test_header_with_headline_is_the_title_and_the_body_follows():
    text = read("004")
    meta = parse_text_article(text)
    assert meta.title.startswith("Excellence médicale")
    assert text[meta.body_start:].lstrip().startswith("Une cérémonie")
    assert meta.agency == "CVN"


def test_source_line_and_comment_debris_end_the_body():
    text = read("001")
    meta = parse_text_article(text)
    assert meta.source_url.startswith("https://baodautu.vn/")
    body = text[meta.body_start:meta.body_end]
    assert "Source :" not in body and "Comment (0)" not in body
    assert body.rstrip().endswith("populations.")


def test_english_signature_and_no_header():
    meta = parse_text_article(read("000"))
    assert (meta.published, meta.title, meta.agency) == (None, None, "VNS")


def test_own_articles_in_three_languages():
    english = "Officials from Ghana and Viet Nam met in Accra to talk about midwives.– VNA"
    assert parse_text_article(english).agency == "VNA"
    french = ("Une délégation du Laos a visité l'hôpital de Hué.\n\n"
              "Texte et photos : Lan Anh/CVN\n")
    assert parse_text_article(french).agency == "CVN"
    vietnamese = ("Bộ Y tế và Hàn Quốc ký kết biên bản ghi nhớ về đào tạo điều dưỡng.\n"
                  "Nguồn: https://example.vn/tin/2024/05/17/hop-tac.html\n"
                  "Bình luận (3)\n")
    meta = parse_text_article(vietnamese)
    assert meta.source_url == "https://example.vn/tin/2024/05/17/hop-tac.html"
    assert meta.published == "2024-05-17"
    assert vietnamese[meta.body_start:meta.body_end].endswith("điều dưỡng.\n")


def test_header_after_a_byte_order_mark():
    meta = parse_text_article("\ufeff date 2025-02-03 Talks in Dakar\n\nBody text here.")
    assert (meta.published, meta.title) == ("2025-02-03", "Talks in Dakar")


def test_dates_in_urls():
    assert date_from_url("https://x.vn/a-20250913145859560.htm") == "2025-09-13"
    assert date_from_url("https://x.com/2024/1/22/story") == "2024-01-22"
    assert date_from_url("https://x.com/story-12345.html") is None
    assert date_from_url("https://x.com/a-20251399.htm") is None
