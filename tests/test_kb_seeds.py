"""The knowledge base built by ingesting the seed articles (extraction included)."""

from __future__ import annotations

import json

import pytest

from hoptac.kb.corrections import add_correction
from hoptac.kb.export import export_kb
from hoptac.kb.resolve import rebuild_kb


def documents_of(kb: dict, kind: str, name_part: str) -> list[list[str]]:
    return [[d[:3] for d in item["documents"]] for item in kb[kind]
            if any(name_part in n for n in [item["name"], *item["aliases"]])]


@pytest.mark.slow
def test_seed_knowledge_base_links_across_articles_and_languages(store, seed_dir):
    from hoptac.ingest.runner import ingest_paths

    ingest_paths(store, [seed_dir])
    kb = export_kb(store)
    # the deputy minister, in the English and a French article
    assert ["000", "001"] in documents_of(kb, "persons", "Thuấn")
    # the Vietnamese ministry of health in three articles, two languages; Russia's apart
    vietnam = next(i for i in kb["organizations"] if set(d[:3] for d in i["documents"])
                   >= {"000", "001", "002"})
    russia = documents_of(kb, "organizations", "russe de la Santé")
    assert russia and all(docs == ["002"] for docs in russia)
    assert not any("russe" in n for n in [vietnam["name"], *vietnam["aliases"]])
    # one France-Vietnam intergovernmental agreement, reported three times
    (intergovernmental,) = [a for a in kb["agreements"]
                            if a["kind"] in ("intergovernmental_agreement",
                                             "framework_agreement")]
    assert [d[:3] for d in intergovernmental["documents"]] == ["000", "001", "004"]
    assert len(intergovernmental["history"]) == 3
    # two memoranda between France and Vietnam (social security, Clermont) stay apart
    assert all(len(a["documents"]) == 1 for a in kb["agreements"]
               if a is not intergovernmental)


@pytest.mark.slow
def test_seed_correction_survives_reingest(store, seed_dir, tmp_path):
    from hoptac.ingest.runner import ingest_paths

    ingest_paths(store, [seed_dir])
    kb = export_kb(store)
    thuan = next(p for p in kb["persons"] if "Thuấn" in p["name"])
    add_correction(store, reviewer="an", action="rename", target_kind="person",
                   target={"item": thuan["id"]}, payload={"name": "GS.TS Trần Văn Thuấn"})
    # re-extract everything (as a new extractor version would) and rebuild
    with store.transaction():
        for article_id, extraction in list(store.iter_extractions()):
            store.save_extraction(article_id, json.loads(json.dumps(extraction)), "next")
    rebuild_kb(store)
    renamed = [p for p in export_kb(store)["persons"] if p["id"] == thuan["id"]]
    assert renamed and renamed[0]["name"] == "GS.TS Trần Văn Thuấn"
    assert renamed[0]["documents"] == thuan["documents"]
