"""Persons and organizations in English and French articles: names, aliases, roles, countries,
mentions, the known mistakes of the spaCy models and the generic phrases that are no names.

The short articles below are written for these tests; the seed articles are read by path."""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest

from hoptac.extract import entities
from hoptac.extract.pipeline import build_context
from hoptac.ingest.readers import read_path
from hoptac.model import Article
from seeds import seed_path

pytestmark = pytest.mark.slow


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def extract(text: str, language: str):
    context = build_context(Article(id="t", text=text, language=language))
    persons, organizations = entities.find_persons_and_organizations(context)
    return context, persons, organizations


@cache
def seed(prefix: str):
    context = build_context(read_path(seed_path(prefix))[0])
    return (context, *entities.find_persons_and_organizations(context))


def person(persons, name):
    found = [p for p in persons if fold(name) in {fold(n) for n in [p["name"], *p["aliases"]]}]
    assert found, f"{name} not among {[p['name'] for p in persons]}"
    return found[0]


def org(organizations, name):
    found = [o for o in organizations
             if fold(name) in {fold(n) for n in [o["name"], *o["aliases"]]}]
    assert found, f"{name} not among {[o['name'] for o in organizations]}"
    return found[0]


def names(items):
    return {fold(i["name"]) for i in items}


# --------------------------------------------------------------------------- English

EN_VISIT = (
    "Hanoi - Deputy Minister of Health Pham Van Binh received a delegation from the German "
    "Federal Institute for Drugs and Medical Devices (BfArM), led by Dr Anna Schmidt, the "
    "institute's International Relations Director, on March 3.\n"
    "Binh said Việt Nam values its ties with Germany. Schmidt said the BfArM would share its "
    "experience with the Drug Administration of Viet Nam. French companies and the two "
    "ministries also attended, together with officials of the Embassy of Germany in Vietnam.")


def test_english_titles_before_and_after_names():
    _, persons, _ = extract(EN_VISIT, "en")
    binh = person(persons, "Pham Van Binh")
    assert binh["country"] == "VN"
    assert any(r["title"] == "Deputy Minister of Health" for r in binh["roles"])
    schmidt = person(persons, "Anna Schmidt")
    assert schmidt["country"] == "DE"
    assert [r["title"] for r in schmidt["roles"]] == ["International Relations Director"]


def test_acronym_in_parentheses_becomes_an_alias_and_later_bare_uses_resolve():
    context, _, organizations = extract(EN_VISIT, "en")
    bfarm = org(organizations, "Federal Institute for Drugs and Medical Devices")
    assert "(BfArM)" in bfarm["aliases"] and bfarm["country"] == "DE"
    texts = [context.text[m["start"]:m["end"]] for m in bfarm["mentions"]]
    assert texts.count("BfArM") == 1 and len(texts) == 2


def test_surname_alone_is_a_mention_of_the_person():
    context, persons, _ = extract(EN_VISIT, "en")
    schmidt = person(persons, "Anna Schmidt")
    texts = [context.text[m["start"]:m["end"]] for m in schmidt["mentions"]]
    assert "Schmidt" in texts and "Anna Schmidt" in texts


def test_viet_nam_is_not_an_organization_and_generic_phrases_are_rejected():
    _, persons, organizations = extract(EN_VISIT, "en")
    found = names(organizations)
    assert not any(n == "viet nam" or n == "vietnam" for n in found)
    assert not any("companies" in n or "ministries" in n for n in found)
    assert "drug administration of viet nam" in found
    embassy = org(organizations, "Embassy of Germany in Vietnam")
    assert embassy["kind"] == "embassy" and embassy["country"] == "DE"
    assert not any("Binh said" in p["name"] for p in persons)


def test_english_names_with_proper_nouns_before_the_head():
    text = ("Bach Mai Hospital and Hanoi Medical University signed a deal with Thailand's "
            "Siriraj Hospital. The Vietnam Social Security (VSS) paid for the training.")
    _, _, organizations = extract(text, "en")
    assert org(organizations, "Bach Mai Hospital")["country"] == "VN"
    assert org(organizations, "Hanoi Medical University")["kind"] == "university"
    assert org(organizations, "Siriraj Hospital")["country"] == "TH"
    assert org(organizations, "VSS")["country"] == "VN"


# --------------------------------------------------------------------------- French

FR_TALKS = (
    "Le 5 mai, le ministre cambodgien de la Santé, Chheang Ra, a rencontré à Hanoï le ministre "
    "vietnamien de la Santé Dao Hong Lan. Le ministère cambodgien de la Santé et le ministère "
    "vietnamien de la Santé ont évoqué la formation. Selon le ministre Dao Hong Lan, les deux "
    "ministères de la Santé veulent aller plus loin.\n"
    "Le ministre vietnamien de la Santé, Dao Hong Lan (Photo : Moh).\n"
    "Le ministère de la Santé accueillera en juin des médecins cambodgiens à l'Hôpital K et au "
    "CHU de Bordeaux, avec le Dr Tran Minh Duc, directeur de l'Hôpital K. Les hôpitaux des deux "
    "pays et les entreprises françaises sont associés.")


def test_french_titles_give_roles_and_nationality_adjectives_give_countries():
    _, persons, organizations = extract(FR_TALKS, "fr")
    chheang = person(persons, "Chheang Ra")
    assert chheang["country"] == "KH"
    assert chheang["roles"][0]["title"] == "ministre cambodgien de la Santé"
    # the minister of health works for his country's ministry of health
    assert chheang["roles"][0]["organization"] == org(organizations,
                                                      "ministère cambodgien de la Santé")["id"]
    lan = person(persons, "Dao Hong Lan")
    assert lan["country"] == "VN"
    assert any(r["title"].startswith("ministre vietnamien") for r in lan["roles"])
    duc = person(persons, "Tran Minh Duc")  # "Dr X" is MISC for the French model
    hospital = org(organizations, "Hôpital K")
    assert duc["roles"] == [{"title": "directeur de l'Hôpital K",
                             "organization": hospital["id"]}]


