"""Agreements: international instruments only, one per instrument, with kind and stage."""

from __future__ import annotations

import pytest

from hoptac.extract.agreements import find_agreements
from hoptac.extract.context import Context, Sentence
from hoptac.extract.dates import find_dates
from hoptac.extract.sentences import split_sentences
from seeds import seed_path


def context_of(text: str, language: str, published: str | None = None) -> Context:
    """A context without a language model: sentences only (enough for this stage)."""
    sentences = [Sentence(a, b, text[a:b]) for a, b in split_sentences(text)]
    return Context(text=text, language=language, published=published, body_start=0,
                   body_end=len(text), sentences=sentences)


def agreements_of(text: str, language: str, published: str | None = None,
                  organizations=(), countries=()) -> list[dict]:
    context = context_of(text, language, published)
    return find_agreements(context, list(organizations), find_dates(context), list(countries))


def organization(number: int, text: str, name: str, country: str) -> dict:
    start = text.index(name)
    return {"id": f"o{number}", "name": name, "country": country,
            "mentions": [{"start": start, "end": start + len(name)}]}


def summary(agreement: dict) -> tuple:
    return (agreement["kind"], frozenset(agreement["countries"]), agreement["status"])


def test_english_draft_with_a_planned_signing():
    text = ("The Ministry of Health is finalising the draft of a framework agreement on "
            "health cooperation between Laos and Vietnam, with the aim of signing the "
            "agreement in Vientiane in March 2027.")
    found = agreements_of(text, "en")
    assert [summary(a) for a in found] == [
        ("framework_agreement", frozenset({"LA", "VN"}), "draft")]
    assert found[0]["planned"] == {"date": "2027-03", "place": "Vientiane"}
    assert found[0]["signed"] is None
    assert found[0]["title"] == "framework agreement on health cooperation"


def test_french_instrument_named_three_ways_is_one():
    text = ("Le Vietnam et le Japon travaillent à la signature d'un accord bilatéral de "
            "coopération sanitaire. Les deux pays s'apprêtent aussi à prolonger l'accord-cadre "
            "de coopération sanitaire qui les lie. Le projet est en cours d'examen par les "
            "ministères concernés.")
    found = agreements_of(text, "fr", countries=["VN", "JP"])
    assert [summary(a) for a in found] == [
        ("framework_agreement", frozenset({"VN", "JP"}), "renewal_planned")]


def test_french_review_stage_without_renewal():
    text = ("Le ministère vietnamien de la Santé et le ministère coréen de la Santé préparent "
            "un accord de coopération en santé publique. Le projet est en cours d'examen avant "
            "d'être soumis à l'approbation du gouvernement.")
    found = agreements_of(text, "fr")
    assert [summary(a) for a in found] == [("other", frozenset({"VN", "KR"}), "under_review")]


def test_french_signed_memorandum_with_its_date_and_signatory():
    text = ("L'Institut Pasteur de Hô Chi Minh-Ville et l'Université de Bordeaux ont signé "
            "le 3 avril un mémorandum d'entente sur la recherche vaccinale. Ce mémorandum "
            "d'entente sera mis en œuvre dès cette année.")
    organizations = [organization(1, text, "Institut Pasteur de Hô Chi Minh-Ville", "VN"),
                     organization(2, text, "Université de Bordeaux", "FR")]
    found = agreements_of(text, "fr", "2025-04-10", organizations, countries=["VN", "FR"])
    assert [summary(a) for a in found] == [("mou", frozenset({"VN", "FR"}), "signed")]
    assert found[0]["signed"] == "2025-04-03"
    assert found[0]["parties"] == ["o1", "o2"]


def test_signatories_listed_after_the_signing_are_parties():
    text = ("Une cérémonie de signature des conventions de coopération s'est tenue le 4 juin à "
            "Huế. Les signataires incluent l'Université de Huế et l'Université de Nantes.")
    organizations = [organization(1, text, "Université de Huế", "VN"),
                     organization(2, text, "Université de Nantes", "FR")]
    found = agreements_of(text, "fr", "2025-06-05", organizations)
    assert [summary(a) for a in found] == [("convention", frozenset({"VN", "FR"}), "signed")]
    assert found[0]["parties"] == ["o1", "o2"]
    assert found[0]["signed"] == "2025-06-04"


