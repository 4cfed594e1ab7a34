"""Areas: codes of the controlled vocabulary where the article reports cooperation."""

from __future__ import annotations

import json

import pytest

from hoptac.extract.areas import area_codes, find_areas, normalize
from hoptac.extract.context import Context, Sentence
from hoptac.extract.sentences import split_sentences


def context_of(text: str, language: str) -> Context:
    """A context without spaCy: areas only read the sentence texts."""
    sentences = [Sentence(a, b, text[a:b]) for a, b in split_sentences(text)]
    return Context(text=text, language=language, published=None, body_start=0,
                   body_end=len(text), sentences=sentences)


def areas_of(text: str, language: str) -> set[str]:
    return set(find_areas(context_of(text, language)))


def test_lexicon_codes_are_the_shared_vocabulary(shared_dir):
    shared = json.loads((shared_dir / "contract" / "areas.json").read_text(encoding="utf-8"))
    assert set(area_codes()) == {area["code"] for area in shared["areas"]}


def test_english_cooperation_fields():
    text = ("The two sides agreed to cooperate in cancer treatment, nursing education and "
            "telemedicine. They will also exchange experience on health insurance.")
    assert areas_of(text, "en") == {"oncology", "nursing", "training", "digital_health",
                                    "health_financing"}


def test_passing_mentions_are_not_areas():
    text = ("The minister visited a hospital in Hanoi and praised modern medicine. "
            "The ministry has a new spokesperson.")
    assert areas_of(text, "en") == set()


def test_field_words_need_an_article_about_cooperation():
    text = "Le Premier ministre a inauguré un centre de recherche sur le cancer à Lyon."
    assert areas_of(text, "fr") == set()


def test_french_list_of_domains():
    text = ("Les deux parties renforceront la coopération dans les domaines des vaccins, "
            "de la médecine traditionnelle et de l'imagerie médicale.")
    assert areas_of(text, "fr") == {"vaccines", "traditional_medicine", "medical_imaging"}


def test_weak_words_count_only_in_a_cooperation_sentence():
    text = ("Un accord de coopération sanitaire a été signé entre la France et le Cambodge. "
            "La recherche avance dans le pays. "
            "Les partenaires soutiendront la recherche et la formation des sages-femmes.")
    assert areas_of(text, "fr") == {"research", "training"}
    without_cooperation = "Un accord a été signé. La recherche avance dans le pays."
    assert "research" not in areas_of(without_cooperation, "fr")


def test_non_communicable_is_not_infectious():
    text = ("Les deux pays coopèrent sur la prévention des maladies non transmissibles. "
            "Both sides will cooperate on non-communicable diseases.")
    assert areas_of(text, "fr") == {"non_communicable_diseases"}
    assert areas_of(text, "en") == {"non_communicable_diseases"}


def test_vietnamese_fields_with_diacritics():
    text = ("Hai bên thống nhất đẩy mạnh hợp tác trong lĩnh vực y học cổ truyền, ghép tạng "
            "và chuyển đổi số y tế.")
    assert areas_of(text, "vi") == {"traditional_medicine", "surgery", "digital_health"}


def test_vietnamese_words_differing_only_by_tone_do_not_match():
    # "trực thuộc" (attached to) must not be read as "thuốc" (medicine)
    text = "Bệnh viện trực thuộc Bộ Y tế đã ký thỏa thuận hợp tác với một bệnh viện của Pháp."
    assert "pharmaceuticals" not in areas_of(text, "vi")
    assert "pharmaceuticals" in areas_of(text.replace("trực thuộc", "sản xuất thuốc cho"), "vi")
    doctors_day = "Nhân Ngày Thầy thuốc Việt Nam, hai bên ký thỏa thuận hợp tác đào tạo."
    assert areas_of(doctors_day, "vi") == {"training"}  # thầy thuốc: physician


def test_vietnamese_tone_placement_is_normalised():
    assert normalize("Hoà bình, thuỷ lợi", "vi") == normalize("Hòa bình, thủy lợi", "vi")
    assert normalize("Médecine d’urgence", "fr") == "medecine d urgence"


@pytest.mark.parametrize(("prefix", "present", "absent"), [
    ("002", {"medical_tourism", "rare_diseases", "traditional_medicine", "oncology"},
     {"public_health", "hospital_management", "nursing"}),
    ("004", {"critical_care", "medical_imaging", "nursing", "emergency_medicine"},
     {"pharmaceuticals", "health_financing", "vaccines"}),
    ("003", {"pharmaceuticals", "health_financing"}, {"training", "research", "digital_health"}),
])
def test_seed_articles(seed_dir, prefix, present, absent):
    from hoptac.extract.pipeline import extract_article
    from hoptac.ingest.readers import read_path
    from seeds import seed_path

    [article] = read_path(seed_path(prefix))
    areas = set(extract_article(article)["areas"])
    assert present <= areas
    assert not areas & absent