def test_two_ministries_of_health_and_the_bare_one_is_the_hosts():
    context, _, organizations = extract(FR_TALKS, "fr")
    ministries = [o for o in organizations if o["kind"] == "ministry"]
    assert {o["country"] for o in ministries} == {"KH", "VN"}
    assert len(ministries) == 2
    vietnamese = next(o for o in ministries if o["country"] == "VN")
    texts = [context.text[m["start"]:m["end"]] for m in vietnamese["mentions"]]
    assert "ministère de la Santé" in texts  # the bare one, in a Hanoi article


def test_french_model_errors_are_corrected():
    _, persons, organizations = extract(FR_TALKS, "fr")
    # hospitals the model takes for places
    assert org(organizations, "Hôpital K")["kind"] == "hospital"
    chu = org(organizations, "CHU de Bordeaux")
    assert chu["kind"] == "hospital" and chu["country"] == "FR"
    # photo credits are no persons
    assert "moh" not in names(persons) and "photo" not in names(persons)
    # generic phrases are no organizations
    found = names(organizations)
    assert not any(n.startswith(("les hopitaux", "hopitaux", "entreprises")) for n in found)
    assert not any("deux ministeres" in n for n in found)


def test_embassy_and_appositive_organization():
    text = ("La signature a eu lieu en présence de l'ambassadeur de France au Vietnam, Paul "
            "Martin, et de Medivac, l'entreprise pharmaceutique basée en Belgique. "
            "L'ambassade de France au Vietnam a salué l'accord.")
    _, persons, organizations = extract(text, "fr")
    martin = person(persons, "Paul Martin")
    assert martin["country"] == "FR"
    assert martin["roles"][0]["title"] == "ambassadeur de France au Vietnam"
    embassy = org(organizations, "ambassade de France au Vietnam")
    assert embassy["kind"] == "embassy" and embassy["country"] == "FR"
    medivac = org(organizations, "Medivac")
    assert medivac["kind"] == "company" and medivac["country"] == "BE"


# --------------------------------------------------------------------------- seeds


def test_seed_000_blum_is_a_french_person_not_an_organization():
    _, persons, organizations = seed("000")
    blum = person(persons, "Georges-Fabrice Blum")
    assert blum["country"] == "FR"
    assert "georges-fabrice blum" not in names(organizations)
    meae = org(organizations, "MEAE")
    assert "(MEAE)" in meae["aliases"] and meae["country"] == "FR"
    thuan = person(persons, "Trần Văn Thuấn")
    assert "Tran Van Thuan" in thuan["aliases"]
    moh = org(organizations, "Ministry of Health")
    assert moh["country"] == "VN"


def test_seed_002_murashko_and_mourachko_are_one_russian_minister():
    _, persons, organizations = seed("002")
    murashko = person(persons, "Mikhaïl Murashko")
    assert fold("Mikhaïl Mourachko") in {fold(a) for a in murashko["aliases"]}
    assert murashko["country"] == "RU"
    assert len([p for p in persons if "mikhail" in fold(p["name"])]) == 1
    assert not any(fold(p["name"]) == "moh" for p in persons)
    ministries = {o["country"] for o in organizations if o["kind"] == "ministry"}
    assert ministries == {"VN", "RU"}
    assert "federation de russie" not in names(organizations)


def test_seed_004_hospitals_universities_and_directors():
    _, persons, organizations = seed("004")
    assert org(organizations, "Hôpital E")["country"] == "VN"
    assert org(organizations, "Université Clermont-Auvergne")["country"] == "FR"
    chu = org(organizations, "CHU Clermont-Ferrand")
    assert fold("Centre hospitalier universitaire de Clermont-Ferrand") in \
        {fold(n) for n in [chu["name"], *chu["aliases"]]}
    viet_duc = org(organizations, "Hôpital de l’amitié Viêt Duc")
    hung = person(persons, "Duong Duc Hùng")
    assert hung["roles"][0]["organization"] == viet_duc["id"]
    assert hung["country"] == "VN"
    busuttil = person(persons, "Romain Busuttil")
    assert busuttil["country"] == "FR"
    assert "linh dam" not in {fold(p["name"]) for p in persons}
    ump = org(organizations, "Université de médecine et de pharmacie")
    assert "UMP" in ump["aliases"]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_mention_is_a_name_of_its_item(seed_dir, prefix):
    context, persons, organizations = seed(prefix)
    for item in [*persons, *organizations]:
        forms = [fold(n) for n in [item["name"], *item["aliases"]]]
        assert item["mentions"]
        for mention in item["mentions"]:
            piece = fold(context.text[mention["start"]:mention["end"]])
            assert any(piece in form for form in forms), (piece, item["name"])


def test_ids_follow_the_contract():
    _, persons, organizations = seed("004")
    assert [p["id"] for p in persons] == [f"p{n}" for n in range(1, len(persons) + 1)]
    assert [o["id"] for o in organizations] == [f"o{n}" for n in range(1, len(organizations) + 1)]
    kinds = {"ministry", "agency", "hospital", "university", "association", "company",
             "embassy", "government", "international", "media", "other"}
    assert {o["kind"] for o in organizations} <= kinds


def test_vietnamese_articles_go_to_the_vietnamese_module():
    vietnamese = pytest.importorskip("hoptac.extract.vietnamese")
    text = "Ngày 5/3, Bộ trưởng Bộ Y tế Đào Hồng Lan tiếp Đại sứ Pháp tại Việt Nam."
    context = build_context(Article(id="t", text=text, language="vi"))
    assert entities.find_persons_and_organizations(context) == \
        vietnamese.find_persons_and_organizations(context)


# --------------------------------------------------------------------------- names the model misses