def test_vietnamese_signed_memorandum():
    text = ("Ngày 10/3/2025, Bộ Y tế Việt Nam và Bộ Y tế Lào đã ký biên bản ghi nhớ về hợp tác "
            "y tế giai đoạn 2025-2030. Biên bản ghi nhớ này tập trung vào đào tạo nhân lực.")
    found = agreements_of(text, "vi")
    assert [summary(a) for a in found] == [("mou", frozenset({"VN", "LA"}), "signed")]
    assert found[0]["signed"] == "2025-03-10"


def test_signing_date_far_from_the_instrument_name():
    text = ("Ngày 21/12/2015, tại Hà Nội, Bộ trưởng Bộ Y tế và Đại sứ Mông Cổ tại Việt Nam, "
            "trước sự chứng kiến của lãnh đạo hai nước, đã ký Hiệp định giữa Chính phủ hai "
            "nước về hợp tác y tế. Hiệp định này có hiệu lực trong 5 năm.")
    found = agreements_of(text, "vi")
    assert [summary(a) for a in found] == [("intergovernmental_agreement",
                                            frozenset({"VN", "MN"}), "signed")]
    assert found[0]["signed"] == "2015-12-21"


def test_title_leaves_dates_out_and_countries_come_from_the_signatories():
    text = ("The provincial People's Committee and Roche Pharma signed a memorandum of "
            "understanding on Friday on cancer screening on the sidelines of a forum.")
    organizations = [organization(1, text, "People's Committee", "VN"),
                     organization(2, text, "Roche Pharma", "CH")]
    found = agreements_of(text, "en", "2025-05-10", organizations, countries=["VN", "FR"])
    assert [summary(a) for a in found] == [("mou", frozenset({"VN", "CH"}), "signed")]
    assert found[0]["title"] == "memorandum of understanding on cancer screening"
    assert found[0]["signed"] == "2025-05-09"
    assert found[0]["parties"] == ["o1", "o2"]


VIETNAMESE_ARTICLE = (
    "HÀ NỘI - Ngày 15/3, Bộ Y tế Việt Nam và Bộ Y tế Campuchia đã ký kết Biên bản ghi nhớ về "
    "hợp tác trong lĩnh vực y tế giai đoạn 2025-2030.\n"
    "Phát biểu tại lễ ký, Thứ trưởng Nguyễn Văn Hòa cho biết hai nước đã có nhiều hội thảo "
    "chung về phòng chống sốt rét.\n"
    "Theo biên bản ghi nhớ này, hai bên sẽ tăng cường đào tạo nhân lực. Trước đó, ngày 14/3, "
    "hai Bộ trưởng đã hội đàm tại trụ sở Bộ Y tế.\n"
    "Hai bên cũng thống nhất sẽ nghiên cứu ký kết Hiệp định hợp tác y tế giữa hai Chính phủ vào "
    "năm 2026.")


def test_vietnamese_article_memorandum_signed_and_agreement_to_come():
    found = agreements_of(VIETNAMESE_ARTICLE, "vi", "2025-03-16", countries=["VN", "KH"])
    assert [summary(a) for a in found] == [
        ("mou", frozenset({"VN", "KH"}), "signed"),
        ("intergovernmental_agreement", frozenset({"VN", "KH"}), "planned")]
    assert found[0]["signed"] == "2025-03-15"
    assert found[1]["planned"] == {"date": "2026", "place": None}


