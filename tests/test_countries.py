"""Country names and nationality adjectives (EN/FR/VI), and the countries an article reports."""

from __future__ import annotations

import json

import pytest

from hoptac.extract import countries
from hoptac.extract.countries import country_mentions, nationality_code


def codes(text: str) -> list[str]:
    return [code for _, _, code in country_mentions(text)]


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], code) for a, b, code in country_mentions(text)]


def test_french_names_and_adjectives_of_every_gender_and_number():
    text = ("Les experts russes et la délégation japonaise ont rejoint le ministre laotien "
            "et des médecins vietnamiennes à Paris ; la Fédération de Russie et les États-Unis "
            "ont envoyé des observateurs allemands.")
    assert codes(text) == ["RU", "JP", "LA", "VN", "RU", "US", "DE"]
    assert ("Fédération de Russie", "RU") in spans(text)


def test_compounds_give_both_countries():
    assert codes("la coopération franco-vietnamienne") == ["FR", "VN"]
    assert codes("un partenariat russo-vietnamien") == ["RU", "VN"]
    assert codes("the Franco-Vietnamese hospital") == ["FR", "VN"]


def test_viet_nam_in_all_its_spellings():
    for spelling in ("Vietnam", "Viet Nam", "Việt Nam", "Viêt Nam", "VIETNAM"):
        assert codes(f"Talks held in {spelling} on Monday.") == ["VN"], spelling
    assert codes("Việt Nam–France relations") == ["VN", "FR"]


def test_accents_may_be_dropped_but_not_added():
    assert codes("une mission aux Etats-Unis") == ["US"]
    # "Thái" is a Vietnamese name and province, not the English word "Thai"
    assert codes("Thái Bình province and Thai experts") == ["TH"]


def test_vietnamese_names_that_are_also_given_names_need_to_stand_alone():
    assert codes("Bộ trưởng Bộ Y tế Nga và Đại sứ Pháp") == ["RU", "FR"]
    assert codes("bà Nguyễn Thị Nga phát biểu") == []
    assert codes("Bệnh viện Hữu nghị Việt Đức") == []
    assert codes("Texte et photos : Quê Anh/CVN") == []
    assert codes("Bộ Y tế nước CHDCND Lào") == ["LA"]


def test_vietnamese_pháp_inside_common_words_is_not_france():
    assert codes("giải pháp và biện pháp y tế") == []


def test_nationality_code_and_country_code():
    assert nationality_code("russe") == "RU"
    assert nationality_code("Vietnamese") == "VN"
    assert nationality_code("françaises") == "FR"
    assert nationality_code("coréennes") == "KR"
    assert nationality_code("santé") is None
    assert countries.country_code("Fédération de Russie") == "RU"
    assert countries.country_code("Hàn Quốc") == "KR"
    assert countries.city_code("Clermont-Ferrand") == "FR"
    assert countries.city_code("Hà Nội") == "VN"


def test_lexicon_covers_the_partners_of_health_cooperation():
    data = json.loads(countries.DATA.read_text(encoding="utf-8"))["countries"]
    assert len(data) >= 60
    g20 = {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU",
           "SA", "ZA", "TR", "GB", "US"}
    asean = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"}
    francophone_africa = {"SN", "CI", "ML", "BF", "NE", "GN", "BJ", "TG", "CM", "GA", "MA",
                          "DZ", "TN", "MG", "CD", "CG"}
    assert g20 | asean | francophone_africa <= set(data)
    for code, entry in data.items():
        assert entry["names"]["en"] and entry["names"]["fr"] and entry["names"]["vi"], code


@pytest.mark.slow
@pytest.mark.parametrize(("prefix", "expected"), [
    ("000", {"VN", "FR"}), ("002", {"VN", "RU"}), ("003", {"VN", "FR"}), ("004", {"VN", "FR"}),
])
def test_countries_of_the_seed_articles(seed_dir, prefix, expected):
    from hoptac.extract import entities
    from hoptac.extract.pipeline import build_context
    from hoptac.ingest.readers import read_path
    from seeds import seed_path

    article = read_path(seed_path(prefix))[0]
    context = build_context(article)
    persons, organizations = entities.find_persons_and_organizations(context)
    assert set(countries.find_countries(context, persons, organizations)) == expected


@pytest.mark.slow
def test_a_country_named_once_in_passing_is_not_a_partner():
    from hoptac.extract.pipeline import build_context
    from hoptac.model import Article

    text = ("Hanoi - The Vietnamese Ministry of Health and the Korean Ministry of Health and "
            "Welfare agreed on Tuesday to train nurses together. Korea will send twenty "
            "trainers to Viet Nam next year, a programme first tested in Japan. Both Korean and "
            "Vietnamese hospitals will take part.")
    context = build_context(Article(id="t", text=text, language="en"))
    assert set(countries.find_countries(context, [], [])) == {"VN", "KR"}


def test_countries_beyond_the_usual_partners_and_their_regions():
    from hoptac.extract import countries

    text = ("Delegations from Azerbaijan, the Dominican Republic and Kyrgyzstan met in "
            "Xieng Khouang; la République populaire démocratique de Corée et le Tadjikistan.")
    assert [code for _, _, code in countries.country_mentions(text)] == \
        ["AZ", "DO", "KG", "KP", "TJ"]
    assert countries.city_code("Xieng Khouang") == "LA"
    assert countries.city_code("Kansai") == "JP"
    assert countries.city_code("Quảng Tây") == "CN"


def test_money_units_are_not_country_mentions():
    assert codes("The bank lent US$ 40 million and the fund added S$2 million and A$ 3 million.") \
        == []
    assert codes("Un don de 2 millions de dollars US a été promis par les États-Unis.") == ["US"]
    assert codes("Khoản viện trợ 5 triệu đô la Mỹ do Mỹ tài trợ.") == ["US"]
    assert codes("The US delegation arrived.") == ["US"]


def test_regions_and_states_belong_to_their_country():
    assert countries.place_code("Nordrhein-Westfalen") == "DE"
    assert countries.place_code("Gyeonggi-do") == "KR"
    assert countries.place_code("Californie") == "US"
    assert countries.place_code("Shizuoka") == "JP"
    assert codes("the Bavarian delegation") == ["DE"]