EN_KOREA = (
    "Seoul - Korean Minister of Health and Welfare Choi Min-seo met Vice Chairman of the "
    "People's Committee of Thai Binh province Ngo Van Khanh on Friday. The deal was signed by "
    "Kang Ji-hoon, chairman of Daewon Medical Foundation, at the Korea-Vietnam Health Forum "
    "2024. The Wonkwang University Hospital of the Republic of Korea (RoK) will train nurses.")


def test_names_after_a_title_and_before_an_appositive_title():
    _, persons, _ = extract(EN_KOREA, "en")
    choi = person(persons, "Choi Min-seo")
    assert choi["country"] == "KR"
    assert choi["roles"][0]["title"] == "Korean Minister of Health and Welfare"
    kang = person(persons, "Kang Ji-hoon")
    assert kang["roles"][0]["title"].startswith("chairman of Daewon Medical Foundation")
    assert kang["country"] == "KR"  # a hyphenated given name is not Vietnamese
    assert person(persons, "Ngo Van Khanh")["country"] == "VN"


def test_vietnamese_provinces_events_and_country_acronyms_are_no_bodies_of_other_lands():
    _, _, organizations = extract(EN_KOREA, "en")
    found = names(organizations)
    assert not any("forum" in n for n in found)
    assert not any(o["country"] == "TH" for o in organizations)  # Thai Binh is in Viet Nam
    hospital = org(organizations, "Wonkwang University Hospital of the Republic of Korea")
    assert hospital["kind"] == "hospital" and hospital["country"] == "KR"
    assert "RoK" not in hospital["aliases"]


def test_french_apposition_stops_where_the_clause_starts():
    text = ("Le vice-président du Comité populaire de Da Nang, Tran Quoc Bao, a reçu Mme Ana "
            "Perez, vice-ministre de la Santé du Chili en visite de travail au Vietnam. "
            "Le Parti communiste du Vietnam (PCV) et l'Assemblée nationale ont salué la visite.")
    _, persons, organizations = extract(text, "fr")
    perez = person(persons, "Ana Perez")
    assert [r["title"] for r in perez["roles"]] == ["vice-ministre de la Santé du Chili"]
    assert perez["country"] == "CL"
    bao = person(persons, "Tran Quoc Bao")
    committee = org(organizations, "Comité populaire de Da Nang")
    assert bao["roles"][0]["organization"] == committee["id"]
    assert committee["country"] == "VN"
    assert org(organizations, "PCV")["country"] == "VN"
    assert org(organizations, "Assemblée nationale")["kind"] == "government"


def test_family_name_first_and_given_name_alone():
    text = ("HÀ NỘI — Minister of Health Đào Hồng Lan on Tuesday received Japanese Ambassador "
            "to Việt Nam Itō Naoki. Lan thanked Japan for its help to Bạch Mai Hospital. "
            "Ambassador Itō said Japan would keep training doctors. — VNS")
    context, persons, organizations = extract(text, "en")
    ito = person(persons, "Itō Naoki")
    texts = [context.text[m["start"]:m["end"]] for m in ito["mentions"]]
    assert texts == ["Itō Naoki", "Itō"]
    assert ito["country"] == "JP"
    assert [r["title"] for r in ito["roles"]] == ["Japanese Ambassador to Việt Nam"]
    lan = person(persons, "Đào Hồng Lan")
    assert "Dao Hong Lan" in lan["aliases"]
    assert [context.text[m["start"]:m["end"]] for m in lan["mentions"]] == ["Đào Hồng Lan", "Lan"]
    assert not any(fold(o["name"]) in ("viet nam", "vietnam") for o in organizations)


def test_foreign_looking_body_takes_the_partner_country_vietnamese_looking_the_host():
    text = ("Hanoï - L'Hôpital Foch et l'Hôpital Bach Mai ont signé mardi un accord de "
            "jumelage. La France accueillera dix internes vietnamiens par an et la France "
            "enverra des chirurgiens au Vietnam.")
    _, _, organizations = extract(text, "fr")
    assert org(organizations, "Hôpital Foch")["country"] == "FR"
    assert org(organizations, "Hôpital Bach Mai")["country"] == "VN"


def test_lowercase_hospital_before_a_proper_name_and_numbered_hospitals():
    fr = ("Le ministre a visité l'hôpital Cho Ray et l'hôpital universitaire Saint-Louis, "
          "puis les hôpitaux de la ville et le laboratoire Servier.")
    _, _, organizations = extract(fr, "fr")
    assert {"hopital cho ray", "hopital universitaire saint-louis"} <= names(organizations)
    assert not any(n.startswith(("hopitaux", "laboratoire")) for n in names(organizations))
    en = ("Doctors of Military Hospital 175 will train in Osaka, the hospital said.\n"
          "Translated by Hoang Minh")
    _, persons, organizations = extract(en, "en")
    assert "military hospital 175" in names(organizations)
    assert persons == []


def test_bodies_listed_around_a_plural_head():
    en = ("Doctors from Bach Mai, Cho Ray and Hue Central hospitals met Bach Mai Hospital "
          "managers. Many hospitals and universities attended.")
    _, persons, organizations = extract(en, "en")
    bach_mai = org(organizations, "Bach Mai Hospital")
    assert len(bach_mai["mentions"]) == 2 and bach_mai["kind"] == "hospital"
    assert {"cho ray", "hue central"} <= names(organizations)
    assert persons == []
    fr = "Le ministre a salué les hôpitaux Tu Du et Viet Duc, puis l'hôpital Tu Du a signé."
    _, persons, organizations = extract(fr, "fr")
    tu_du = org(organizations, "hôpital Tu Du")
    assert "Tu Du" in tu_du["aliases"] or tu_du["name"] == "Tu Du"
    assert org(organizations, "Viet Duc")["kind"] == "hospital"
    assert persons == []