def test_english_article_declaration_plan_and_discussed_roadmap():
    from test_events import ENGLISH_ARTICLE

    found = agreements_of(ENGLISH_ARTICLE, "en", "2025-06-11", countries=["VN", "DE"])
    by_kind = {a["kind"]: a for a in found}
    assert set(by_kind) == {"joint_declaration", "mou", "roadmap"}
    assert (by_kind["joint_declaration"]["status"], by_kind["joint_declaration"]["signed"]) == (
        "signed", "2019")
    assert by_kind["mou"]["status"] == "planned"
    assert by_kind["mou"]["planned"] == {"date": "2025-10", "place": "Berlin"}
    assert by_kind["roadmap"]["status"] == "proposed"
    assert by_kind["roadmap"]["signed"] is None


def test_vietnamese_planned_framework_agreement():
    text = ("Hai bên đang hoàn thiện dự thảo hiệp định khung về hợp tác y tế giữa Việt Nam và "
            "Hàn Quốc, dự kiến ký tại Seoul vào tháng 4/2026.")
    found = agreements_of(text, "vi")
    assert [summary(a) for a in found] == [("framework_agreement", frozenset({"VN", "KR"}),
                                            "draft")]
    assert found[0]["planned"] == {"date": "2026-04", "place": "Seoul"}


def test_kinds_in_the_three_languages():
    sentences = [
        ("en", "Vietnam and Cuba adopted a joint statement on health.", "joint_declaration"),
        ("en", "Vietnam and India are implementing a roadmap for health cooperation.",
         "roadmap"),
        ("fr", "Le Vietnam et la Russie mettent en œuvre la feuille de route jusqu'en 2030.",
         "roadmap"),
        ("fr", "Le Vietnam et la France ont signé une déclaration conjointe.",
         "joint_declaration"),
        ("fr", "Le Vietnam et la France ont renouvelé l'accord intergouvernemental (AIG).",
         "intergovernmental_agreement"),
        ("vi", "Việt Nam và Cuba đã ký tuyên bố chung về y tế.", "joint_declaration"),
        ("vi", "Việt Nam và Nhật Bản đã ký nghị định thư về hợp tác y tế.", "protocol"),
        ("fr", "Le Vietnam et la France ont signé un MoU sur les vaccins.", "mou"),
        ("vi", "Việt Nam và Lào đã ký MoU về y tế.", "mou"),
    ]
    for language, text, kind in sentences:
        found = agreements_of(text, language)
        assert [a["kind"] for a in found] == [kind], text


@pytest.mark.parametrize(("language", "text", "status"), [
    ("en", "Vietnam and Cuba agreed to sign a memorandum of understanding on vaccines.",
     "planned"),
    ("en", "The MoU between Vietnam and Laos expired last year.", "expired"),
    ("en", "The draft agreement between Vietnam and Chile was submitted to the government for "
           "approval.", "under_review"),
    ("fr", "Le Vietnam et le Laos signeront un accord-cadre sur la santé.", "planned"),
    ("fr", "Le Vietnam et la Hongrie ont proposé une déclaration commune sur la santé.",
     "proposed"),
    ("vi", "Việt Nam và Lào sẽ gia hạn biên bản ghi nhớ về y tế.", "renewal_planned"),
    ("vi", "Biên bản ghi nhớ giữa Việt Nam và Lào đã được gia hạn.", "in_force"),
    ("en", "The MoU between Vietnam and Japan was renewed in 2020.", "in_force"),
    ("fr", "La France et le Vietnam vont prolonger l'accord-cadre.", "renewal_planned"),
    ("fr", "L'accord-cadre entre la France et le Vietnam a été prolongé.", "in_force"),
    ("vi", "Biên bản ghi nhớ giữa Việt Nam và Nhật Bản đang được triển khai hiệu quả.",
     "in_force"),
])
def test_stage_words(language, text, status):
    assert [a["status"] for a in agreements_of(text, language, "2025-06-01")] == [status]


