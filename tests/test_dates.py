"""Date expressions in English, French and Vietnamese, resolved to EDTF."""

from __future__ import annotations

import pytest

from hoptac.extract.dates import find_dates, find_dates_in_text
from seeds import seed_path


def dates_of(text: str, language: str, published: str | None = None) -> dict[str, str]:
    return {m.text: m.edtf for m in find_dates_in_text(text, language, published)}


@pytest.mark.parametrize(("language", "text", "published", "wanted"), [
    # French
    ("fr", "La réunion a eu lieu ce mercredi 12 novembre à Lyon.", "2025-11-13",
     {"mercredi 12 novembre": "2025-11-12"}),
    ("fr", "Le 31 octobre, les deux instituts ont tenu un atelier.", None,
     {"31 octobre": "XXXX-10-31"}),
    ("fr", "Le texte, approuvé en mai dernier, sera suivi d'un autre.", "2025-09-13",
     {"mai dernier": "2025-05"}),
    ("fr", "En décembre prochain, les hôpitaux échangeront des internes.", "2025-11-13",
     {"décembre prochain": "2025-12"}),
    ("fr", "Le vaccin a été annoncé début septembre.", "2025-09-13",
     {"début septembre": "2025-09"}),
    ("fr", "Ils ont signé lundi 22 janvier un accord.", "2024-01",
     {"lundi 22 janvier": "2024-01-22"}),
    ("fr", "La résolution datée du 9 septembre 2025 fixe des objectifs.", None,
     {"9 septembre 2025": "2025-09-09"}),
    ("fr", "La clinique a ouvert hier.", "2025-03-10", {"hier": "2025-03-09"}),
    # English
    ("en", "The minister met the delegation in Hue on November 6.", None,
     {"November 6": "XXXX-11-06"}),
    ("en", "They aim to sign it in Lyon in April 2026.", None, {"April 2026": "2026-04"}),
    ("en", "The plan was adopted in May and revised last month.", "2025-09-10",
     {"May": "2025-05", "last month": "2025-08"}),
    ("en", "The hospital will open in December.", "2025-11-20", {"December": "2025-12"}),
    ("en", "The forum opened on 3 March 2024 in Da Nang.", None, {"3 March 2024": "2024-03-03"}),
    # Vietnamese
    ("vi", "Ngày 6/11, tại Hà Nội, hai bên đã hội đàm.", "2025-11-13",
     {"Ngày 6/11": "2025-11-06"}),
    ("vi", "Biên bản được ký ngày 22/1/2024 tại Huế.", None, {"ngày 22/1/2024": "2024-01-22"}),
    ("vi", "Hai bên dự kiến ký vào tháng 4/2026.", None, {"tháng 4/2026": "2026-04"}),
    ("vi", "Đoàn đã sang thăm vào tháng 5 vừa qua.", "2025-09-02", {"tháng 5 vừa qua": "2025-05"}),
    ("vi", "Dự án sẽ được mở rộng trong năm tới.", "2025-11-13", {"năm tới": "2026"}),
    ("vi", "Hội nghị diễn ra ngày 12 tháng 9 năm 2025.", None,
     {"ngày 12 tháng 9 năm 2025": "2025-09-12"}),
    ("vi", "Đoàn công tác sang Úc từ ngày 5-8/6 để học tập.", "2025-06-20",
     {"ngày 5-8/6": "2025-06-05"}),
    ("vi", "Chuyến thăm chính thức (20-22/12/2011) đạt kết quả tốt.", None,
     {"20-22/12/2011": "2011-12-20"}),
    ("vi", "Cuộc họp được tổ chức chiều 4-12 tại Hà Nội.", "2025-12-05",
     {"chiều 4-12": "2025-12-04"}),
])
def test_date_forms(language, text, published, wanted):
    assert dates_of(text, language, published) == wanted


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "18,26 millions de travailleurs (39,25% de la population) sont couverts."),
    ("fr", "La résolution n° 72-NQ/TW du Politburo."),
    ("fr", "De nouveaux axes 2026-2028 ont été définis depuis les années 1980-1990."),
    ("fr", "Le quota passe à 30 bourses sur 1 000 chaque année."),
    ("en", "Officials may visit the 12 hospitals; 93,35 % are covered."),
    ("vi", "Kế hoạch kéo dài trong 3 tháng, với 30/1000 suất học bổng."),
    ("vi", "Chương trình giai đoạn 2025-2030 có tỷ lệ 5-8/10 người tham gia."),
    ("vi", "Hội nghị lần thứ hai và khóa thứ 3 đã kết thúc."),
])
def test_numbers_identifiers_and_ranges_are_not_dates(language, text):
    assert dates_of(text, language, "2025-11-13") == {}