def test_fields_inside_organization_names_do_not_count():
    text = ("Đại diện Vụ Hợp tác Quốc tế, Cục Y tế Dự phòng và Vụ Sức khỏe Bà mẹ – Trẻ em "
            "dự buổi làm việc về hợp tác phòng, chống bệnh viêm gan.")
    assert areas_of(text, "vi") == {"infectious_diseases"}
    english = ("Officials of the Department of Maternal and Child Health and the Drug "
               "Administration attended talks on cooperation in hospital management.")
    assert areas_of(english, "en") == {"hospital_management"}
    hospitals = "The cooperation links the National Cancer Hospital with Gustave Roussy."
    assert areas_of(hospitals, "en") == {"oncology"}


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The partners will work on preventing non-communicable and infectious diseases.", "en",
     {"non_communicable_diseases", "infectious_diseases"}),
    ("Les deux pays coopèrent contre les maladies transmissibles et non transmissibles.", "fr",
     {"non_communicable_diseases", "infectious_diseases"}),
    ("Hai bên hợp tác phòng chống bệnh lây nhiễm và không lây nhiễm.", "vi",
     {"non_communicable_diseases", "infectious_diseases"}),
])
def test_one_disease_noun_shared_by_two_adjectives(text, language, expected):
    assert areas_of(text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Both sides agreed to cooperate in producing medicine and to train clinical staff.", "en",
     {"pharmaceuticals", "training"}),
    ("The agreement foresees that Korea will transfer technology for an exchange programme "
     "between hospitals of the two countries.", "en",
     {"technology_transfer", "hospital_management"}),
    ("La coopération portera sur la pharmacie, l'échange de médecins et d'infirmiers et la "
     "gestion des hôpitaux.", "fr", {"pharmaceuticals", "training", "hospital_management"}),
    ("Le partenaire a transféré au Vietnam les techniques de fabrication et financé les "
     "infrastructures des hôpitaux dans le cadre de la coopération.", "fr",
     {"technology_transfer", "hospital_management"}),
    ("Hai bên hợp tác chuyển giao công nghệ, quản lý bệnh viện và y tế cộng đồng.", "vi",
     {"technology_transfer", "hospital_management", "public_health"}),
])
def test_verbs_singulars_and_everyday_wordings_of_fields(text, language, expected):
    assert areas_of(text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Les partenaires développeront le suivi médical à distance et des hôpitaux intelligents.",
     "fr", {"digital_health"}),
    ("La coopération prévoit la mobilité d'enseignants et d'étudiants en médecine.", "fr",
     {"training"}),
    ("The cooperation covers acupuncture and care for foreign patients.", "en",
     {"traditional_medicine", "medical_tourism"}),
    ("Le projet de coopération a financé la réhabilitation de l'hôpital provincial.", "fr",
     {"hospital_management"}),
    ("Dự án hợp tác hỗ trợ cải tạo bệnh viện tỉnh.", "vi", {"hospital_management"}),
    ("Hai bên hợp tác nâng cao chất lượng điều trị cho người bệnh.", "vi",
     {"hospital_management"}),
])
def test_general_forms_of_the_fields(text, language, expected):
    assert areas_of(text, language) == expected


def test_a_feasibility_study_is_not_research():
    text = ("Chương trình hợp tác sẽ hỗ trợ quản lý các nghiên cứu khả thi cho các dự án "
            "công nghệ thông tin y tế.")
    assert "research" not in areas_of(text, "vi")
    assert "research" in areas_of(text.replace("nghiên cứu khả thi", "nghiên cứu"), "vi")


def test_a_constructive_talk_with_a_hospital_is_not_hospital_building():
    text = "The cooperation began after constructive talks with the hospital director."
    assert "hospital_management" not in areas_of(text, "en")


