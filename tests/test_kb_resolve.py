"""Cross-article resolution on extraction documents written for these tests (EN, FR, VI)."""

from __future__ import annotations

import json

from hoptac.kb.resolve import rebuild_kb
from hoptac.model import Article


def doc(language, persons=(), organizations=(), agreements=(), countries=("VN", "FR"),
        published=None):
    return {"schema": "hoptac.extraction/1",
            "document": {"title": None, "language": language, "published": published,
                         "source_url": None, "agency": None},
            "countries": list(countries), "persons": list(persons),
            "organizations": list(organizations), "events": [],
            "agreements": list(agreements), "areas": [], "facts": []}


def person(pid, name, country=None, aliases=(), roles=()):
    return {"id": pid, "name": name, "aliases": list(aliases), "country": country,
            "roles": list(roles), "mentions": []}


def org(oid, name, country=None, aliases=(), kind="ministry"):
    return {"id": oid, "name": name, "aliases": list(aliases), "country": country,
            "kind": kind, "mentions": []}


def agreement(aid, kind, status, countries=("VN", "FR"), parties=(), title=None, signed=None):
    return {"id": aid, "kind": kind, "title": title, "countries": list(countries),
            "parties": list(parties), "status": status, "signed": signed, "planned": None,
            "areas": [], "evidence": {"start": 0, "end": 4, "text": "text"}}


def save(store, article_id, extraction, published=None):
    article = Article(id=article_id, text=f"text of {article_id}", published=published)
    with store.transaction():
        store.save_article(article, extraction, "test")


def items(store, kind):
    rows = store.conn.execute("SELECT id, name, data FROM kb_items WHERE kind = ? ORDER BY id",
                              (kind,)).fetchall()
    return [{"id": r["id"], "name": r["name"], **json.loads(r["data"])} for r in rows]


def holding(store, kind, article_id, local_id):
    row = store.conn.execute(
        "SELECT item_id FROM kb_links l JOIN kb_items i ON i.id = l.item_id "
        "WHERE i.kind = ? AND l.article_id = ? AND l.local_id = ?",
        (kind, article_id, local_id)).fetchone()
    return row["item_id"] if row else None


def test_same_minister_with_and_without_diacritics_is_one_person(store):
    save(store, "en1", doc("en", persons=[person("p1", "Trần Văn Thuấn", "VN")]))
    save(store, "fr1", doc("fr", persons=[person("p1", "Tran Van Thuan", "VN")]))
    save(store, "vi1", doc("vi", persons=[person("p1", "Thứ trưởng Trần Văn Thuấn")]))
    stats = rebuild_kb(store)
    people = items(store, "person")
    assert stats["persons"] == 1
    assert people[0]["name"] == "Trần Văn Thuấn"
    assert people[0]["documents"] == ["en1", "fr1", "vi1"]
    assert "Tran Van Thuan" in people[0]["aliases"]


def test_french_partial_diacritics_join_the_vietnamese_spelling(store):
    save(store, "a", doc("fr", persons=[person("p1", "Nguyên Duc Hoà", "VN")]))
    save(store, "b", doc("vi", persons=[person("p2", "Nguyễn Đức Hòa", "VN")]))
    rebuild_kb(store)
    assert holding(store, "person", "a", "p1") == holding(store, "person", "b", "p2")


def test_different_tones_are_different_people(store):
    save(store, "a", doc("vi", persons=[person("p1", "Nguyễn Văn Thanh", "VN")]))
    save(store, "b", doc("vi", persons=[person("p1", "Nguyễn Văn Thành", "VN")]))
    save(store, "c", doc("vi", persons=[person("p1", "Nguyễn Thúy Anh", "VN")]))
    save(store, "d", doc("vi", persons=[person("p1", "Nguyễn Thuý Anh", "VN")]))
    rebuild_kb(store)
    assert holding(store, "person", "a", "p1") != holding(store, "person", "b", "p1")
    assert holding(store, "person", "c", "p1") == holding(store, "person", "d", "p1")