def test_a_year_after_a_preposition_is_a_year():
    assert dates_of("La coopération existe depuis 2018.", "fr") == {"2018": "2018"}
    assert dates_of("The law was revised in 2024.", "en") == {"2024": "2024"}
    assert dates_of("Hai nước ký hiệp định năm 2019.", "vi") == {"2019": "2019"}


def test_vietnamese_weekday_after_a_time_word():
    assert dates_of("Sáng thứ Hai, đoàn đến Huế.", "vi", "2025-06-05") == {"thứ Hai": "2025-06-02"}


@pytest.mark.parametrize(("published", "wanted"), [
    ("2024-02-29", {"hier": "2024-02-28", "le mois dernier": "2024-01", "lundi": "2024-02-26"}),
    ("2024-02", {"hier": "2024-02", "le mois dernier": "2024-01"}),
    ("2025", {"hier": "2025", "le mois dernier": "2025"}),
    ("2024-02-29T08:30:00", {"hier": "2024-02-28", "le mois dernier": "2024-01",
                             "lundi": "2024-02-26"}),
    ("2025-13-40", {}),
    ("pas de date", {}),
])
def test_relative_dates_are_as_precise_as_the_publication_date(published, wanted):
    found = dates_of("Ils se sont vus hier, puis lundi, après le mois dernier.", "fr", published)
    assert found == wanted


def test_relative_dates_need_a_publication_date():
    assert dates_of("The clinic opened yesterday.", "en", None) == {}
    assert dates_of("Phòng khám mở cửa hôm qua.", "vi", "2025-06-02") == {"hôm qua": "2025-06-01"}


@pytest.mark.slow
def test_seed_dates_resolve_against_the_header_date():
    from hoptac.extract.pipeline import build_context
    from hoptac.model import Article

    text = seed_path("003").read_text(encoding="utf-8")
    context = build_context(Article(id="003", text=text))
    found = {m.text: m.edtf for m in find_dates(context)}
    assert found["lundi 22 janvier"] == "2024-01-22"
    assert not any(v.startswith(("1926", "1939")) for v in found.values())
    for mention in find_dates(context):
        assert context.text[mention.start:mention.end] == mention.text

    text = seed_path("004").read_text(encoding="utf-8")
    context = build_context(Article(id="004", text=text))
    found = {m.text: m.edtf for m in find_dates(context)}
    assert found["mercredi 12 novembre"] == "2025-11-12"
    assert found["décembre prochain"] == "2025-12"
    assert not any("2026-2028" in text for text in found)


@pytest.mark.parametrize(("text", "language", "wanted"), [
    ("May 3,2019, SANTIAGO - The ministry signed.", "en", {"May 3,2019": "2019-05-03"}),
    ("La délégation était au Chili du 20-22/12/2011.", "fr", {"20-22/12/2011": "2011-12-20"}),
    ("Chuyến thăm Chile từ 20-22/12/2011 của đoàn.", "vi", {"20-22/12/2011": "2011-12-20"}),
    ("The visit ran 20-22/12/2011 in Santiago.", "en", {"20-22/12/2011": "2011-12-20"}),
])
def test_a_year_after_a_comma_and_numeric_day_ranges(text, language, wanted):
    assert dates_of(text, language, "2025-01-01") == wanted