@pytest.mark.parametrize(("sentence", "language"), [
    ("The institute received 300 young doctors for education and research purposes.", "en"),
    ("L'institut a accueilli 300 jeunes médecins à des fins d'éducation et de recherche.", "fr"),
    ("Viện đã tiếp nhận 300 bác sĩ trẻ sang học tập, giáo dục và nghiên cứu.", "vi"),
])
def test_two_fields_named_as_a_pair(sentence, language):
    opening = {"en": "The two hospitals signed a cooperation agreement. ",
               "fr": "Les deux hôpitaux ont signé un accord de coopération. ",
               "vi": "Hai bệnh viện đã ký thỏa thuận hợp tác. "}[language]
    assert areas_of(opening + sentence, language) == {"training", "research"}
    # a pair of fields says nothing in an article that is not about cooperation
    assert areas_of(sentence, language) == set()


def test_french_inter_hospital_partnerships_and_skill_transfers():
    text = ("La coopération inter-hospitalière et les partenariats hospitalo-universitaires "
            "reposent sur des transferts de compétences.")
    assert areas_of(text, "fr") == {"hospital_management", "technology_transfer"}


def test_vietnamese_words_with_a_second_meaning():
    inpatients = "Hai bệnh viện hợp tác nâng cao chất lượng điều trị nội trú cho người bệnh."
    assert "training" not in areas_of(inpatients, "vi")
    residents = "Hai bệnh viện hợp tác đào tạo bác sĩ nội trú."
    assert "training" in areas_of(residents, "vi")
    long_ago = "Tình hữu nghị và hợp tác giữa hai dân tộc có từ xa xưa."
    assert areas_of(long_ago, "vi") == set()
    assert areas_of("Hai bên hợp tác khám bệnh từ xa.", "vi") == {"digital_health"}


@pytest.mark.parametrize(("text", "language"), [
    ("The partners will cooperate to simplify licensing procedures and build a legal "
     "framework for clinical trials.", "en"),
    ("Les deux ministères coopéreront sur le projet de loi sur la santé.", "fr"),
    ("Hai bên hợp tác xây dựng chính sách về bảo hiểm y tế.", "vi"),
])
def test_policy_and_regulation_work(text, language):
    assert "health_policy" in areas_of(text, language)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The partners will cooperate on food safety and family planning.", "en",
     {"public_health", "maternal_child_health"}),
    ("Les deux ministères coopèrent sur la quarantaine aux frontières et le planning familial.",
     "fr", {"infectious_diseases", "maternal_child_health"}),
    ("Hai bên hợp tác về an toàn thực phẩm và kiểm dịch y tế biên giới.", "vi",
     {"public_health", "infectious_diseases"}),
])
def test_food_safety_quarantine_and_family_planning(text, language, expected):
    assert areas_of(text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The grant will pay for the renovation of two district hospitals.", "en",
     {"hospital_management"}),
    ("Japan supports the upgrading of the provincial general hospital.", "en",
     {"hospital_management"}),
    ("L'AFD finance la réhabilitation du centre hospitalier régional de la province.", "fr",
     {"hospital_management"}),
    ("Le projet prévoit la rénovation de plusieurs hôpitaux de district.", "fr",
     {"hospital_management"}),
    ("Dự án viện trợ sẽ cải tạo, nâng cấp bệnh viện đa khoa tỉnh.", "vi",
     {"hospital_management"}),
    ("Nguồn vốn ODA được dùng để sửa chữa khu điều trị của bệnh viện huyện.", "vi",
     {"hospital_management"}),
])
def test_hospital_renovation_and_upgrading(text, language, expected):
    assert areas_of(text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("The partners will cooperate against chronic diseases such as asthma.", "en"),
    ("Les deux pays coopèrent dans la lutte contre les maladies non contagieuses.", "fr"),
    ("Le partenariat porte sur les affections chroniques.", "fr"),
    ("Hai bên hợp tác phòng chống bệnh không truyền nhiễm và các bệnh mạn tính.", "vi"),
])
def test_non_communicable_synonyms(text, language):
    assert areas_of(text, language) == {"non_communicable_diseases"}


@pytest.mark.parametrize(("text", "language"), [
    ("The agreement covers the response to emerging diseases.", "en"),
    ("Both institutes will cooperate on the surveillance of epidemics.", "en"),
    ("L'accord porte sur la prévention des maladies émergentes.", "fr"),
    ("Les deux pays coopèrent dans la lutte contre les épidémies.", "fr"),
    ("Hai bên hợp tác ứng phó với các dịch bệnh mới nổi.", "vi"),
])
def test_emerging_diseases_and_epidemics_are_infectious(text, language):
    assert areas_of(text, language) == {"infectious_diseases"}