def test_well_known_bodies_keep_their_usual_name_and_other_language_names():
    text = ("The World Health Organisation (WHO) will help Vietnam. Pratt said the WHO and "
            "the Japan International Cooperation Agency would work together.")
    context, _, organizations = extract(text, "en")
    who = org(organizations, "WHO")
    assert who["name"] == "World Health Organization" and who["country"] is None
    assert "OMS" in who["aliases"] and "(WHO)" in who["aliases"]
    assert [context.text[m["start"]:m["end"]] for m in who["mentions"]] == \
        ["World Health Organisation (WHO)", "WHO"]
    assert org(organizations, "JICA")["country"] == "JP"


def test_honorifics_stay_out_of_names_and_affiliations_give_countries():
    text = ("Le Pr Nguyen Van Kinh, ancien directeur de l'Hôpital national des maladies "
            "tropicales, et le Dr Olivier Blanc, de l'Institut Pasteur de Lille, ont signé.")
    _, persons, organizations = extract(text, "fr")
    assert sorted(p["name"] for p in persons) == ["Nguyen Van Kinh", "Olivier Blanc"]
    kinh = person(persons, "Nguyen Van Kinh")
    hospital = org(organizations, "Hôpital national des maladies tropicales")
    assert kinh["roles"] == [{"title": "ancien directeur de l'Hôpital national des maladies "
                                       "tropicales", "organization": hospital["id"]}]
    assert person(persons, "Olivier Blanc")["country"] == "FR"  # Lille is in France


def test_lists_of_people_with_titles_and_staff_of_international_bodies():
    text = ("HÀ NỘI — Health Minister Nguyễn Văn Tâm, Australian Foreign Minister Jane Doyle, "
            "and UNICEF Việt Nam Representative Mary Stone visited the Australian Government "
            "and UNICEF's warehouse. Doctors of Military Hospital 108 of the Defence Ministry "
            "met staff of Military Hospital 108 later.")
    _, persons, organizations = extract(text, "en")
    tam = person(persons, "Nguyễn Văn Tâm")
    assert [r["title"] for r in tam["roles"]] == ["Health Minister"] and tam["country"] == "VN"
    assert person(persons, "Jane Doyle")["country"] == "AU"
    assert person(persons, "Mary Stone")["country"] is None
    assert not any("unicef" in n and "government" in n for n in names(organizations))
    hospital = org(organizations, "Military Hospital 108 of the Defence Ministry")
    assert len(hospital["mentions"]) == 2


def test_vietnamese_looking_body_in_an_article_from_abroad_is_vietnamese():
    text = ("Berlin, 3 mars - Le ministre allemand de la Santé, Karl Weber, a reçu son "
            "homologue vietnamienne Dao Hong Lan. L'Hôpital Bach Mai et l'Agence allemande de "
            "coopération internationale (GIZ) ont signé un accord. L'Allemagne formera des "
            "infirmiers vietnamiens.")
    _, persons, organizations = extract(text, "fr")
    assert org(organizations, "Hôpital Bach Mai")["country"] == "VN"
    assert org(organizations, "GIZ")["country"] == "DE"
    assert person(persons, "Karl Weber")["country"] == "DE"
    assert person(persons, "Dao Hong Lan")["country"] == "VN"


def test_embassies_belong_to_the_country_before_them():
    text = ("The French Embassy in Vietnam and the Vietnamese Embassy in France met the "
            "Embassy of Japan in Vietnam, with Viet Nam's Ministry of Health.")
    _, _, organizations = extract(text, "en")
    french = org(organizations, "French Embassy in Vietnam")
    assert french["country"] == "FR" and "Embassy in Vietnam" in french["aliases"]
    assert org(organizations, "Vietnamese Embassy in France")["country"] == "VN"
    assert org(organizations, "Embassy of Japan in Vietnam")["country"] == "JP"
    assert org(organizations, "Ministry of Health")["country"] == "VN"


def test_close_but_different_vietnamese_names_stay_two_persons():
    text = ("Deputy Minister of Health Nguyen Truong Son met Major General Nguyen Hong Son, "
            "Director of the Military Hospital 175. Director of the Health Ministry's "
            "International Cooperation Department Tran Thi Giang Huong attended.")
    _, persons, organizations = extract(text, "en")
    assert {"nguyen truong son", "nguyen hong son", "tran thi giang huong"} <= names(persons)
    assert "international cooperation department" in names(organizations)


def test_surname_alone_after_an_honorific_or_a_title_is_a_person():
    en = ("Hanoi - Deputy Minister of Health Nguyen Van Long met Ms. Halvorsen, the Norwegian "
          "Minister of Health, on Monday. Minister Halvorsen said Norway would send experts.")
    _, persons, _ = extract(en, "en")
    halvorsen = person(persons, "Halvorsen")
    assert halvorsen["country"] == "NO" and len(halvorsen["mentions"]) == 2
    fr = ("Le vice-ministre Nguyen Van Long a reçu Mme Lindqvist, ministre suédoise de la "
          "Santé. Mme Lindqvist a salué la coopération entre la Suède et le Vietnam.")
    _, persons, _ = extract(fr, "fr")
    assert person(persons, "Lindqvist")["country"] == "SE"
    # a word alone after a title that is a place or a body word is no one
    _, persons, _ = extract("Minister Hanoi and Dr Hospital are not names. Minister Long "
                            "Nguyen Van spoke.", "en")
    assert "hanoi" not in names(persons) and "hospital" not in names(persons)


def test_family_name_first_after_title_and_country_is_a_person_not_an_organization():
    en = ("In his speech, Korean Ambassador to Vietnam Park Min-soo said the two countries "
          "would train more doctors.")
    _, persons, organizations = extract(en, "en")
    assert person(persons, "Park Min-soo")["country"] == "KR"
    assert not any("Park" in o["name"] for o in organizations)


def test_places_after_a_preposition_of_place_are_no_persons():
    fr = ("Les deux parties vont construire des hôpitaux à Luang Prabang et Xieng Khouang, a "
          "indiqué le ministre. Des cliniques à Hanoi et Hô Chi Minh-Ville de matériel moderne "
          "ont été équipées. Le projet a été présenté à Nguyen Thi Lan, directrice du "
          "département.")
    _, persons, _ = extract(fr, "fr")
    found = names(persons)
    assert not any("khouang" in n or "ville" in n for n in found)
    assert "nguyen thi lan" in found
    en = "The two ministers visited clinics in Savannakhet and Champasak last week."
    _, persons, _ = extract(en, "en")
    assert persons == []