def test_transliterations_of_a_russian_minister_are_one_person(store):
    save(store, "fr", doc("fr", countries=("VN", "RU"),
                          persons=[person("p1", "Mikhaïl Mourachko", "RU")]))
    save(store, "en", doc("en", countries=("VN", "RU"),
                          persons=[person("p1", "Mikhail Murashko", "RU")]))
    rebuild_kb(store)
    assert holding(store, "person", "fr", "p1") == holding(store, "person", "en", "p1")


def test_cyrillic_spelling_joins_the_latin_one(store):
    save(store, "ru", doc("ru", countries=("VN", "RU"),
                          persons=[person("p1", "Михаил Мурашко", "RU")]))
    save(store, "vi", doc("vi", countries=("VN", "RU"),
                          persons=[person("p1", "Mikhail Murashko", "RU"),
                                   person("p2", "Đào Hồng Lan", "VN")]))
    save(store, "fr", doc("fr", countries=("VN", "RU"),
                          persons=[person("p1", "Dào Hông Lan", "VN")]))
    rebuild_kb(store)
    assert holding(store, "person", "ru", "p1") == holding(store, "person", "vi", "p1")
    assert holding(store, "person", "vi", "p2") == holding(store, "person", "fr", "p1")
    assert len(items(store, "person")) == 2


def test_people_of_different_countries_or_given_names_stay_apart(store):
    save(store, "a", doc("fr", persons=[person("p1", "Jean Martin", "FR"),
                                        person("p2", "Marie Dupont", "FR")]))
    save(store, "b", doc("en", persons=[person("p1", "Jean Martin", "CA"),
                                        person("p2", "Mario Dupont", "FR")]))
    rebuild_kb(store)
    assert holding(store, "person", "a", "p1") != holding(store, "person", "b", "p1")
    assert holding(store, "person", "a", "p2") != holding(store, "person", "b", "p2")


def test_ministry_of_health_across_languages_but_not_across_countries(store):
    save(store, "en", doc("en", organizations=[org("o1", "Ministry of Health", "VN")]))
    save(store, "fr", doc("fr", countries=("VN", "RU"), organizations=[
        org("o1", "ministère vietnamien de la Santé"),
        org("o2", "ministère russe de la Santé"),
    ]))
    save(store, "vi", doc("vi", countries=("VN", "RU"), organizations=[
        org("o1", "Bộ Y tế", "VN"), org("o2", "Bộ Y tế Nga", "RU")]))
    rebuild_kb(store)
    vn = holding(store, "organization", "en", "o1")
    assert vn == holding(store, "organization", "fr", "o1") == holding(
        store, "organization", "vi", "o1")
    ru = holding(store, "organization", "fr", "o2")
    assert ru == holding(store, "organization", "vi", "o2")
    assert ru != vn


def test_unqualified_ministry_without_country_is_not_merged(store):
    save(store, "a", doc("en", organizations=[org("o1", "Ministry of Health")]))
    save(store, "b", doc("en", organizations=[org("o1", "Ministry of Health", "VN")]))
    rebuild_kb(store)
    assert holding(store, "organization", "a", "o1") != holding(store, "organization", "b", "o1")


def test_acronyms_and_translated_university_names(store):
    save(store, "fr", doc("fr", organizations=[
        org("o1", "ministère de l'Europe et des Affaires étrangères", "FR", aliases=["MEAE"]),
        org("o2", "Université de médecine de Hanoï", "VN", kind="university"),
        org("o3", "Sécurité sociale du Vietnam", aliases=["VSS"], kind="agency")]))
    save(store, "en", doc("en", organizations=[
        org("o1", "MEAE", "FR"),
        org("o2", "Hanoi Medical University", "VN", kind="university"),
        org("o3", "Vietnam Social Security", "VN", kind="agency")]))
    save(store, "vi", doc("vi", organizations=[
        org("o1", "Trường Đại học Y Hà Nội", "VN", kind="university"),
        org("o2", "Bảo hiểm xã hội Việt Nam", "VN", kind="agency")]))
    rebuild_kb(store)
    assert holding(store, "organization", "fr", "o1") == holding(store, "organization", "en", "o1")
    hmu = holding(store, "organization", "fr", "o2")
    assert hmu == holding(store, "organization", "en", "o2") == holding(
        store, "organization", "vi", "o1")
    vss = holding(store, "organization", "fr", "o3")
    assert vss == holding(store, "organization", "en", "o3") == holding(
        store, "organization", "vi", "o2")
    assert len(items(store, "organization")) == 3


