"""Facts: figures with value in base units, unit, measure and date; what is not a figure."""

from __future__ import annotations

import pytest

from hoptac.extract.facts import find_facts, parse_digits
from hoptac.extract.pipeline import build_context
from hoptac.model import Article
from seeds import seed_path


def facts_of(text: str, language: str) -> list[dict]:
    return find_facts(build_context(Article(id="t", text=text, language=language)))


def values(text: str, language: str) -> list[float]:
    return [fact["value"] for fact in facts_of(text, language)]


@pytest.mark.parametrize(("raw", "language", "expected"), [
    ("18,26", "fr", 18.26),
    ("1 000", "fr", 1000),
    ("1\u202f000", "fr", 1000),
    ("12\u00a0500,5", "fr", 12500.5),
    ("1,500", "en", 1500),
    ("1,234,567", "en", 1234567),
    ("2.5", "en", 2.5),
    ("1.500", "vi", 1500),
    ("3.5", "vi", 3.5),
    ("1.234,5", "fr", 1234.5),
])
def test_digits_follow_the_language_separators(raw, language, expected):
    assert parse_digits(raw, language) == pytest.approx(expected)


def test_a_dotted_date_is_not_a_number():
    assert parse_digits("12.11.2025", "fr") is None


def test_english_counts_money_and_words():
    facts = facts_of("Under the programme, 1,250 Vietnamese nurses were trained in 2024, "
                     "and five hospitals joined a $5 million network funded with "
                     "3.5 million euros from the partners.", "en")
    by_value = {fact["value"]: fact for fact in facts}
    assert set(by_value) == {1250, 5, 5_000_000, 3_500_000}
    assert by_value[1250]["unit"] == "Vietnamese nurses"
    assert by_value[1250]["date"] == "2024"
    assert by_value[5]["unit"] == "hospitals"
    assert by_value[5_000_000]["unit"] == "USD"
    assert by_value[3_500_000]["unit"] == "EUR"


def test_french_scales_percentages_and_approximations():
    text = ("Environ 4,7 millions d'habitants de la province sont assurés, soit 87,4 % de la "
            "population en 2022, et près de 250 médecins ont suivi trois stages.")
    facts = facts_of(text, "fr")
    by_value = {fact["value"]: fact for fact in facts}
    assert set(by_value) == {4_700_000, 87.4, 250, 3}
    assert by_value[4_700_000]["unit"] == "habitants"
    assert by_value[87.4]["unit"] == "%"
    assert by_value[87.4]["date"] == "2022"
    assert by_value[250]["unit"] == "médecins"
    assert by_value[250]["measure"].startswith("médecins ont suivi")


def test_vietnamese_digits_words_and_money():
    text = ("Bộ Y tế đã cử 120 bác sĩ sang Pháp và ba bệnh viện tham gia dự án trị giá "
            "10 tỷ đồng, cùng 1.200 sinh viên và khoản tài trợ 3,5 triệu USD.")
    facts = facts_of(text, "vi")
    by_value = {fact["value"]: fact for fact in facts}
    assert set(by_value) == {120, 3, 10_000_000_000, 1200, 3_500_000}
    assert by_value[120]["unit"] == "bác sĩ"
    assert by_value[3]["unit"] == "bệnh viện"
    assert by_value[10_000_000_000]["unit"] == "VND"
    assert by_value[3_500_000]["unit"] == "USD"


def test_currency_codes_glued_or_abbreviated():
    facts = facts_of("The European Union pledged EUR114 million while the fund lent "
                     "$22.5 mln to the two hospitals.", "en")
    assert [(f["value"], f["unit"]) for f in facts] == [(114_000_000, "EUR"), (22_500_000, "USD")]
    facts = facts_of("The project costs VNĐ1.5 trillion (US$59 million), and €5m came from "
                     "France.", "en")
    assert [(f["value"], f["unit"]) for f in facts] == [
        (1_500_000_000_000, "VND"), (59_000_000, "USD"), (5_000_000, "EUR")]


def test_french_money_after_de_and_year_opening_the_sentence():
    facts = facts_of("En 2022, le projet, doté de 15 millions d'euros, a financé huit centres, "
                     "et 40 % des lits sont neufs depuis mars 2023.", "fr")
    assert [(f["value"], f["unit"], f["date"]) for f in facts] == [
        (15_000_000, "EUR", "2022"), (8, "centres", "2022"), (40, "%", None)]


def test_a_year_inside_the_sentence_does_not_date_other_figures():
    [fact] = facts_of("Founded in 2012, the group runs about 50% of the country's research.", "en")
    assert (fact["value"], fact["unit"], fact["date"]) == (50, "%", None)


def test_a_number_after_an_acronym_is_a_name():
    assert values("The ASEM 5 summit opened a programme for 40 nurses.", "en") == [40]


def test_vietnamese_nam_is_five_only_before_a_counted_noun():
    assert values("Năm 2023, năm bệnh viện đã ký kết hợp tác với Pháp.", "vi") == [5]
    assert values("Trong năm nay, hai nước sẽ mở rộng hợp tác y tế.", "vi") == []
    assert values("Khoản vay 19 triệu USD có thời hạn 35 năm (gồm 10 năm ân hạn).", "vi") == [
        19_000_000]