def test_french_names_with_comma_lists_lowercase_adjectives_and_nouns_after_d():
    fr = ("Le centre travaille avec le ministère coréen de la Santé, du Travail et de la "
          "Famille. Deux cliniques ont été ouvertes grâce à l’Hôpital central d’acupuncture du "
          "Vietnam et au Parti socialiste chilien (PS). La délégation a visité le groupe "
          "d'hôpitaux Fortis à New Delhi. Le projet est financé par ce ministère et d’autres "
          "projets.")
    _, _, organizations = extract(fr, "fr")
    found = names(organizations)
    assert fold("ministère coréen de la Santé, du Travail et de la Famille") in found
    assert org(organizations, "ministère coréen de la Santé, du Travail et de la Famille")[
        "country"] == "KR"
    assert fold("Hôpital central d’acupuncture du Vietnam") in found
    assert org(organizations, "Parti socialiste chilien")["country"] == "CL"
    assert org(organizations, "groupe d'hôpitaux Fortis")["country"] == "IN"
    assert not any("autres" in n for n in found)


def test_english_names_with_commas_and_two_bodies_joined_by_and():
    en = ("The Ministry of Health, Labour and Welfare of Japan signed a memorandum with the "
          "Ministry of Education and KOICA on Tuesday.")
    _, _, organizations = extract(en, "en")
    found = names(organizations)
    assert fold("Ministry of Health, Labour and Welfare of Japan") in found
    assert "ministry of education" in found
    assert not any("koica" in n and "education" in n for n in found)


def test_embassy_named_by_its_adjective_and_no_bodies_from_frameworks_or_decorations():
    en = ("The two countries upgraded ties to a Comprehensive Strategic Partnership in 2023, "
          "the Swedish Embassy said. Universities of Japan’s Kansai region joined. The "
          "Comprehensive Strategic Partnership covers health.")
    _, _, organizations = extract(en, "en")
    assert org(organizations, "Swedish Embassy")["country"] == "SE"
    found = names(organizations)
    assert not any("partnership" in n or "kansai" in n for n in found)
    fr = ("L’ambassade du Vietnam a remis l’Ordre de l’Indépendance de troisième classe à "
          "l’institut. L’Ordre de l’Indépendance récompense trente ans d’aide. L’Ordre des "
          "médecins de France a salué cette distinction.")
    _, _, organizations = extract(fr, "fr")
    found = names(organizations)
    assert not any("independance" in n for n in found)
    assert any(n.startswith("ordre des medecins") for n in found)


def test_persons_of_an_article_between_two_other_countries_take_the_host_country():
    en = ("New Delhi - The Union Cabinet chaired by the Prime Minister, Shri Rajan Mehta, "
          "approved an MoU between India and Nepal on health. The MoU between India and Nepal "
          "covers drugs and training in New Delhi.")
    _, persons, _ = extract(en, "en")
    assert person(persons, "Rajan Mehta")["country"] == "IN"


def test_bare_ministry_stays_the_hosts_and_apart_from_a_foreign_one():
    fr = ("Hanoï - Le ministère indien de la Santé et le ministère de la Santé ont signé un "
          "mémorandum. L'ambassadeur du Danemark au Vietnam a visité le ministère de la Santé. "
          "L'Inde et le Danemark soutiennent le Vietnam.")
    _, _, organizations = extract(fr, "fr")
    assert org(organizations, "ministère indien de la Santé")["country"] == "IN"
    bare = org(organizations, "ministère de la Santé")
    assert bare["country"] == "VN" and len(bare["mentions"]) == 2
    en = ("Hanoi - Officials of the Thai Ministry of Public Health met the Ministry of Health. "
          "The Embassy of Denmark and the Danish Embassy in Hanoi attended. Thailand and "
          "Denmark support the plan.")
    _, _, organizations = extract(en, "en")
    assert org(organizations, "Ministry of Health")["country"] == "VN"
    assert org(organizations, "Thai Ministry of Public Health")["country"] == "TH"
    embassies = [o for o in organizations if o["kind"] == "embassy"]
    assert len(embassies) == 1 and embassies[0]["country"] == "DK"


def test_body_without_a_country_takes_the_one_of_its_namesake():
    en = ("HANOI - South Korea’s Samsan Hospital and Vietnam’s Nam Dinh Province signed a "
          "memorandum on Friday. Kim Do-yun, chairman of Samsan Medical Foundation, said the "
          "foundation would train doctors.")
    _, persons, organizations = extract(en, "en")
    assert org(organizations, "Samsan Medical Foundation")["country"] == "KR"
    assert person(persons, "Kim Do-yun")["country"] == "KR"


def test_person_set_off_by_a_comma_after_a_body_noun_is_a_person():
    en = ("The second contract was signed by the deputy director of the company, Vo Van Nam. "
          "Doctors from Bach Mai and Viet Duc hospitals attended.")
    _, persons, _ = extract(en, "en")
    assert person(persons, "Vo Van Nam")["country"] == "VN"
    fr = ("Le contrat a été signé par le directeur adjoint de la clinique, Le Thi Hoa. Les "
          "hôpitaux Bach Mai, Viet Duc et Cho Ray y participent.")
    _, persons, _ = extract(fr, "fr")
    assert names(persons) == {"le thi hoa"}