def test_a_bare_reference_without_antecedent_is_no_instrument():
    text = ("La coopération entre le Vietnam et la France progresse. La ministre a rappelé les "
            "accords conclus entre les deux pays en mars 2018. Les ministres ont ensuite signé "
            "une lettre d'intention sur la formation.")
    found = agreements_of(text, "fr", countries=["VN", "FR"])
    assert [(a["kind"], a["title"]) for a in found] == [
        ("other", "lettre d'intention sur la formation")]
    assert found[0]["signed"] is None


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le Vietnam et le Japon ont signé un mémorandum d'entente sur les vaccins. Par "
           "ailleurs, l'Hôpital Bach Mai et l'Université d'Osaka ont signé un accord de "
           "coopération sur la formation."),
    ("vi", "Việt Nam và Nhật Bản đã ký biên bản ghi nhớ về vắc xin. Bệnh viện Bạch Mai và Đại "
           "học Osaka cũng đã ký thỏa thuận hợp tác về đào tạo điều dưỡng."),
])
def test_instruments_on_different_subjects_stay_apart(language, text):
    found = agreements_of(text, language, "2025-05-05", countries=["VN", "JP"])
    assert [(a["kind"], a["status"]) for a in found] == [("mou", "signed"), ("other", "signed")]


def test_two_memoranda_with_different_dates_stay_two():
    text = ("The Ministry of Health signed a memorandum of understanding with Japanese "
            "universities on February 12. The two ministries of Vietnam and Japan also signed "
            "a cooperation MoU in 2014.")
    found = agreements_of(text, "en", countries=["VN", "JP"])
    assert sorted(a["signed"] or "" for a in found) == ["2014", "XXXX-02-12"]


def test_laws_resolutions_decrees_and_strategies_are_not_agreements():
    texts = [
        ("fr", "La loi révisée sur la pharmacie de 2024 et la résolution 72-NQ/TW du Politburo "
               "fixent des objectifs, comme la stratégie nationale de santé de la France."),
        ("en", "Vietnam's Law on Pharmacy, Decree 96 and Resolution 20 guide French investors."),
        ("vi", "Luật Dược, Nghị định 96 và Nghị quyết 72 của Bộ Chính trị được Pháp đánh giá "
               "cao."),
    ]
    for language, text in texts:
        assert agreements_of(text, language, countries=["VN", "FR"]) == [], text


def test_french_mou_the_adjective_is_no_memorandum():
    assert agreements_of("Le tissu mou signé au Vietnam et en France.", "fr") == []


def test_an_agreement_with_an_international_body_has_one_country():
    text = ("On March 3, Vietnam and the World Health Organization signed a memorandum of "
            "understanding on tuberculosis control.")
    who = organization(1, text, "World Health Organization", None)
    who["kind"] = "international"
    found = agreements_of(text, "en", "2025-03-05", [who], countries=["VN"])
    assert [summary(a) for a in found] == [("mou", frozenset({"VN"}), "signed")]
    assert found[0]["parties"] == ["o1"]


def test_domestic_and_descriptive_uses_are_not_instruments():
    domestic = ("Bệnh viện Bạch Mai và Trường Đại học Y Hà Nội đã ký thỏa thuận hợp tác "
                "đào tạo.")
    assert agreements_of(domestic, "vi", countries=["VN"]) == []
    descriptive = ("La France et le Vietnam ont signé des conventions de coopération. "
                   "La signature d'aujourd'hui n'est pas seulement un accord de coopération. "
                   "Les deux parties sont d'accord pour intensifier les échanges.")
    found = agreements_of(descriptive, "fr", "2025-11-13")
    assert [a["kind"] for a in found] == ["convention"]


@pytest.fixture(scope="module")
def seed_agreements():
    from hoptac.extract.pipeline import extract_article
    from hoptac.model import Article

    found = {}
    for prefix in ("000", "001", "002", "003", "004"):
        path = seed_path(prefix)
        document = extract_article(Article(id=path.stem, text=path.read_text(encoding="utf-8")))
        found[prefix] = document["agreements"]
    return found


