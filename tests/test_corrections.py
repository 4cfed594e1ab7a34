"""Reviewers' corrections: recorded, replayed after re-ingest, reversible."""

from __future__ import annotations

import pytest

from hoptac.kb.corrections import (
    CorrectionError,
    add_correction,
    list_corrections,
    revert_correction,
)
from hoptac.kb.resolve import rebuild_kb
from test_kb_resolve import agreement, doc, holding, items, org, person, save


def minister_articles(store):
    save(store, "en", doc("en", persons=[person("p1", "Trần Văn Thuấn", "VN")],
                          organizations=[org("o1", "Ministry of Health", "VN")]))
    save(store, "fr", doc("fr", persons=[person("p1", "Tran Van Thuan", "VN"),
                                         person("p2", "Thuan Tran", "VN")],
                          organizations=[org("o1", "ministère vietnamien de la Santé")]))
    rebuild_kb(store)


def test_rename_survives_reingest_with_new_local_ids(store):
    minister_articles(store)
    item = holding(store, "person", "en", "p1")
    number = add_correction(store, reviewer="lan", action="rename", target_kind="person",
                            target={"item": item}, payload={"name": "Prof. Trần Văn Thuấn"},
                            reason="full title")
    assert number == 1
    assert next(p for p in items(store, "person") if p["id"] == item)["name"] == \
        "Prof. Trần Văn Thuấn"
    # a better extractor renumbers the persons of the English article
    save(store, "en", doc("en", persons=[person("p7", "Nguyễn Thị Lan", "VN"),
                                         person("p9", "Trần Văn Thuấn", "VN")]))
    rebuild_kb(store)
    renamed = holding(store, "person", "en", "p9")
    assert renamed == item
    assert next(p for p in items(store, "person") if p["id"] == renamed)["name"] == \
        "Prof. Trần Văn Thuấn"
    assert holding(store, "person", "en", "p7") != item


def test_merge_then_undo(store):
    minister_articles(store)
    main = holding(store, "person", "fr", "p1")
    other = holding(store, "person", "fr", "p2")
    assert main != other
    number = add_correction(store, reviewer="an", action="merge", target_kind="person",
                            target={"item": other}, payload={"into": main})
    assert holding(store, "person", "fr", "p2") == main
    merged = next(p for p in items(store, "person") if p["id"] == main)
    assert other in merged["merged_from"]
    revert_correction(store, number, reviewer="an")
    assert holding(store, "person", "fr", "p2") == other
    assert holding(store, "person", "fr", "p1") == main
    log = list_corrections(store)
    assert log[0]["reverted_by"] == "an" and log[0]["reverted_at"]
    assert list_corrections(store, include_reverted=False) == []


def test_split_and_reject_are_replayed_after_reingest(store):
    minister_articles(store)
    ministry = holding(store, "organization", "en", "o1")
    assert ministry == holding(store, "organization", "fr", "o1")
    add_correction(store, reviewer="an", action="split", target_kind="organization",
                   target={"item": ministry}, payload={"documents": ["fr"]},
                   reason="the French article means another ministry")
    assert holding(store, "organization", "fr", "o1") != ministry
    assert holding(store, "organization", "en", "o1") == ministry
    person_id = holding(store, "person", "fr", "p2")
    add_correction(store, reviewer="an", action="reject", target_kind="person",
                   target={"item": person_id})
    assert holding(store, "person", "fr", "p2") is None
    save(store, "fr", doc("fr", persons=[person("p1", "Tran Van Thuan", "VN"),
                                         person("p2", "Thuan Tran", "VN")],
                          organizations=[org("o1", "ministère vietnamien de la Santé")]))
    stats = rebuild_kb(store)
    assert stats["corrections_applied"] == 2
    assert holding(store, "organization", "fr", "o1") != ministry
    assert holding(store, "person", "fr", "p2") is None


def test_set_status_becomes_current_and_enters_history(store):
    save(store, "a", doc("en", agreements=[agreement("a1", "mou", "draft")]))
    rebuild_kb(store)
    item = holding(store, "agreement", "a", "a1")
    number = add_correction(store, reviewer="an", action="set_status", target_kind="agreement",
                            target={"item": item},
                            payload={"status": "signed", "date": "2025-12-02"})
    agreement_item = items(store, "agreement")[0]
    assert agreement_item["status"] == "signed"
    sources = [r["source"] for r in store.conn.execute(
        "SELECT source FROM agreement_history WHERE item_id = ? ORDER BY rowid", (item,))]
    assert sources == ["extraction", "correction"]
    revert_correction(store, number, reviewer="an")
    assert items(store, "agreement")[0]["status"] == "draft"


def test_bad_corrections_are_refused(store):
    minister_articles(store)
    item = holding(store, "person", "en", "p1")
    with pytest.raises(CorrectionError):
        add_correction(store, reviewer="an", action="explode", target_kind="person",
                       target={"item": item})
    with pytest.raises(CorrectionError):
        add_correction(store, reviewer="an", action="confirm", target_kind="person",
                       target={"item": "per-nobody-00000000"})
    with pytest.raises(CorrectionError):
        add_correction(store, reviewer="an", action="set_status", target_kind="person",
                       target={"item": item}, payload={"status": "signed"})
    assert list_corrections(store) == []