def test_country_of_foreign_persons_from_the_nationality_or_place_in_their_title():
    en = ("Hanoi - Deputy Minister Tran Van Thuan received Thai Minister of Public Health "
          "Somsak Thepsutin and Mr. Lars Hansen, Ambassador of Denmark to Vietnam. Pham Quang "
          "Hoa, director of Thai Binh Department of Health, and Nguyen Van Minh, director of "
          "Lao Cai Department of Health, attended. Thailand and Denmark support Vietnam.")
    _, persons, organizations = extract(en, "en")
    assert person(persons, "Somsak Thepsutin")["country"] == "TH"
    assert person(persons, "Lars Hansen")["country"] == "DK"
    assert person(persons, "Pham Quang Hoa")["country"] == "VN"
    assert person(persons, "Nguyen Van Minh")["country"] == "VN"
    assert org(organizations, "Thai Binh Department of Health")["country"] == "VN"
    fr = ("Hanoï - La ministre Dao Hong Lan a reçu le ministre indien de la Santé, Rajesh "
          "Kumar, et Lars Hansen, ambassadeur du Danemark au Vietnam. Jean Martin, directeur de "
          "l'hôpital Saint-Louis au Japon, était présent. L'Inde, le Danemark et le Japon "
          "soutiennent le Vietnam.")
    _, persons, organizations = extract(fr, "fr")
    assert person(persons, "Rajesh Kumar")["country"] == "IN"
    assert person(persons, "Lars Hansen")["country"] == "DK"
    assert person(persons, "Jean Martin")["country"] == "JP"
    assert org(organizations, "hôpital Saint-Louis")["country"] == "JP"


def test_dash_between_name_and_title_keeps_the_name_clean():
    en = ("Prof.Dr. Le Quang Cuong - Deputy Minister of Ministry of Health (MOH) had a courtesy "
          "meeting with Mr. Antonio Corona - Deputy Minister of Public Health of Cuba.")
    _, persons, _ = extract(en, "en")
    assert names(persons) == {"le quang cuong", "antonio corona"}
    assert person(persons, "Le Quang Cuong")["country"] == "VN"
    assert person(persons, "Antonio Corona")["country"] == "CU"


def test_coordinated_plural_fields_are_no_companies():
    en = ("The fields of cooperation include:\n- Vaccines and Pharmaceuticals;\n- Family "
          "Planning;\nThe memorandum was drafted with Hau Giang Pharmaceuticals.")
    _, _, organizations = extract(en, "en")
    found = names(organizations)
    assert "vaccines and pharmaceuticals" not in found
    assert "hau giang pharmaceuticals" in found


def test_names_in_a_list_of_titled_guests_stay_apart_from_bodies():
    en = ("Attending were Chairman of the Vietnam - Korea Friendship Association Tran Van Hai, "
          "Director General, Ministry of Health and Welfare of Korea Yoon Seok-min and Deputy "
          "Minister of Health Nguyen Thi Lan. Ho Chi Minh City-based Cho Ray Hospital hosted "
          "the meeting.")
    _, persons, organizations = extract(en, "en")
    found = names(organizations)
    assert fold("Ministry of Health and Welfare of Korea") in found
    assert fold("Vietnam - Korea Friendship Association") in found
    assert "cho ray hospital" in found
    yoon = person(persons, "Yoon Seok-min")
    assert yoon["country"] == "KR"
    title = yoon["roles"][0]["title"]
    assert title.startswith("Director General") and title.endswith("of Korea")
    assert yoon["roles"][0]["organization"] == org(
        organizations, "Ministry of Health and Welfare of Korea")["id"]
    assert not any(fold("Director General") in fold(r["title"])
                   for r in person(persons, "Tran Van Hai")["roles"])


def test_korean_names_are_korean_when_nothing_else_says_and_korea_is_named():
    en = ("South Korean health officials visited Hanoi on Monday. Vice Minister Choi Min-ho "
          "met Health Minister Nguyen Van Tuan and Malaysian officials.")
    _, persons, _ = extract(en, "en")
    assert person(persons, "Choi Min-ho")["country"] == "KR"
    fr = ("Des responsables sud-coréens ont visité Hanoï. Le vice-ministre Choi Min-ho a "
          "rencontré le ministre Nguyen Van Tuan et des responsables malaisiens.")
    _, persons, _ = extract(fr, "fr")
    assert person(persons, "Choi Min-ho")["country"] == "KR"


def test_vietnamese_person_called_by_given_names_and_titles_in_quotes_are_no_bodies():
    fr = ("La délégation est dirigée par la ministre Nguyên Thi Kim Lan, \"Médecin du Peuple\", "
          "membre du Comité central. Il s'agit de la première visite en France de Mme Kim Lan.")
    _, persons, organizations = extract(fr, "fr")
    assert len(persons) == 1 and len(person(persons, "Nguyên Thi Kim Lan")["mentions"]) == 2
    assert not any("medecin" in n for n in names(organizations))


def test_ambassadors_of_countries_named_in_full_french_forms():
    fr = ("L'ambassadeur de la République populaire démocratique de Corée au Vietnam, Ri Song "
          "Chol, et l'ambassadeur de la République d'Azerbaïdjan, Elchin Bayramov, ont été reçus "
          "par le ministre Tran Van Hai.")
    _, persons, _ = extract(fr, "fr")
    assert person(persons, "Ri Song Chol")["country"] == "KP"
    assert person(persons, "Elchin Bayramov")["country"] == "AZ"


def test_known_bodies_in_other_spellings_and_units_named_after_them():
    en = ("Hanoi - The US Centres for Disease Control and Prevention (CDC) will help Vietnam. "
          "Officials of CDC Vietnam and the CDC Southeast Asia Regional Office in Hanoi met the "
          "Ministry of Health.")
    _, _, organizations = extract(en, "en")
    cdc = org(organizations, "Centers for Disease Control and Prevention")
    assert cdc["country"] == "US" and fold("US Centres for Disease Control and Prevention") in \
        {fold(a) for a in cdc["aliases"]}
    assert org(organizations, "CDC Southeast Asia Regional Office")["country"] == "US"
    assert not any(" and cdc" in n for n in names(organizations))