@pytest.mark.parametrize(("text", "language"), [
    ("The two universities agreed to expand scientific and academic exchanges.", "en"),
    ("Les deux facultés développeront leurs échanges universitaires et scientifiques.", "fr"),
    ("Hai trường đại học thúc đẩy hợp tác trao đổi học thuật và khoa học.", "vi"),
])
def test_scientific_exchanges_are_research(text, language):
    assert "research" in areas_of(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Under the cooperation, the hospital receives patients from Laos for treatment.", "en"),
    ("Dans le cadre de cet accord, des patients cambodgiens viennent se faire soigner au "
     "Vietnam.", "fr"),
    ("Theo thỏa thuận hợp tác, bệnh viện tiếp nhận bệnh nhân Lào sang điều trị.", "vi"),
])
def test_receiving_foreign_patients_is_medical_tourism(text, language):
    assert "medical_tourism" in areas_of(text, language)


def test_receiving_patients_at_home_is_not_medical_tourism():
    text = "The hospital receives two thousand patients a day."
    assert areas_of(text, "en") == set()


@pytest.mark.parametrize(("text", "language"), [
    ("The programme aims at strengthening the national health system.", "en"),
    ("L'appui vise le renforcement des systèmes de santé des deux pays.", "fr"),
    ("Dự án hỗ trợ nâng cao năng lực hệ thống y tế của tỉnh.", "vi"),
])
def test_health_system_strengthening_is_health_policy(text, language):
    assert areas_of(text, language) == {"health_policy"}


def test_praise_of_a_health_system_is_no_field():
    text = "The agreements will have a positive effect on the health system of the country."
    assert areas_of(text, "en") == set()


@pytest.mark.parametrize(("text", "language"), [
    ("UNICEF supports the province in nutrition, clean water and sanitation.", "en"),
    ("Le projet finance l'accès à l'eau potable, l'hygiène et l'assainissement.", "fr"),
    ("Dự án hỗ trợ cải thiện dinh dưỡng, nước sạch và vệ sinh môi trường.", "vi"),
])
def test_nutrition_water_and_sanitation_are_public_health(text, language):
    assert areas_of(text, language) == {"public_health"}


@pytest.mark.parametrize(("text", "language"), [
    ("The Minister of Public Health of Thailand signed a cooperation agreement with Vietnam.",
     "en"),
    ("Le ministère de la Santé publique du Cameroun a signé un accord de coopération.", "fr"),
    ("Bộ trưởng Bộ Y tế công cộng Lào và Bộ trưởng Y tế Việt Nam ký thỏa thuận hợp tác.", "vi"),
])
def test_public_health_in_a_ministry_name_is_no_field(text, language):
    assert "public_health" not in areas_of(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("A cooperation agreement was signed. The minister praised the training of the new "
     "football team.", "en"),
    ("Un accord de coopération a été signé. La formation du nouveau gouvernement a pris "
     "trois mois.", "fr"),
    ("Hai bên ký thỏa thuận hợp tác. Trường có truyền thống đào tạo lâu đời.", "vi"),
])
def test_training_in_passing_is_no_field(text, language):
    assert "training" not in areas_of(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("The project will support the training of young doctors.", "en"),
    ("Le projet soutiendra la formation des jeunes médecins.", "fr"),
    ("Dự án sẽ hỗ trợ đào tạo bác sĩ trẻ.", "vi"),
])
def test_training_in_a_project_sentence(text, language):
    assert areas_of(text, language) == {"training"}


def test_french_health_facilities_are_not_training():
    text = "Le projet de coopération équipe les formations sanitaires de la région."
    assert "training" not in areas_of(text, "fr")


def test_an_online_ceremony_is_not_digital_health():
    text = "Lễ ký kết thỏa thuận hợp tác được tổ chức trực tuyến do tình hình dịch bệnh."
    assert "digital_health" not in areas_of(text, "vi")


@pytest.mark.parametrize(("text", "language"), [
    ("Le projet de coopération sert au service de la santé publique des deux pays.", "fr"),
    ("Hai bên hợp tác vì sức khỏe cộng đồng của hai nước.", "vi"),
])
def test_public_health_as_a_purpose_is_no_field(text, language):
    assert "public_health" not in areas_of(text, language)


def test_capacity_to_treat_patients_is_not_training():
    text = ("Bệnh viện do Việt Nam viện trợ đã khánh thành, nhằm nâng cao năng lực khám chữa "
            "bệnh cho người dân.")
    assert "training" not in areas_of(text, "vi")


