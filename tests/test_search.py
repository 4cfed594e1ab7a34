"""Full-text search: folding, query preparation, ranking, filters, snippets into the original."""

from __future__ import annotations

import pytest

from hoptac.model import Article
from hoptac.store.search import (
    SearchError,
    fold,
    make_snippet,
    prepare_query,
    refresh_index,
    render_snippet,
    search_articles,
)

ARTICLES = [
    Article(id="vi-1", language="vi", published="2025-11-06", title="Thứ trưởng tiếp đoàn Pháp",
            text="Thứ trưởng Bộ Y tế Trần Văn Thuấn đã tiếp đoàn công tác của Pháp tại Đà Nẵng "
                 "để bàn về đào tạo bác sĩ."),
    Article(id="fr-1", language="fr", published="2025-10",
            text="Le vice-ministre Tran Van Thuan a reçu à Hanoï une délégation de la santé "
                 "publique française.\n\nLes deux parties ont évoqué la formation des "
                 "infirmiers et le cœur du futur accord."),
    Article(id="en-1", language="en", published="2024-03-02", title="Santé talks",
            text="Officials from Senegal and Japan discussed public health financing and "
                 "vaccine supply chains in Dakar."),
    Article(id="en-2", language="en", published=None,
            text="An undated note about nurses, nurses and more nurses in the health sector."),
]
COUNTRIES = {"vi-1": ["VN", "FR"], "fr-1": ["VN", "FR"], "en-1": ["SN", "JP"], "en-2": []}


@pytest.fixture
def filled(store):
    for article in ARTICLES:
        store.store_article(article, {"countries": COUNTRIES[article.id]}, "test")
    return store


def ids(hits):
    return [hit["id"] for hit in hits]


def test_fold_removes_diacritics_including_d_stroke():
    assert fold("Trần Văn Thuấn, Đà Nẵng, santé, cœur") == "Tran Van Thuan, Da Nang, sante, coeur"


def test_search_ignores_diacritics_and_case_both_ways(filled):
    assert sorted(ids(search_articles(filled.conn, "Thuan"))) == ["fr-1", "vi-1"]
    assert sorted(ids(search_articles(filled.conn, "thuấn"))) == ["fr-1", "vi-1"]
    assert ids(search_articles(filled.conn, "da nang")) == ["vi-1"]
    assert ids(search_articles(filled.conn, "ĐÀ NẴNG")) == ["vi-1"]
    assert set(ids(search_articles(filled.conn, "sante"))) == {"fr-1", "en-1"}
    assert ids(search_articles(filled.conn, "coeur")) == ["fr-1"]


def test_title_match_and_frequency_rank_higher(filled):
    hits = search_articles(filled.conn, "nurses OR sante OR infirmiers")
    assert ids(hits)[0] in ("en-1", "en-2")
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_snippet_is_original_text_with_the_match_highlighted(filled):
    [hit] = [h for h in search_articles(filled.conn, "Thuan") if h["id"] == "vi-1"]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "Thuấn"
    text = ARTICLES[0].text
    a, b = hit["match_offsets"][0]
    assert text[a:b] == "Thuấn"
    assert "<mark>Thuấn</mark>" in hit["snippet_html"]


def test_consecutive_matched_words_are_one_highlight(filled):
    [hit] = search_articles(filled.conn, "tran van thuan", language="vi")
    a, b = hit["highlights"][0]
    assert hit["snippet"][a:b] == "Trần Văn Thuấn"
    assert not hit["snippet"].endswith(" ")


def test_snippet_collapses_newlines_and_keeps_offsets(filled):
    [hit] = search_articles(filled.conn, "infirmiers")
    assert "\n" not in hit["snippet"]
    a, b = hit["highlights"][0]
    assert hit["snippet"][a:b] == "infirmiers"


def test_phrase_prefix_and_punctuated_words(filled):
    assert ids(search_articles(filled.conn, '"santé publique"')) == ["fr-1"]
    assert set(ids(search_articles(filled.conn, "vacc*"))) == {"en-1"}
    assert ids(search_articles(filled.conn, "vice-ministre")) == ["fr-1"]
    assert ids(search_articles(filled.conn, "l'OMS")) == []


def test_filters_language_country_and_dates(filled):
    conn = filled.conn
    assert ids(search_articles(conn, "Thuan", language="vi")) == ["vi-1"]
    assert set(ids(search_articles(conn, "health OR sante OR Thuan", country="sn"))) == {"en-1"}
    assert set(ids(search_articles(conn, "Thuan", since="2025-10-15"))) == {"fr-1", "vi-1"}
    assert ids(search_articles(conn, "Thuan", since="2025-11-01")) == ["vi-1"]
    assert ids(search_articles(conn, "Thuan", until="2025-10-31")) == ["fr-1"]
    assert ids(search_articles(conn, "health OR sante", until="2024")) == ["en-1"]
    assert ids(search_articles(conn, "nurses", since="2000")) == []  # undated: excluded


def test_limit_and_offset_page_through(filled):
    everything = ids(search_articles(filled.conn, "Thuan OR nurses OR sante"))
    first = ids(search_articles(filled.conn, "Thuan OR nurses OR sante", limit=2))
    rest = ids(search_articles(filled.conn, "Thuan OR nurses OR sante", limit=10, offset=2))
    assert first + rest == everything and len(first) == 2


@pytest.mark.parametrize("query", ['"unclosed', "(Thuan", "AND", "NOT OR"])
def test_bad_fts_syntax_is_a_search_error(filled, query):
    with pytest.raises(SearchError) as caught:
        search_articles(filled.conn, query)
    assert "\n" not in str(caught.value)


def test_bad_dates_and_empty_queries(filled):
    with pytest.raises(SearchError, match="--since"):
        search_articles(filled.conn, "Thuan", since="last week")
    with pytest.raises(SearchError, match="nothing to search"):
        search_articles(filled.conn, " «» ")


def test_prepare_query_keeps_operators_and_quotes_punctuation():
    assert prepare_query('Thuấn AND "santé publique" OR vacc*') == (
        'Thuan AND "sante publique" OR vacc*')
    assert prepare_query("Vietnam-France l'OMS") == '"Vietnam France" "l OMS"'


def test_articles_saved_without_index_are_indexed_at_search(store):
    article = ARTICLES[2]
    with store.transaction():
        store.save_article(article, None, "test")
    assert ids(search_articles(store.conn, "Dakar")) == ["en-1"]
    assert refresh_index(store.conn) == 0
    changed = Article(id="en-1", text="Now about Lomé and Accra.", language="en")
    with store.transaction():
        store.save_article(changed, None, "test")
    assert ids(search_articles(store.conn, "Dakar")) == []
    assert ids(search_articles(store.conn, "Lome")) == ["en-1"]


def test_make_snippet_cuts_long_text_around_matches():
    text = "intro " * 100 + "Thuấn spoke here. " + "outro " * 100
    start = text.index("Thuấn")
    snippet = make_snippet(text, [(start, start + 5)], width=80)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) <= 82
    assert render_snippet(snippet, "[", "]").count("[Thuấn]") == 1