@pytest.mark.slow
def test_seed_agreements(seed_agreements):
    vn_fr = frozenset({"VN", "FR"})
    assert [summary(a) for a in seed_agreements["000"]] == [
        ("intergovernmental_agreement", vn_fr, "draft")]
    assert seed_agreements["000"][0]["planned"] == {"date": "2026-04", "place": "Lyon"}

    assert [summary(a) for a in seed_agreements["001"]] == [
        ("framework_agreement", vn_fr, "renewal_planned")]

    by_kind = {a["kind"]: a for a in seed_agreements["002"]}
    assert set(by_kind) == {"mou", "roadmap", "joint_declaration"}
    assert by_kind["mou"]["signed"] == "2025-05"
    assert all(set(a["countries"]) == {"VN", "RU"} for a in by_kind.values())

    assert [summary(a) for a in seed_agreements["003"]] == [("mou", vn_fr, "signed")]
    assert seed_agreements["003"][0]["signed"] == "2024-01-22"

    assert sorted(summary(a) for a in seed_agreements["004"]) == [
        ("convention", vn_fr, "signed"), ("intergovernmental_agreement", vn_fr,
                                          "renewal_planned")]
    signed = {a["kind"]: a["signed"] for a in seed_agreements["004"]}
    assert signed["convention"] == "2025-11-12"


@pytest.mark.slow
def test_seed_agreement_areas_are_codes_of_the_contract(seed_agreements, shared_dir):
    import json

    codes = {a["code"] for a in json.loads(
        (shared_dir / "contract" / "areas.json").read_text(encoding="utf-8"))["areas"]}
    for found in seed_agreements.values():
        for agreement in found:
            assert set(agreement["areas"]) <= codes
    conventions = next(a for a in seed_agreements["004"] if a["kind"] == "convention")
    assert "training" in conventions["areas"]


@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("fr", "Les ministères chilien et vietnamien de la Santé ont convenu d'élaborer un "
           "mémorandum sur la coopération hospitalière, qui devrait être signé en 2027.",
     [("mou", frozenset({"CL", "VN"}), "draft")]),
    ("en", "Chile and Vietnam agreed to draft a memorandum on hospital cooperation.",
     [("mou", frozenset({"CL", "VN"}), "draft")]),
    ("en", "The Cabinet has approved the signing of an MoU between Chile and Vietnam on "
           "health. The MoU shall become effective on signature and shall remain in force "
           "for five years.", [("mou", frozenset({"CL", "VN"}), "planned")]),
    ("fr", "Les deux pays ont célébré les vingt ans depuis la signature de l'Accord de "
           "coopération sanitaire entre le Chili et le Vietnam.",
     [("other", frozenset({"CL", "VN"}), "signed")]),
    ("vi", "Chính phủ đã phê duyệt việc ký kết Bản ghi nhớ hợp tác y tế giữa Việt Nam và "
           "Chile.", [("mou", frozenset({"CL", "VN"}), "planned")]),
])
def test_bare_memoranda_approvals_and_past_signings(language, text, wanted):
    assert [summary(a) for a in agreements_of(text, language, "2025-05-01")] == wanted


def test_a_signed_instrument_that_remains_in_force_is_signed():
    text = ("Chile and Vietnam signed an MoU on health on May 2, which will remain in force "
            "for five years.")
    assert [summary(a) for a in agreements_of(text, "en", "2025-05-03")] == [
        ("mou", frozenset({"CL", "VN"}), "signed")]


@pytest.mark.parametrize(("language", "text", "count"), [
    ("en", "Chile and Vietnam signed health cooperation agreements. The first agreement was "
           "signed by the Chilean hospital. The other agreement was signed with a Hanoi "
           "clinic.", 2),
    ("fr", "Le Chili et le Vietnam ont signé des accords de coopération sanitaire. L'autre "
           "accord a été signé avec une clinique de Hanoï.", 2),
    ("fr", "La visite visait à concrétiser les importants accords conclus entre le Chili et "
           "le Vietnam lors de la visite du président en mars 2018.", 0),
    ("en", "The visit follows up on the agreements concluded between Chile and Vietnam "
           "during the state visit in March 2018.", 0),
])
def test_another_agreement_is_new_and_bare_plurals_are_none(language, text, count):
    assert len(agreements_of(text, language, "2025-05-01", countries=("CL", "VN"))) == count