@pytest.mark.parametrize(("text", "language", "absent"), [
    ("Hai bên hợp tác nâng cao chất lượng dịch vụ khám chữa bệnh.", "vi", "infectious_diseases"),
    ("Nhân dịp Tết cổ truyền, hai bên ký thỏa thuận hợp tác.", "vi", "traditional_medicine"),
    ("Hai nước hợp tác trong các lĩnh vực hạ tầng, bảo hiểm và ngân hàng.", "vi",
     "hospital_management"),
    ("The province received foreign investment under the cooperation agreement.", "en",
     "medical_tourism"),
    ("Both sides agreed to send students abroad for study under the partnership.", "en",
     "medical_tourism"),
])
def test_words_with_another_meaning_in_a_cooperation_sentence(text, language, absent):
    assert absent not in areas_of(text, language)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The partners will cooperate on emergency cases and the care of pregnant women.", "en",
     {"emergency_medicine", "maternal_child_health"}),
    ("Le partenariat soutient la lutte contre les zoonoses et l'hygiène hospitalière.", "fr",
     {"infectious_diseases", "public_health"}),
    ("Hai bên hợp tác phát triển y học cổ truyền, châm cứu và dược liệu.", "vi",
     {"traditional_medicine"}),
])
def test_other_everyday_names_of_fields(text, language, expected):
    assert areas_of(text, language) == expected


@pytest.mark.parametrize(("text", "language", "absent"), [
    ("Un accord de coopération a été signé. La Bourse de Paris a progressé ce jour-là.", "fr",
     "training"),
    ("Hai bên ký thỏa thuận hợp tác. Tỉnh miền núi vẫn thiếu nhân lực y tế.", "vi", "training"),
    ("Un accord de coopération a été signé. Le ministre a parlé de la santé des populations.",
     "fr", "public_health"),
])
def test_generic_words_outside_a_cooperation_sentence(text, language, absent):
    assert absent not in areas_of(text, language)
    # the same words are fields once the sentence speaks of cooperation
    field = {"fr": " La coopération portera sur {}.", "vi": " Hai bên hợp tác về {}."}[language]
    topic = {"training": {"fr": "les bourses d'études", "vi": "nhân lực y tế"},
             "public_health": {"fr": "la santé des populations"}}[absent][language]
    assert absent in areas_of(text + field.format(topic), language)


def test_nutrition_and_water_count_anywhere_in_a_cooperation_article():
    text = ("Les deux pays ont signé un accord de coopération sanitaire. Depuis vingt ans, "
            "l'organisation travaille sur la nutrition et l'eau potable dans la province.")
    assert areas_of(text, "fr") == {"public_health"}
    assert areas_of(text.split(". ")[1], "fr") == set()


def test_vietnamese_scientific_exchanges_written_with_giao_luu():
    text = "Hai trường đẩy mạnh giao lưu học thuật và khoa học giữa giảng viên hai nước."
    assert {"research", "training"} <= areas_of(text, "vi")


@pytest.mark.parametrize(("text", "language"), [
    ("Hai bên nhất trí nâng cấp quan hệ hợp tác với bệnh viện đối tác.", "vi"),
    ("The university will expand cooperation with the hospital.", "en"),
    ("The ministry is building partnerships with health centres abroad.", "en"),
])
def test_upgrading_a_relation_with_a_hospital_is_not_hospital_upgrading(text, language):
    assert "hospital_management" not in areas_of(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("La coopération porte sur la formation de médecins, pharmaciens et infirmiers.", "fr"),
    ("The partnership funds the training of doctors, pharmacists and nurses.", "en"),
    ("Grâce à la coopération, l'université contribue à la formation de ressources humaines.",
     "fr"),
])
def test_trained_professions_are_training_only(text, language):
    assert areas_of(text, language) == {"training"}


@pytest.mark.parametrize(("text", "language"), [
    ("The teaching hospital signed a cooperation agreement on cancer care.", "en"),
    ("Le centre hospitalier universitaire a signé un accord de coopération en cancérologie.",
     "fr"),
])
def test_a_university_hospital_is_no_training(text, language):
    assert areas_of(text, language) == {"oncology"}


@pytest.mark.parametrize(("text", "language"), [
    ("WHO supports the ministry with policy advice on health financing reform.", "en"),
    ("L'OMS apporte un appui aux politiques du ministère dans le cadre du partenariat.", "fr"),
    ("WHO hỗ trợ Bộ Y tế tư vấn chính sách và đối thoại chính sách.", "vi"),
])
def test_policy_advice_and_dialogue(text, language):
    assert "health_policy" in areas_of(text, language)