def test_body_named_only_inside_its_units_name_is_not_reported_apart():
    fr = ("Nguyen Thi Mai, secrétaire adjointe du Comité du Parti de Da Nang, a reçu la "
          "délégation. Le Service de cardiologie du CHU de Rouen et le CHU de Rouen ont signé.")
    _, _, organizations = extract(fr, "fr")
    found = names(organizations)
    assert fold("Comité du Parti de Da Nang") in found
    assert fold("Parti de Da Nang") not in found
    assert fold("CHU de Rouen") in found  # also named on its own


def test_quotation_closed_by_a_straight_quote_ends_before_the_body():
    en = ("At a seminar themed “Vietnam – Korea: New Ties\" hosted by the Hanoi Times on Monday, "
          "officials spoke.")
    _, _, organizations = extract(en, "en")
    assert "hanoi times" in names(organizations)
    fr = ("Le séminaire « Santé et Avenir » organisé par la Fondation Mérieux a réuni des "
          "médecins, a indiqué \"Le Courrier du Vietnam\".")
    _, _, organizations = extract(fr, "fr")
    assert not any("avenir" in n for n in names(organizations))


def test_same_named_body_with_and_without_its_country_and_coordinated_domains():
    fr = ("L’Hôpital universitaire de médecine et pharmacie (HUMP) de Hô Chi Minh-Ville et "
          "l’Université de Kobe du Japon ont signé un accord. L'Université de Kobe formera des "
          "médecins.")
    _, _, organizations = extract(fr, "fr")
    hump = org(organizations, "Hôpital universitaire de médecine et pharmacie de Hô Chi Minh-Ville")
    assert hump["country"] == "VN"
    kobe = org(organizations, "Université de Kobe du Japon")
    assert kobe["country"] == "JP" and len(kobe["mentions"]) == 2


def test_country_of_a_body_set_off_by_a_comma_and_titles_before_a_body_complement():
    en = ("Hanoi - Mr. Pedro Alvarez - Deputy Minister of Foreign Trade and Investment "
          "Ministry, the Republic of Cuba, met officials of the Ministry of Health.")
    _, persons, organizations = extract(en, "en")
    ministry = org(organizations, "Foreign Trade and Investment Ministry")
    assert ministry["country"] == "CU"
    assert person(persons, "Pedro Alvarez")["country"] == "CU"
    fr = ("Hanoï - Le ministère de la Santé publique, la République de Cuba, a envoyé des "
          "médecins au ministère de la Santé.")
    _, _, organizations = extract(fr, "fr")
    assert org(organizations, "ministère de la Santé publique")["country"] == "CU"


# ------------------------------------------------- regions, states and provinces of a country

def test_region_in_a_title_or_body_gives_its_country_not_the_hosts():
    _, persons, organizations = extract(
        "HANOI, May 3 - Deputy Minister of Health Tran Van Thuan met Bavarian State Minister of "
        "Health Judith Gerlach and Mr. Tobias Lang, State Secretary of Saxony, in Hanoi. Vietnam "
        "and Germany agreed to cooperate on nurse training. Doctors of Gyeonggi Provincial "
        "Medical Center in Korea also attended.", "en")
    assert person(persons, "Judith Gerlach")["country"] == "DE"
    assert person(persons, "Tobias Lang")["country"] == "DE"
    assert org(organizations, "Gyeonggi Provincial Medical Center")["country"] == "KR"


def test_french_region_names_tie_officials_to_their_country():
    _, persons, organizations = extract(
        "HÔ CHI MINH-VILLE, 3 mai - Le vice-ministre de la Santé Tran Van Thuan a reçu "
        "M. Markus Weber, secrétaire d'État de la Rhénanie-du-Nord-Westphalie, et des médecins de "
        "l'Hôpital universitaire de Bavière. Le Vietnam et l'Allemagne ont signé un accord.", "fr")
    assert person(persons, "Markus Weber")["country"] == "DE"
    assert org(organizations, "Hôpital universitaire de Bavière")["country"] == "DE"
    assert person(persons, "Tran Van Thuan")["country"] == "VN"


# --------------------------------------------------------------------------- name boundaries

def test_a_title_listing_fields_ends_before_the_name():
    _, persons, organizations = extract(
        "BERLIN, June 2 - German Federal Minister for Economic Affairs and Energy Brigitte "
        "Zypries met Vietnamese Minister of Health Nguyen Thi Kim Tien in Berlin. Vietnam and "
        "Germany signed a memorandum on health cooperation.", "en")
    zypries = person(persons, "Brigitte Zypries")
    assert zypries["country"] == "DE"
    assert "Energy" in zypries["roles"][0]["title"]
    assert not any("Zypries" in o["name"] for o in organizations)


def test_french_title_listing_fields_ends_before_the_name():
    _, persons, _ = extract(
        "PARIS, 2 juin - La ministre du Travail et de la Santé Catherine Vautrin et le ministre "
        "de l'Europe et des Affaires étrangères Jean-Noël Barrot ont reçu le vice-ministre "
        "vietnamien de la Santé. Le Vietnam et la France ont signé un accord.", "fr")
    assert person(persons, "Catherine Vautrin")["roles"][0]["title"] == \
        "ministre du Travail et de la Santé"
    assert person(persons, "Jean-Noël Barrot")


def test_names_next_to_a_noun_of_place_are_places_not_persons():
    _, persons, _ = extract(
        "TAY NINH, June 2 - Health workers at the Moc Bai border gate checked travellers from "
        "Cambodia with Dr. Sok Chea of the Cambodian Ministry of Health. Vietnam and Cambodia "
        "agreed to share data.", "en")
    assert "moc bai" not in names(persons)
    assert person(persons, "Sok Chea")
    _, persons, _ = extract(
        "HÔ CHI MINH-VILLE, 2 juin - Une délégation conduite par M. Paul Martin, directeur du "
        "CHU de Nantes, a visité le poste frontière de Môc Bài. Le Vietnam et la France ont "
        "signé un accord.", "fr")
    assert "moc bai" not in names(persons)
    assert person(persons, "Paul Martin")
    _, persons, _ = extract(
        "Lực lượng y tế tại cửa khẩu Mộc Bài đã làm việc với bác sĩ Sok Chea của Bộ Y tế "
        "Campuchia. Việt Nam và Campuchia hợp tác.", "vi")
    assert "moc bai" not in names(persons)