def test_acronym_alone_and_national_university_across_languages(store):
    save(store, "en", doc("en", organizations=[
        org("o1", "Hanoi Medical University", "VN", kind="university"),
        org("o2", "Vietnam National University, Hanoi", "VN", kind="university")]))
    save(store, "fr", doc("fr", organizations=[
        org("o1", "HMU", "VN", kind="university"),
        org("o2", "Université nationale de Hanoï", "VN", kind="university"),
        org("o3", "Université de médecine et de pharmacie", "VN", kind="university")]))
    save(store, "fr2", doc("fr", organizations=[
        org("o1", "Université de médecine et de pharmacie", "VN", kind="university")]))
    rebuild_kb(store)
    assert holding(store, "organization", "en", "o1") == holding(store, "organization", "fr", "o1")
    assert holding(store, "organization", "en", "o2") == holding(store, "organization", "fr", "o2")
    # a name made only of generic words (which city's university?) is not linked
    assert holding(store, "organization", "fr", "o3") != holding(store, "organization", "fr2", "o1")


def test_hospital_name_run_together_or_split(store):
    save(store, "en", doc("en", organizations=[org("o1", "Bach Mai Hospital", "VN",
                                                   kind="hospital")]))
    save(store, "jp", doc("en", organizations=[org("o1", "Bachmai Hospital", "VN",
                                                   kind="hospital")]))
    save(store, "vi", doc("vi", organizations=[
        org("o1", "Bệnh viện Bạch Mai", "VN", kind="hospital"),
        org("o2", "Bệnh viện Chợ Rẫy", "VN", kind="hospital")]))
    rebuild_kb(store)
    bach_mai = holding(store, "organization", "en", "o1")
    assert bach_mai == holding(store, "organization", "jp", "o1") == holding(
        store, "organization", "vi", "o1")
    assert bach_mai != holding(store, "organization", "vi", "o2")


def test_national_hospitals_named_only_by_their_speciality(store):
    save(store, "en", doc("en", organizations=[
        org("o1", "National Hospital for Tropical Diseases", "VN", kind="hospital"),
        org("o2", "National Lung Hospital", "VN", kind="hospital")]))
    save(store, "fr", doc("fr", organizations=[
        org("o1", "Hôpital national des maladies tropicales", "VN", kind="hospital")]))
    save(store, "vi", doc("vi", organizations=[
        org("o1", "Bệnh viện Bệnh Nhiệt đới Trung ương", "VN", kind="hospital"),
        org("o2", "Bệnh viện Phổi Trung ương", "VN", kind="hospital")]))
    save(store, "la", doc("fr", countries=("VN", "LA"), organizations=[
        org("o1", "Hôpital national des maladies tropicales", "LA", kind="hospital")]))
    rebuild_kb(store)
    tropical = holding(store, "organization", "en", "o1")
    assert tropical == holding(store, "organization", "fr", "o1") == holding(
        store, "organization", "vi", "o1")
    assert holding(store, "organization", "en", "o2") == holding(store, "organization", "vi",
                                                                 "o2") != tropical
    assert holding(store, "organization", "la", "o1") != tropical


def test_embassy_in_three_languages(store):
    save(store, "fr", doc("fr", organizations=[org("o1", "ambassade de France au Vietnam")]))
    save(store, "en", doc("en", organizations=[org("o1", "French Embassy", "FR")]))
    save(store, "vi", doc("vi", organizations=[
        org("o1", "Đại sứ quán Pháp tại Việt Nam", "FR"),
        org("o2", "Đại sứ quán Việt Nam tại Pháp", "VN")]))
    rebuild_kb(store)
    embassy = holding(store, "organization", "fr", "o1")
    assert embassy == holding(store, "organization", "en", "o1")
    assert embassy == holding(store, "organization", "vi", "o1")
    assert embassy != holding(store, "organization", "vi", "o2")