@pytest.mark.parametrize(("text", "language"), [
    ("Decree No. 72 was signed on 12 November 2025 for the 2026-2028 period; the programme "
     "lasts 30 years and her clinic, aged 45 years, answers on +84 24 3825 1234.", "en"),
    ("Dozens of experts and hundreds of students from both countries met the two sides "
     "in the 1990s, at the 3rd forum.", "en"),
    ("La résolution 72-NQ/TW, adoptée en 2024 et la Résolution N°72 fixent des objectifs "
     "pour six mois ; des centaines de médecins et des dizaines d'experts des deux pays "
     "se sont réunis dans les années 1980-1990.", "fr"),
    ("Les deux parties ont signé le 3e protocole le lundi 22 janvier.", "fr"),
    ("Nghị quyết số 72-NQ/TW ngày 9/9/2025 đặt mục tiêu trong 5 năm tới, hàng trăm bác sĩ "
     "của hai nước sẽ được đào tạo, hai bên nhất trí.", "vi"),
])
def test_dates_identifiers_durations_and_vague_quantities_are_not_facts(text, language):
    assert facts_of(text, language) == []


def test_weights_and_distances_are_not_cooperation_figures():
    assert values("The delegation brought 2,000 tons of rice and drove 300 km to the "
                  "hospital, which received 40 ventilators.", "en") == [40]


def test_page_debris_is_not_a_fact():
    assert facts_of("Readers reacted.\nComment (0)", "en") == []


def test_evidence_is_the_exact_sentence():
    text = "The ministers met in Hanoi.\nThe hospital now employs 430 doctors trained abroad."
    [fact] = facts_of(text, "en")
    evidence = fact["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert evidence["text"].startswith("The hospital now employs 430 doctors")


def extract_seed(prefix: str) -> list[dict]:
    from hoptac.extract.pipeline import extract_article
    from hoptac.ingest.readers import read_path

    [article] = read_path(seed_path(prefix))
    return extract_article(article)["facts"]


def test_seed_social_security_figures(seed_dir):
    facts = extract_seed("003")
    assert [f["value"] for f in facts] == [18_260_000, 39.25, 2_200_000, 93_300_000, 93.35]
    dates = {f["value"]: f["date"] for f in facts}
    assert dates[2_200_000] == "1995" and dates[93.35] == "2023" and dates[18_260_000] is None


def test_seed_training_figures_skip_years_durations_and_resolution_number(seed_dir):
    facts = extract_seed("004")
    assert [f["value"] for f in facts] == [72]
    assert facts[0]["unit"] == "médecins"


def test_seed_english_counts(seed_dir):
    facts = extract_seed("000")
    assert [(f["value"], f["unit"]) for f in facts] == [
        (114, "pharmaceutical plants"), (260, "medicines")]


def test_a_definite_article_still_counts_new_things():
    french = ("La délégation a salué le travail des deux cliniques de médecine "
              "traditionnelle ouvertes à Lima et à Cusco.")
    assert [(f["value"], f["unit"]) for f in facts_of(french, "fr")] == [(2, "cliniques")]
    english = "The grant will pay for the three laboratories built in the province."
    assert [(f["value"], f["unit"]) for f in facts_of(english, "en")] == [(3, "laboratories")]


@pytest.mark.parametrize(("text", "language"), [
    ("Les deux hôpitaux ont signé une convention et les deux ministres s'en félicitent.", "fr"),
    ("La coopération entre deux universités date de 2010.", "fr"),
    ("The two foreign ministries and the two hospitals signed; the two countries' doctors met.",
     "en"),
    ("Officials praised the partnership between two universities.", "en"),
    ("Les deux séances de travail ont permis de préparer les deux accords.", "fr"),
    ("Lễ ký kết thỏa thuận hợp tác giữa hai bệnh viện diễn ra tại Huế.", "vi"),
    ("Lãnh đạo của hai bệnh viện cam kết thúc đẩy hợp tác đào tạo.", "vi"),
])
def test_counts_of_the_parties_and_their_documents_are_not_facts(text, language):
    assert facts_of(text, language) == []


def test_vietnamese_hospitals_counted_without_link_are_facts():
    [fact] = facts_of("Dự án có ba bệnh viện tuyến tỉnh tham gia từ đầu.", "vi")
    assert fact["value"] == 3 and fact["unit"].startswith("bệnh viện")


@pytest.mark.parametrize(("text", "language"), [
    ("The memorandum sets out five main areas of cooperation.", "en"),
    ("L'accord porte sur quatre domaines prioritaires et cinq axes.", "fr"),
    ("Bản ghi nhớ gồm 3 nội dung chính và bốn lĩnh vực ưu tiên.", "vi"),
])
def test_counting_the_article_own_list_is_not_a_fact(text, language):
    assert facts_of(text, language) == []