@pytest.mark.parametrize(("language", "text", "status"), [
    ("fr", "L'accord-cadre qui unit le Chili et le Vietnam porte sur la santé.", "in_force"),
    ("fr", "L'accord-cadre liant le Chili et le Vietnam porte sur la santé.", "in_force"),
    ("en", "The framework agreement that binds Chile and Vietnam covers health.", "in_force"),
    ("vi", "Hiệp định khung ràng buộc Việt Nam và Chile về y tế.", "in_force"),
    ("fr", "La signature de ce jour de l'accord-cadre entre le Chili et le Vietnam ouvre une "
           "étape.", "signed"),
    ("en", "Today's signing of the framework agreement between Chile and Vietnam opens a new "
           "chapter.", "signed"),
    ("fr", "Les ministres encouragent la signature d'un accord-cadre entre le Chili et le "
           "Vietnam.", "proposed"),
    ("en", "The ministers are promoting the signing of a framework agreement between Chile "
           "and Vietnam.", "proposed"),
])
def test_stage_wordings_of_each_class(language, text, status):
    assert [summary(a)[2] for a in agreements_of(text, language, "2025-05-01")] == [status]


@pytest.mark.parametrize(("language", "text", "status"), [
    ("en", "On May 2 the Chilean embassy entered into a memorandum of understanding with "
           "Vietnam. The MoU might be extended to other areas.", "signed"),
    ("en", "Chile and Vietnam signed an MoU on May 2. The MoU will be extended next year.",
     "renewal_planned"),
    ("fr", "Le Chili et le Vietnam ont signé un mémorandum d'entente le 2 mai. Le mémorandum "
           "pourrait être prolongé.", "signed"),
])
def test_a_possible_extension_is_no_planned_renewal(language, text, status):
    assert [summary(a)[2] for a in agreements_of(text, language, "2025-05-03")] == [status]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Officials said Chile and Vietnam could sign an MoU on nursing."),
    ("fr", "Selon les responsables, le Chili et le Vietnam pourraient signer un mémorandum."),
    ("vi", "Việt Nam và Chile có thể ký kết bản ghi nhớ về điều dưỡng."),
])
def test_a_possible_signature_is_a_proposal(language, text):
    assert [summary(a)[2] for a in agreements_of(text, language, "2025-05-03")] == ["proposed"]


def test_agreements_on_one_subject_told_with_other_dates_are_two():
    text = ("Chile and Vietnam reached an agreement on nursing cooperation in Hanoi on June 17. "
            "In July 2006, the first agreement on nursing cooperation between Vietnam and "
            "Chile was signed.")
    found = agreements_of(text, "en", "2025-06-19")
    assert sorted(a["signed"] or "" for a in found) == ["2006-07", "2025-06-17"]


def test_a_consensus_reached_is_no_signature():
    text = "Chile and Vietnam reached a consensus to draft a framework agreement on nursing."
    assert [summary(a)[2] for a in agreements_of(text, "en", "2025-06-19")] == ["draft"]


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("en", "On Monday the health ministers of Chile and Vietnam signed a letter of intention "
           "on training nurses.", "other"),
    ("en", "Ghana and Vietnam signed a joint action plan on malaria control for 2026-2028.",
     "roadmap"),
    ("en", "Japan and Vietnam signed an exchange of notes on a grant for hospital equipment.",
     "other"),
    ("fr", "Le Sénégal et la France ont signé un plan d'action sur la santé maternelle.",
     "roadmap"),
    ("fr", "Le Japon et le Vietnam ont signé un échange de notes sur un don de vaccins.",
     "other"),
    ("vi", "Việt Nam và Nhật Bản đã ký công hàm trao đổi về khoản viện trợ thiết bị y tế.",
     "other"),
    ("vi", "Việt Nam và Lào đã ký kế hoạch hành động về phòng chống sốt rét.", "roadmap"),
])
def test_letters_of_intent_action_plans_and_exchanges_of_notes(language, text, kind):
    found = agreements_of(text, language, "2025-06-10")
    assert [(a["kind"], a["status"]) for a in found] == [(kind, "signed")]