def test_intergovernmental_agreement_history_across_articles(store):
    save(store, "a", doc("en", agreements=[agreement(
        "a1", "intergovernmental_agreement", "draft",
        title="intergovernmental agreement on health cooperation")], published="2025-11-07"),
        published="2025-11-07")
    save(store, "b", doc("fr", agreements=[agreement(
        "a1", "framework_agreement", "under_review",
        title="accord-cadre de coopération sanitaire")], published="2025-11-01"))
    save(store, "c", doc("fr", agreements=[agreement(
        "a1", "intergovernmental_agreement", "renewal_planned",
        title="accord intergouvernemental en santé")], published="2025-11-13"))
    save(store, "d", doc("fr", countries=("VN", "RU"), agreements=[agreement(
        "a1", "intergovernmental_agreement", "signed", countries=("VN", "RU"))]))
    rebuild_kb(store)
    agreements = items(store, "agreement")
    assert len(agreements) == 2
    vn_fr = next(a for a in agreements if a["countries"] == ["FR", "VN"])
    assert vn_fr["documents"] == ["a", "b", "c"]
    history = store.conn.execute(
        "SELECT date, status, article_id FROM agreement_history WHERE item_id = ? ORDER BY rowid",
        (vn_fr["id"],)).fetchall()
    assert [h["status"] for h in history] == ["under_review", "draft", "renewal_planned"]
    assert vn_fr["status"] == "renewal_planned"


def test_two_memoranda_between_different_parties_stay_two(store):
    save(store, "a", doc("fr", organizations=[
        org("o1", "Sécurité sociale du Vietnam", "VN"), org("o2", "Leem", "FR")],
        agreements=[agreement("a1", "mou", "signed", parties=["o1", "o2"],
                              signed="2024-01-22")]))
    save(store, "b", doc("fr", organizations=[
        org("o1", "Université de médecine et de pharmacie", "VN"),
        org("o2", "CHU de Clermont-Ferrand", "FR")],
        agreements=[agreement("a1", "mou", "signed", parties=["o1", "o2"],
                              signed="2025-11-12")]))
    save(store, "c", doc("en", organizations=[
        org("o1", "Vietnam Social Security", "VN"), org("o2", "Leem", "FR")],
        agreements=[agreement("a1", "mou", "in_force", parties=["o1", "o2"])]))
    # one shared party (the social security) is not enough to be the same memorandum
    save(store, "d", doc("en", organizations=[org("o1", "Vietnam Social Security", "VN")],
                         agreements=[agreement("a1", "mou", "proposed", parties=["o1"])]))
    rebuild_kb(store)
    first = holding(store, "agreement", "a", "a1")
    assert first != holding(store, "agreement", "b", "a1")
    assert first == holding(store, "agreement", "c", "a1")
    assert holding(store, "agreement", "d", "a1") not in {first, holding(store, "agreement",
                                                                         "b", "a1")}


def test_ids_are_stable_across_rebuilds_and_new_articles(store):
    save(store, "b", doc("en", persons=[person("p1", "Olivier Brochet", "FR")]))
    rebuild_kb(store)
    before = holding(store, "person", "b", "p1")
    rebuild_kb(store)
    assert holding(store, "person", "b", "p1") == before
    save(store, "a", doc("fr", persons=[person("p3", "Olivier Brochet", "FR")]))
    rebuild_kb(store)
    assert holding(store, "person", "b", "p1") == before == holding(store, "person", "a", "p3")
    assert before.startswith("per-olivier-brochet-")


def test_memorandum_reported_twice_joins_by_its_signing_day(store):
    save(store, "en", doc("en", countries=("VN", "JP"), agreements=[
        agreement("a1", "mou", "signed", countries=("VN", "JP"), signed="2025-03-14",
                  title="memorandum of understanding on health cooperation")]))
    save(store, "fr", doc("fr", countries=("VN", "JP"), agreements=[
        agreement("a1", "mou", "signed", countries=("VN", "JP"), signed="2025-03-14",
                  title="protocole d'accord sur la coopération sanitaire")]))
    # a state visit: three memoranda signed the same day stay three
    save(store, "vi", doc("vi", countries=("VN", "JP"), agreements=[
        agreement(f"a{i}", "mou", "signed", countries=("VN", "JP"), signed="2025-03-14")
        for i in range(1, 4)]))
    rebuild_kb(store)
    joined = holding(store, "agreement", "en", "a1")
    assert joined == holding(store, "agreement", "fr", "a1")
    state_visit = {holding(store, "agreement", "vi", f"a{i}") for i in range(1, 4)}
    assert len(state_visit) == 3 and joined not in state_visit