def test_a_citys_health_service_is_a_body_but_a_hospital_unit_is_not():
    _, _, organizations = extract(
        "HÔ CHI MINH-VILLE, 2 juin - Le Service de la Santé de Ho Chi Minh-Ville a accueilli "
        "M. Paul Martin, directeur du CHU de Nantes. Le Service de chirurgie du CHU de Nantes "
        "forme des médecins. Le Vietnam et la France ont signé un accord.", "fr")
    assert org(organizations, "Service de la Santé de Ho Chi Minh-Ville")["country"] == "VN"
    assert org(organizations, "CHU de Nantes")["country"] == "FR"
    assert not any(fold(o["name"]).startswith("service de chirurgie") for o in organizations)


# ------------------------------------------------ one international body under several forms

def test_an_international_body_is_one_whatever_its_casing_or_apostrophe():
    _, _, organizations = extract(
        "HANOÏ, 5 mai - Le Fonds des Nations Unies pour l'Enfance au Vietnam soutient le "
        "ministère de la Santé. Le représentant du Fonds des Nations unies pour l’enfance "
        "(Unicef) a salué le projet. L'UNICEF fournit des vaccins. Le Vietnam coopère.", "fr")
    unicef = [o for o in organizations if "enfance" in fold(" ".join([o["name"], *o["aliases"]]))
              or o["name"] == "UNICEF"]
    assert len(unicef) == 1 and unicef[0]["country"] is None
    assert len(unicef[0]["mentions"]) == 4
    assert not any(fold(o["name"]).startswith("fonds des nations") for o in organizations)


def test_short_words_of_known_bodies_keep_their_casing():
    _, _, organizations = extract(
        "HANOI, May 5 - Who will fund the clinic? The World Health Organization (WHO) said it "
        "would help the Ministry of Health of Vietnam.", "en")
    who = org(organizations, "World Health Organization")
    assert all(m["start"] > 30 for m in who["mentions"])  # the question's "Who" is no body


def test_a_short_form_with_a_nationality_names_that_countrys_one_body_again():
    _, _, organizations = extract(
        "HANOÏ, 5 mai - Le vice-ministre vietnamien de la Santé a reçu une délégation du "
        "ministère des Affaires étrangères et du Commerce de Hongrie. Le ministère hongrois "
        "accorde 200 bourses. Le Vietnam et la Hongrie coopèrent.", "fr")
    hungarian = [o for o in organizations if o["country"] == "HU"]
    assert len(hungarian) == 1 and len(hungarian[0]["mentions"]) == 2
    _, _, organizations = extract(
        "HANOI, May 5 - Vietnam's Ministry of Health met the Ministry of Human Capacities of "
        "Hungary. The Hungarian Ministry promised 200 scholarships. Vietnam and Hungary "
        "cooperate.", "en")
    hungarian = [o for o in organizations if o["country"] == "HU"]
    assert len(hungarian) == 1 and len(hungarian[0]["mentions"]) == 2
    assert org(organizations, "Ministry of Health")["country"] == "VN"


def test_a_city_in_a_body_name_gives_its_country_whoever_found_it():
    _, _, organizations = extract(
        "HANOI, May 5 - Bach Mai Hospital signed a cooperation agreement with Seoul St. Mary's "
        "Hospital. Korea and Vietnam cooperate. Korea sends experts.", "en")
    assert org(organizations, "Seoul St. Mary's Hospital")["country"] == "KR"
    assert org(organizations, "Bach Mai Hospital")["country"] == "VN"


def test_a_title_naming_its_body_by_the_head_alone_ties_the_person_to_that_body():
    _, persons, organizations = extract(
        "DAKAR, March 12 - The French Hospital Federation (FHF) held a workshop in Dakar with "
        "Senegal's Ministry of Health. Zaynab Riet, General Delegate of the Federation, met "
        "Senegalese Health Minister Ibrahima Sy. Senegal and France strengthen cooperation. "
        "Senegal hosts the event.", "en")
    riet = person(persons, "Zaynab Riet")
    federation = org(organizations, "French Hospital Federation")
    assert riet["country"] == "FR"
    assert riet["roles"][0]["organization"] == federation["id"]
    assert person(persons, "Ibrahima Sy")["country"] == "SN"
    _, persons, organizations = extract(
        "DAKAR, 12 mars - La Fédération hospitalière de France a organisé un atelier à Dakar. "
        "Mme Zaynab Riet, déléguée générale de la Fédération, a rencontré le ministre sénégalais "
        "de la Santé Ibrahima Sy. Le Sénégal et la France coopèrent. Le Sénégal accueille.", "fr")
    assert person(persons, "Zaynab Riet")["country"] == "FR"


def test_a_possessive_title_works_for_the_body_named_just_before():
    _, persons, organizations = extract(
        "DAKAR, 12 mars - Une délégation de la Fédération hospitalière de France (FHF), conduite "
        "par son président Arnaud Robinet, a été reçue par le ministre sénégalais de la Santé "
        "Ibrahima Sy. Le Sénégal et la France renforcent leur coopération. Le Sénégal "
        "accueille.", "fr")
    robinet = person(persons, "Arnaud Robinet")
    assert robinet["country"] == "FR"
    assert robinet["roles"][0]["organization"] == \
        org(organizations, "Fédération hospitalière de France")["id"]
    assert person(persons, "Ibrahima Sy")["country"] == "SN"
    _, persons, _ = extract(
        "DAKAR, March 12 - A delegation of the French Hospital Federation, led by its president "
        "Arnaud Robinet, met Senegalese Health Minister Ibrahima Sy. Senegal and France "
        "cooperate. Senegal hosts the event.", "en")
    assert person(persons, "Arnaud Robinet")["country"] == "FR"