def test_world_health_organization_by_name_and_acronym_in_three_languages(store):
    save(store, "en", doc("en", organizations=[
        org("o1", "World Health Organization", kind="international")]))
    save(store, "fr", doc("fr", organizations=[org("o1", "OMS", kind="international")]))
    save(store, "vi", doc("vi", organizations=[
        org("o1", "Tổ chức Y tế Thế giới", kind="international"),
        org("o2", "Agence française de développement", "FR", kind="agency")]))
    save(store, "fr2", doc("fr", organizations=[org("o1", "AFD", "FR", kind="agency")]))
    rebuild_kb(store)
    who = holding(store, "organization", "en", "o1")
    assert who == holding(store, "organization", "fr", "o1") == holding(
        store, "organization", "vi", "o1")
    assert holding(store, "organization", "vi", "o2") == holding(
        store, "organization", "fr2", "o1") != who


def test_news_agencies_and_governments_are_not_linked_across_articles(store):
    for article in ("a", "b"):
        save(store, article, doc("fr", organizations=[
            org("o1", "Vietnam News Agency", "VN", aliases=["VNA"], kind="media"),
            org("o2", "gouvernement vietnamien", "VN", kind="government"),
            org("o3", "Bộ Chính trị", "VN", kind="other")]))
    save(store, "c", doc("en", organizations=[org("o1", "VNA", "VN", kind="agency")]))
    rebuild_kb(store)
    for local in ("o1", "o2", "o3"):
        assert holding(store, "organization", "a", local) != holding(
            store, "organization", "b", local)
    assert holding(store, "organization", "c", "o1") not in {
        holding(store, "organization", "a", "o1"), holding(store, "organization", "b", "o1")}


def test_a_university_framework_agreement_is_not_the_intergovernmental_one(store):
    save(store, "a", doc("en", agreements=[agreement(
        "a1", "intergovernmental_agreement", "draft",
        title="intergovernmental agreement on health cooperation")]))
    save(store, "b", doc("fr", organizations=[
        org("o1", "Université de Bordeaux", "FR", kind="university"),
        org("o2", "Đại học Y Dược Cần Thơ", "VN", kind="university")],
        agreements=[agreement("a1", "framework_agreement", "signed", parties=["o1", "o2"],
                              title="accord-cadre de coopération")]))
    save(store, "c", doc("fr", agreements=[agreement(
        "a1", "framework_agreement", "under_review",
        title="accord-cadre de coopération sanitaire")]))
    rebuild_kb(store)
    countries = holding(store, "agreement", "a", "a1")
    assert countries == holding(store, "agreement", "c", "a1")
    assert countries != holding(store, "agreement", "b", "a1")


def test_vietnamese_names_without_diacritics_are_not_fuzzy_matched(store):
    save(store, "a", doc("en", persons=[person("p1", "Nguyen Van Thanh")]))
    save(store, "b", doc("en", persons=[person("p1", "Nguyen Van Thinh")]))
    save(store, "c", doc("fr", persons=[person("p1", "Nguyen Van Thanh")]))
    rebuild_kb(store)
    assert holding(store, "person", "a", "p1") != holding(store, "person", "b", "p1")
    assert holding(store, "person", "a", "p1") == holding(store, "person", "c", "p1")


def test_extractor_slips_do_not_break_the_knowledge_base(store):
    save(store, "a", {"document": None, "countries": "VN",
                      "persons": [{"name": None}, {"name": "Nguyễn Văn An", "roles": ["x"],
                                                   "country": 7}],
                      "organizations": [{"name": "(MEAE)", "aliases": "MEAE"}],
                      "agreements": [{"kind": "mou", "countries": "VNFR", "signed": 2025},
                                     {"kind": "mou", "countries": ["VN", "FR"], "signed": 2025,
                                      "planned": "2026", "parties": None}]})
    stats = rebuild_kb(store)
    assert (stats["persons"], stats["organizations"], stats["agreements"]) == (1, 1, 1)
    assert items(store, "organization")[0]["name"] == "MEAE"
