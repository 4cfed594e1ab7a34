"""Persons and organizations in Vietnamese articles (hoptac.extract.vietnamese).

The articles below were written for these tests; they follow the phrasing of Vietnamese
health-cooperation news (title + body + name, honorifics, acronyms in brackets).
"""

from __future__ import annotations

import pytest

from hoptac.extract.context import Context, Sentence
from hoptac.extract.pipeline import extract_article
from hoptac.extract.sentences import split_sentences
from hoptac.extract.vietnamese import (
    ascii_form,
    find_persons_and_organizations,
    is_vietnamese_syllable,
)
from hoptac.model import Article

MEETING = (
    "Sáng 12/3, tại trụ sở Bộ Y tế, Thứ trưởng Bộ Y tế Lê Đức Luận đã tiếp đoàn công tác của "
    "Bộ Y tế Cộng hòa Cuba do Thứ trưởng Bộ Y tế Cuba Carlos Pérez Díaz dẫn đầu. Cùng dự có "
    "đại diện Vụ Hợp tác quốc tế, Cục Quản lý Khám, chữa bệnh và Đại sứ Cuba tại Việt Nam "
    "Rogelio Polanco Fuentes.\n"
    "Thứ trưởng Luận cảm ơn Tổ chức Y tế Thế giới (WHO) đã hỗ trợ hai nước. Ông Pérez Díaz "
    "mong muốn mở rộng hợp tác đào tạo bác sĩ với Trường Đại học Y Hà Nội.\n"
)

TWINNING = (
    "Chiều 20/9, Bệnh viện Nhi Trung ương và Bệnh viện Đại học Kyoto (Nhật Bản) đã ký thỏa "
    "thuận kết nghĩa. PGS.TS Trần Minh Điển, Giám đốc Bệnh viện Nhi Trung ương, cho biết hai "
    "bên sẽ trao đổi bác sĩ trong 3 năm. Giám đốc Bệnh viện Đại học Kyoto Hiroshi Tanaka "
    "đánh giá cao năng lực của các bác sĩ Việt Nam. Lễ ký có sự chứng kiến của bà Nguyễn Thị "
    "Hồng Nhung, Phó Giám đốc Sở Y tế Hà Nội.\n"
)

MOU = (
    "Đại học Quốc gia Hà Nội và Đại học Bordeaux (Pháp) ký biên bản ghi nhớ hợp tác nghiên "
    "cứu y sinh. Tham dự lễ ký có Tổng Lãnh sự Pháp tại TP. Hồ Chí Minh Emmanuelle "
    "Dubois-Martin và GS.TS. Phạm Văn Hùng, Hiệu trưởng Trường Đại học Y Dược. Theo GS. "
    "Hùng, Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO) sẽ hỗ trợ sinh viên.\n"
)


def extract(text: str) -> tuple[list[dict], list[dict]]:
    """Run the Vietnamese extractor on sentences cut the way the pipeline cuts them."""
    sentences = [Sentence(a, b, text[a:b]) for a, b in split_sentences(text)]
    context = Context(text=text, language="vi", published=None, body_start=0,
                      body_end=len(text), sentences=sentences)
    return find_persons_and_organizations(context)


def by_name(items: list[dict], name: str) -> dict:
    found = [item for item in items if item["name"] == name]
    assert found, f"{name!r} not in {[item['name'] for item in items]}"
    return found[0]


def mention_texts(text: str, item: dict) -> list[str]:
    return [text[m["start"]:m["end"]] for m in item["mentions"]]


@pytest.fixture(scope="module")
def meeting():
    return extract(MEETING)


def test_vietnamese_official_with_title_and_ministry(meeting):
    persons, orgs = meeting
    luan = by_name(persons, "Lê Đức Luận")
    assert luan["aliases"] == ["Le Duc Luan"]
    assert luan["country"] == "VN"
    moh = by_name(orgs, "Bộ Y tế")
    assert luan["roles"][0] == {"title": "Thứ trưởng Bộ Y tế", "organization": moh["id"]}
    # the later short reference "Thứ trưởng Luận" is a mention of the same person
    assert mention_texts(MEETING, luan) == ["Lê Đức Luận", "Luận"]
    assert moh["country"] == "VN" and moh["kind"] == "ministry"


def test_foreign_officials_get_country_from_their_title(meeting):
    persons, orgs = meeting
    perez = by_name(persons, "Carlos Pérez Díaz")
    assert perez["country"] == "CU"
    assert perez["roles"][0]["title"] == "Thứ trưởng Bộ Y tế Cuba"
    assert perez["roles"][0]["organization"] == by_name(orgs, "Bộ Y tế Cộng hòa Cuba")["id"]
    assert "Pérez Díaz" in mention_texts(MEETING, perez)  # "Ông Pérez Díaz"
    ambassador = by_name(persons, "Rogelio Polanco Fuentes")
    assert ambassador["country"] == "CU"
    assert ambassador["roles"][0]["title"] == "Đại sứ Cuba tại Việt Nam"
    assert len(persons) == 3


def test_organizations_of_the_meeting(meeting):
    _, orgs = meeting
    cuba_moh = by_name(orgs, "Bộ Y tế Cộng hòa Cuba")
    assert cuba_moh["country"] == "CU" and cuba_moh["kind"] == "ministry"
    assert "Bộ Y tế Cuba" in cuba_moh["aliases"]  # one ministry, written two ways
    assert by_name(orgs, "Cục Quản lý Khám, chữa bệnh")["kind"] == "agency"
    assert by_name(orgs, "Vụ Hợp tác quốc tế")["country"] == "VN"
    who = by_name(orgs, "Tổ chức Y tế Thế giới")
    assert who["country"] is None and who["kind"] == "international"
    assert mention_texts(MEETING, who) == ["Tổ chức Y tế Thế giới", "WHO"]
    assert by_name(orgs, "Trường Đại học Y Hà Nội")["kind"] == "university"


def test_mentions_are_article_offsets_of_a_name_or_alias(meeting):
    for item in meeting[0] + meeting[1]:
        names = {item["name"], *item["aliases"]}
        for text in mention_texts(MEETING, item):
            assert any(text in name for name in names), (text, names)


def test_hospital_twinning():
    persons, orgs = extract(TWINNING)
    nhi = by_name(orgs, "Bệnh viện Nhi Trung ương")
    assert nhi["kind"] == "hospital" and nhi["country"] == "VN"
    kyoto = by_name(orgs, "Bệnh viện Đại học Kyoto")
    assert kyoto["country"] == "JP"  # "(Nhật Bản)" after the name
    dien = by_name(persons, "Trần Minh Điển")
    assert dien["roles"][0] == {"title": "Giám đốc Bệnh viện Nhi Trung ương",
                                "organization": nhi["id"]}
    tanaka = by_name(persons, "Hiroshi Tanaka")
    assert tanaka["roles"][0]["organization"] == kyoto["id"]
    nhung = by_name(persons, "Nguyễn Thị Hồng Nhung")
    assert nhung["aliases"] == ["Nguyen Thi Hong Nhung"]
    assert nhung["roles"][0]["title"] == "Phó Giám đốc Sở Y tế Hà Nội"
    assert by_name(orgs, "Sở Y tế Hà Nội")["kind"] == "agency"


def test_university_mou_with_consul_general_and_acronym():
    persons, orgs = extract(MOU)
    consul = by_name(persons, "Emmanuelle Dubois-Martin")
    assert consul["country"] == "FR"
    assert consul["roles"][0]["title"] == "Tổng Lãnh sự Pháp tại TP. Hồ Chí Minh"
    hung = by_name(persons, "Phạm Văn Hùng")
    assert hung["roles"][0]["title"].startswith("Hiệu trưởng Trường Đại học Y Dược")
    assert mention_texts(MOU, hung) == ["Phạm Văn Hùng", "Hùng"]  # "GS. Hùng"
    assert by_name(orgs, "Đại học Bordeaux")["country"] == "FR"
    vnu = by_name(orgs, "Đại học Quốc gia Hà Nội")
    assert vnu["kind"] == "university" and vnu["country"] == "VN"
    vufo = by_name(orgs, "Liên hiệp các tổ chức hữu nghị Việt Nam")
    assert "VUFO" in vufo["aliases"] and mention_texts(MOU, vufo)[-1] == "VUFO"


def test_places_and_given_names_are_not_confused():
    text = ("Bà Nguyễn Thúy Anh làm việc tại Hà Nội với Đại sứ Anh Gareth Ward. "
            "Ông Trần Thái Bình đến Thái Bình.\n")
    persons, _ = extract(text)
    names = {p["name"]: p for p in persons}
    assert set(names) == {"Nguyễn Thúy Anh", "Gareth Ward", "Trần Thái Bình"}
    assert names["Gareth Ward"]["country"] == "GB"
    assert names["Nguyễn Thúy Anh"]["country"] == "VN"


def test_syllable_shapes_and_ascii_forms():
    assert is_vietnamese_syllable("Thuấn") and is_vietnamese_syllable("Nguyễn")
    assert not is_vietnamese_syllable("Olivier") and not is_vietnamese_syllable("Naoki")
    assert ascii_form("Đặng Văn Đức") == "Dang Van Duc"


def test_provincial_bodies_and_a_lao_delegation():
    text = ("Ngày 5/6, Phó Chủ tịch UBND tỉnh Nghệ An Lê Hồng Vinh tiếp đoàn công tác của Bộ Y tế "
            "Lào do Thứ trưởng Bộ Y tế Lào Snong Thongsna dẫn đầu tại Bệnh viện Đa khoa tỉnh Nghệ "
            "An. Chính phủ Lào và Chính phủ Việt Nam đã ký Hiệp định hợp tác y tế.\n")
    persons, orgs = extract(text)
    vinh = by_name(persons, "Lê Hồng Vinh")
    people = by_name(orgs, "UBND tỉnh Nghệ An")
    assert vinh["roles"][0] == {"title": "Phó Chủ tịch UBND tỉnh Nghệ An",
                                "organization": people["id"]}
    assert people["kind"] == "government" and people["country"] == "VN"
    snong = by_name(persons, "Snong Thongsna")
    assert snong["country"] == "LA"
    assert by_name(orgs, "Bộ Y tế Lào")["country"] == "LA"
    assert by_name(orgs, "Bệnh viện Đa khoa tỉnh Nghệ An")["kind"] == "hospital"
    governments = {o["name"]: o["country"] for o in orgs if o["kind"] == "government"}
    assert governments["Chính phủ Lào"] == "LA" and governments["Chính phủ Việt Nam"] == "VN"
    assert {p["name"] for p in persons} == {"Lê Hồng Vinh", "Snong Thongsna"}


def test_family_name_in_capitals_doctor_grades_and_nested_heads():
    text = ("Sáng 6/2, Tổng lãnh sự Nhật Bản tại Đà Nẵng – ông SATO Kenji đã thăm Bệnh viện Ung "
            "bướu Đà Nẵng. Bác sĩ Chuyên khoa II Trần Quốc Bảo – Giám đốc Bệnh viện Ung bướu Đà "
            "Nẵng cảm ơn ông SATO. Ông Lý Minh Tâm, Phó Chủ tịch Hiệp hội Bệnh viện tư nhân Việt "
            "Nam, cũng có mặt.\n")
    persons, orgs = extract(text)
    sato = by_name(persons, "SATO Kenji")
    assert sato["country"] == "JP"
    assert sato["roles"][0]["title"] == "Tổng lãnh sự Nhật Bản tại Đà Nẵng"
    assert mention_texts(text, sato) == ["SATO Kenji", "SATO"]
    bao = by_name(persons, "Trần Quốc Bảo")
    assert bao["roles"][0]["organization"] == by_name(orgs, "Bệnh viện Ung bướu Đà Nẵng")["id"]
    tam = by_name(persons, "Lý Minh Tâm")
    association = by_name(orgs, "Hiệp hội Bệnh viện tư nhân Việt Nam")
    assert tam["roles"][0]["organization"] == association["id"]
    assert association["kind"] == "association"


def test_titles_after_names_stay_with_their_own_person():
    text = ("Về phía Hàn Quốc có ông Park Ji-hoon, Trưởng phòng hợp tác quốc tế Tập đoàn Y tế "
            "Hanul, bà Kim Soo-yeon Đại sứ Hàn Quốc tại Việt Nam và ông Lee Min-jae.\n")
    persons, orgs = extract(text)
    names = {p["name"]: p for p in persons}
    assert set(names) == {"Park Ji-hoon", "Kim Soo-yeon", "Lee Min-jae"}
    assert names["Park Ji-hoon"]["roles"][0]["organization"] == by_name(
        orgs, "Tập đoàn Y tế Hanul")["id"]
    assert names["Kim Soo-yeon"]["roles"][0]["title"] == "Đại sứ Hàn Quốc tại Việt Nam"
    assert names["Lee Min-jae"]["roles"] == []
    assert all(p["country"] == "KR" for p in persons)


def test_country_in_brackets_and_company_names():
    text = ("TS.BS Hélène Moreau (Bệnh viện Đại học Lille, Pháp) trình bày tại hội thảo. "
            "Bộ Y tế làm việc với tập đoàn Medivance Inc của Mỹ.\n")
    persons, orgs = extract(text)
    assert by_name(persons, "Hélène Moreau")["country"] == "FR"
    company = by_name(orgs, "tập đoàn Medivance Inc")
    assert company["kind"] == "company" and company["country"] == "US"
    assert "Medivance Inc" in company["aliases"]


def test_the_pipeline_hands_vietnamese_articles_to_this_extractor():
    document = extract_article(Article(id="vi-meeting", text=MEETING, language="vi"))
    names = {p["name"] for p in document["persons"]}
    assert {"Lê Đức Luận", "Carlos Pérez Díaz", "Rogelio Polanco Fuentes"} <= names
    for person in document["persons"]:
        for mention in person["mentions"]:
            assert MEETING[mention["start"]:mention["end"]] in person["name"]


def test_photo_credits_and_bylines_are_not_people_in_the_news():
    text = ("Thứ trưởng Bộ Y tế Phan Thị Hòa phát biểu tại lễ ký. Ảnh: Trần Minh Quang\n"
            "Hai bên cam kết tăng cường trao đổi chuyên gia.\n"
            "Vũ Thanh Bình\n")
    persons, _ = extract(text)
    assert [p["name"] for p in persons] == ["Phan Thị Hòa"]


def test_minister_title_points_to_the_ministry_named_elsewhere():
    text = ("Bộ trưởng Y tế Hungary Zoltán Takács thăm Việt Nam. Đoàn của Bộ Y tế Hungary làm "
            "việc với Bộ Ngoại giao. Bộ trưởng Ngoại giao Lương Văn Khải tiếp đoàn.\n")
    persons, orgs = extract(text)
    takacs = by_name(persons, "Zoltán Takács")
    assert takacs["country"] == "HU"
    assert takacs["roles"][0]["organization"] == by_name(orgs, "Bộ Y tế Hungary")["id"]
    khai = by_name(persons, "Lương Văn Khải")
    assert khai["roles"][0]["organization"] == by_name(orgs, "Bộ Ngoại giao")["id"]


def test_foreign_ministries_with_commas_and_titles_ending_with_whose_they_are():
    text = ("Chiều 3/5, Thứ trưởng Bộ Y tế Hồ Văn Nam tiếp bà Claire Dumont, Cố vấn hợp tác y tế "
            "của Bộ Châu Âu và Ngoại giao Pháp, và đại diện Bộ Y tế, Lao động và Phúc lợi "
            "Nhật Bản.\n")
    persons, orgs = extract(text)
    dumont = by_name(persons, "Claire Dumont")
    meae = by_name(orgs, "Bộ Châu Âu và Ngoại giao Pháp")
    assert dumont["country"] == "FR" and meae["country"] == "FR"
    assert dumont["roles"][0] == {
        "title": "Cố vấn hợp tác y tế của Bộ Châu Âu và Ngoại giao Pháp",
        "organization": meae["id"]}
    mhlw = by_name(orgs, "Bộ Y tế, Lao động và Phúc lợi Nhật Bản")
    assert mhlw["country"] == "JP"
    moh = by_name(orgs, "Bộ Y tế")  # Viet Nam's ministry only once, in the deputy's title
    assert moh["country"] == "VN" and len(moh["mentions"]) == 1


def test_a_known_body_and_its_acronym_alone_are_one_organization():
    text = ("Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) tài trợ dự án. Theo KOICA, bệnh viện sẽ "
            "khởi công năm sau.\n")
    _, orgs = extract(text)
    assert len(orgs) == 1
    assert mention_texts(text, orgs[0]) == ["Cơ quan Hợp tác Quốc tế Hàn Quốc", "KOICA", "KOICA"]
    assert orgs[0]["country"] == "KR"


def test_headlines_in_capitals():
    text = "BỘ Y TẾ TỔ CHỨC HỘI NGHỊ\nBộ Y tế và Tổ chức Y tế Thế giới (WHO) họp tại Hà Nội.\n"
    _, orgs = extract(text)
    assert [o["name"] for o in orgs] == ["Bộ Y tế", "Tổ chức Y tế Thế giới"]
    assert mention_texts(text, orgs[0]) == ["BỘ Y TẾ", "Bộ Y tế"]


def test_country_of_a_body_from_its_city_or_its_foreign_name():
    text = ("Đại diện Viện Pasteur Paris, Trường Đại học Y Dược TP.HCM và Tập đoàn Y tế Sakuragi "
            "đã gặp nhau.\n")
    _, orgs = extract(text)
    countries_by_name = {o["name"]: o["country"] for o in orgs}
    assert countries_by_name == {"Viện Pasteur Paris": "FR",
                                 "Trường Đại học Y Dược TP.HCM": "VN",
                                 "Tập đoàn Y tế Sakuragi": None}


def test_english_forms_only_for_proper_names():
    text = "Bệnh viện Chợ Rẫy, Bệnh viện Tâm Phúc và Bệnh viện Nhi Trung ương ký kết hợp tác.\n"
    _, orgs = extract(text)
    assert "Tâm Phúc Hospital" in by_name(orgs, "Bệnh viện Tâm Phúc")["aliases"]
    assert not any(a.endswith("Hospital")
                   for a in by_name(orgs, "Bệnh viện Nhi Trung ương")["aliases"]
                   if a.startswith("Nhi"))
    assert "Cho Ray Hospital" in by_name(orgs, "Bệnh viện Chợ Rẫy")["aliases"]


def test_a_title_that_ends_with_a_head_noun_leaves_the_body_whole():
    text = ("Đại tá Lâm Quang Huy, Phó Giám đốc Sở Y tế Cần Thơ, và Thiếu tướng Đỗ Minh Khoa, "
            "Giám đốc Bệnh viện Quân y 121, dự lễ.\n")
    persons, orgs = extract(text)
    department = by_name(orgs, "Sở Y tế Cần Thơ")
    assert by_name(persons, "Lâm Quang Huy")["roles"] == [
        {"title": "Đại tá", "organization": None},
        {"title": "Phó Giám đốc Sở Y tế Cần Thơ", "organization": department["id"]}]
    assert by_name(persons, "Đỗ Minh Khoa")["roles"][1] == {
        "title": "Giám đốc Bệnh viện Quân y 121",
        "organization": by_name(orgs, "Bệnh viện Quân y 121")["id"]}


def test_streets_and_prizes_named_after_people_are_not_people():
    text = ("Hội nghị diễn ra tại số 1 Tôn Thất Tùng, gần đường Tạ Quang Bửu. Giải thưởng Đặng "
            "Văn Ngữ được trao cho bà Trần Thị Mai.\n")
    persons, _ = extract(text)
    assert [p["name"] for p in persons] == ["Trần Thị Mai"]


def test_family_name_ong_after_a_doctor_title_and_a_city_after_a_known_body():
    text = ("Bệnh viện Nhi đồng Thành phố tiếp nhận bệnh nhi. Bác sĩ Ông Văn Lộc - Phó Giám đốc "
            "Bệnh viện Nhi đồng Thành phố Cần Thơ cho biết ca mổ thành công.\n")
    persons, orgs = extract(text)
    assert [p["name"] for p in persons] == ["Ông Văn Lộc"]
    assert {o["name"] for o in orgs} == {"Bệnh viện Nhi đồng Thành phố",
                                          "Bệnh viện Nhi đồng Thành phố Cần Thơ"}


def test_a_name_spelled_out_before_its_acronym_is_a_body():
    text = ("Nhà máy của Global Vaccine Partners (GVP) tại Bình Dương đi vào hoạt động. "
            "Theo GVP, công suất đạt 20 triệu liều.\n")
    _, orgs = extract(text)
    gvp = by_name(orgs, "Global Vaccine Partners")
    assert gvp["aliases"] == ["GVP"]
    assert mention_texts(text, gvp) == ["Global Vaccine Partners", "GVP", "GVP"]


def test_diaspora_associations():
    text = "Chủ tịch Hội người Việt Nam tại Pháp Lê Minh Châu dự buổi gặp.\n"
    persons, orgs = extract(text)
    association = by_name(orgs, "Hội người Việt Nam tại Pháp")
    assert association["kind"] == "association"
    assert by_name(persons, "Lê Minh Châu")["roles"][0]["organization"] == association["id"]


def test_bodies_whose_name_goes_on_in_lowercase_before_its_proper_part():
    text = (
        "Chiều 4/6, đại diện Trung tâm kiểm soát bệnh tật Thành phố và Ủy ban liên Chính phủ "
        "Việt Nam - Campuchia đã làm việc với Tiểu ban giám sát dịch bệnh Quốc hội Úc. Đoàn "
        "sau đó thăm Trung tâm y tế dự phòng huyện Tân Phước và Trạm y tế xã Mỹ Lợi – huyện "
        "Cái Bè. Ban giám đốc Bệnh viện Chợ Rẫy tiếp đoàn; ông Lê Văn Sáu, Chủ tịch Hiệp hội "
        "bệnh viện tư nhân Việt Nam, cũng tham dự.\n"
    )
    persons, orgs = extract(text)
    names = {org["name"] for org in orgs}
    assert "Trung tâm kiểm soát bệnh tật Thành phố" in names
    assert "Ủy ban liên Chính phủ Việt Nam - Campuchia" in names
    assert by_name(orgs, "Tiểu ban giám sát dịch bệnh Quốc hội Úc")["country"] == "AU"
    assert "Trung tâm y tế dự phòng huyện Tân Phước" in names
    station = by_name(orgs, "Trạm y tế xã Mỹ Lợi")  # Mỹ opens the commune's name: not the US
    assert station["country"] == "VN"
    association = by_name(orgs, "Hiệp hội bệnh viện tư nhân Việt Nam")
    assert not any(name.startswith("Ban giám đốc") for name in names)  # leaders, not a body
    assert by_name(persons, "Lê Văn Sáu")["roles"][0]["organization"] == association["id"]
    persons, _ = extract("Ông Trần Văn Bảy - Chủ tịch Hiệp hội đã phát biểu.\n")
    assert by_name(persons, "Trần Văn Bảy")["roles"][0]["title"] == "Chủ tịch Hiệp hội"


def test_a_known_ministry_name_that_goes_on_to_a_foreign_country():
    text = (
        "Bộ trưởng Bộ Y tế Nguyễn Văn Hải đã hội đàm với đoàn Bộ Y tế và Dịch vụ xã hội "
        "Hoa Kỳ tại Hà Nội.\n"
    )
    _, orgs = extract(text)
    assert by_name(orgs, "Bộ Y tế")["country"] == "VN"
    assert by_name(orgs, "Bộ Y tế và Dịch vụ xã hội Hoa Kỳ")["country"] == "US"


def test_a_title_naming_a_ministry_with_and_then_a_dash_before_the_name():
    text = (
        "Phó Thủ tướng Lê Văn Tám đã tiếp Bộ trưởng Y tế và Phúc lợi xã hội Canada - Mary "
        "Collins đang thăm Việt Nam. Thủ tướng và Bộ trưởng Nguyễn Văn An cùng dự.\n"
    )
    persons, _ = extract(text)
    minister = by_name(persons, "Mary Collins")
    assert minister["country"] == "CA"
    assert minister["roles"][0]["title"] == "Bộ trưởng Y tế và Phúc lợi xã hội Canada"
    assert by_name(persons, "Nguyễn Văn An")["roles"][0]["title"] == "Bộ trưởng"


def test_foreign_party_and_foreigners_take_the_partner_country():
    text = (
        "Bộ trưởng Bộ Y tế Đào Thị Hoa tiếp ông Kenji Mori, Trưởng phòng quốc tế Đảng Dân chủ "
        "Nhân dân, cùng bà Emily Stone. Hai bên bàn về hợp tác y tế Việt Nam - Nhật Bản, nhất "
        "là đào tạo điều dưỡng sang Nhật Bản. Bà Stone cho biết Đảng Cộng sản Việt Nam và Tổ "
        "chức Y tế Thế giới (WHO) ủng hộ dự án; ông Peter Lang, chuyên gia của WHO, cũng có "
        "mặt.\n"
    )
    persons, orgs = extract(text)
    assert by_name(orgs, "Đảng Dân chủ Nhân dân")["country"] == "JP"
    assert by_name(orgs, "Đảng Cộng sản Việt Nam")["country"] == "VN"
    assert by_name(persons, "Emily Stone")["country"] == "JP"  # no country said near her
    assert by_name(persons, "Đào Thị Hoa")["country"] == "VN"
    assert by_name(persons, "Peter Lang")["country"] is None  # works for WHO


def test_without_one_partner_country_foreign_bodies_keep_no_guess():
    text = (
        "Đại diện Đảng Lao động Tự do và bà Emily Stone đã gặp các chuyên gia Hàn Quốc và "
        "Nhật Bản tại Hà Nội.\n"
    )
    persons, orgs = extract(text)
    assert by_name(persons, "Emily Stone")["country"] is None
    assert by_name(orgs, "Đảng Lao động Tự do")["country"] is None  # not Viet Nam by default


def test_old_spelling_sy_and_offices_of_an_international_body():
    text = (
        "Bộ trưởng Bộ Y tế đề nghị Văn phòng WHO tại Lào và Tiến sỹ Maria Alvarez tiếp tục hỗ "
        "trợ. Bác sỹ Lê Thị Mai cũng dự.\n"
    )
    persons, orgs = extract(text)
    assert by_name(persons, "Maria Alvarez")["mentions"]
    assert by_name(persons, "Lê Thị Mai")["country"] == "VN"
    assert by_name(orgs, "Văn phòng WHO tại Lào")["country"] is None  # WHO's, not Viet Nam's


def test_a_body_written_shorter_and_longer_in_one_article_is_one_body():
    text = (
        "Sáng 3/5, Giám đốc Sở Y tế Nghệ An Lê Văn Chín tiếp đoàn Đại học Montpellier (Pháp). "
        "Đoàn công tác của Sở Y tế đã đến Bệnh viện Sản Nhi Nghệ An. Trường Đại học Tổng hợp "
        "Montpellier sẽ đào tạo bác sĩ sản khoa cho bệnh viện.\n"
    )
    persons, orgs = extract(text)
    department = by_name(orgs, "Sở Y tế Nghệ An")
    assert "Sở Y tế" in department["aliases"]
    assert len(mention_texts(text, department)) == 2
    assert not any(org["name"] == "Sở Y tế" for org in orgs)
    universities = [org for org in orgs if org["kind"] == "university"]
    assert len(universities) == 1 and universities[0]["country"] == "FR"
    assert by_name(persons, "Lê Văn Chín")["roles"][0]["organization"] == department["id"]


def test_two_longer_forms_keep_a_short_name_apart():
    text = (
        "Sở Y tế Cao Bằng và Sở Y tế Lạng Sơn đã họp với Cục Hải quan Nam Ninh. Sở Y tế sẽ "
        "báo cáo kết quả.\n"
    )
    _, orgs = extract(text)
    assert {"Sở Y tế Cao Bằng", "Sở Y tế Lạng Sơn", "Sở Y tế"} <= {org["name"] for org in orgs}


def test_loose_hyphen_counted_bodies_and_foreign_cities_in_vietnamese_spelling():
    text = (
        "Hội nghị giữa Sở Y tế 2 tỉnh biên giới với Cục Hải quan Côn Minh có ông Jean- Luc "
        "Moreau, chuyên gia Pháp. Ông Moreau đánh giá cao Bệnh viện 103 đã tham gia.\n"
    )
    persons, orgs = extract(text)
    expert = by_name(persons, "Jean-Luc Moreau")
    assert mention_texts(text, expert)[0] == "Jean- Luc Moreau"
    assert len(expert["mentions"]) == 2
    names = {org["name"] for org in orgs}
    assert "Sở Y tế" in names and not any("2 tỉnh" in name for name in names)
    assert by_name(orgs, "Cục Hải quan Côn Minh")["country"] == "CN"
    assert "Bệnh viện 103" in names  # a number that is the body's own


def test_two_spellings_of_a_foreign_agency_a_bare_head_in_a_title_and_venues():
    text = (
        "Ngày 9/10, tại Trung tâm Hội nghị tỉnh Bắc Ninh, Bộ Y tế và Cơ quan Quản lý Thực phẩm "
        "và Dược phẩm Quốc gia Hàn Quốc đã ký kết. Ông Park Min-ho, Phó Giám đốc Cơ quan Quản lý "
        "Thực phẩm Dược phẩm Quốc gia Hàn Quốc, phát biểu. Bà Trần Thị Lan, Giám đốc Bệnh viện, "
        "giới thiệu Bệnh viện Đa khoa tỉnh Bắc Ninh.\n"
    )
    persons, orgs = extract(text)
    agencies = [org for org in orgs if org["country"] == "KR"]
    assert len(agencies) == 1
    park = by_name(persons, "Park Min-ho")
    assert park["roles"][0]["organization"] == agencies[0]["id"]
    hospital = by_name(orgs, "Bệnh viện Đa khoa tỉnh Bắc Ninh")
    assert by_name(persons, "Trần Thị Lan")["roles"][0]["organization"] == hospital["id"]
    assert not any(org["name"].startswith("Trung tâm") for org in orgs)  # a venue


def test_a_bare_vietnamese_office_is_the_hosts_not_the_guests():
    text = (
        "Đoàn Văn phòng Bộ Y tế Việt Nam đã thăm Văn phòng Bộ Y tế Campuchia. Chánh Văn phòng "
        "Bộ Lê Văn Mười cho biết hai bên sẽ trao đổi cán bộ.\n"
    )
    persons, orgs = extract(text)
    office = by_name(orgs, "Văn phòng Bộ Y tế Việt Nam")
    assert "Văn phòng Bộ" in office["aliases"]
    assert by_name(orgs, "Văn phòng Bộ Y tế Campuchia")["country"] == "KH"
    assert by_name(persons, "Lê Văn Mười")["roles"][0]["organization"] == office["id"]


def test_lowercase_heads_hospital_groups_and_abbreviations_glued_to_a_verb():
    text = (
        "Ông Yann Le Goff (Nhóm bệnh viện Finistère Nord, Pháp) đã làm việc với trung tâm Y "
        "tế huyện Đông Anh. Ban tổ chức cho biết các trung tâm y tế Pháp sẽ hỗ trợ. Đại diện "
        "Cục Quản lý YHCT TQ dự lễ ký.\n"
    )
    _, orgs = extract(text)
    assert by_name(orgs, "Nhóm bệnh viện Finistère Nord")["country"] == "FR"
    assert by_name(orgs, "trung tâm Y tế huyện Đông Anh")["country"] == "VN"
    assert by_name(orgs, "Cục Quản lý YHCT TQ")["country"] == "CN"  # TQ: Trung Quốc
    assert not any(org["name"].startswith("trung tâm y tế") for org in orgs)  # no name


def test_a_ministry_that_viet_nam_does_not_have_is_the_partners():
    text = (
        "Thứ trưởng Bộ Y tế Trần Văn Bốn tiếp đoàn Bộ Bình đẳng giới và Gia đình do bà Kim "
        "Soo-yeon dẫn đầu. Hai bên bàn về hợp tác Việt Nam - Hàn Quốc và đào tạo điều dưỡng "
        "tại Hàn Quốc. Đại diện Bộ Lao động, Thương binh và Xã hội cũng dự.\n"
    )
    _, orgs = extract(text)
    assert by_name(orgs, "Bộ Bình đẳng giới và Gia đình")["country"] == "KR"
    assert by_name(orgs, "Bộ Lao động - Thương binh và Xã hội")["country"] == "VN"
    assert by_name(orgs, "Bộ Y tế")["country"] == "VN"


def test_lowercase_nouns_before_the_country_and_a_misspelt_second_mention():
    text = (
        "Viện Pasteur Nha Trang và Viện Quốc gia các bệnh nhiệt đới Thái Lan đã ký bản ghi "
        "nhớ. TS. Somchai Wong, Viện trưởng Viện Viện quốc gia các bệnh nhiệt đới Thái Lan, "
        "phát biểu. Bộ Y tế hỗ trợ Lào.\n"
    )
    persons, orgs = extract(text)
    institute = by_name(orgs, "Viện Quốc gia các bệnh nhiệt đới Thái Lan")
    assert institute["country"] == "TH"
    assert not [org for org in orgs if org["name"].startswith("Viện Viện")]
    assert by_name(persons, "Somchai Wong")["roles"][0]["organization"] == institute["id"]
    assert not any("hỗ trợ" in org["name"] for org in orgs)  # a verb, not part of a name


def test_a_lowercase_name_that_ends_where_the_body_it_belongs_to_begins():
    text = (
        "Viện Pasteur Nha Trang ký bản ghi nhớ với Viện nghiên cứu các bệnh nhiệt đới thuộc Bộ "
        "Y tế Thái Lan. Viện Nghiên cứu các bệnh nhiệt đới Thái Lan sẽ cử chuyên gia sang.\n"
    )
    _, orgs = extract(text)
    institute = by_name(orgs, "Viện Nghiên cứu các bệnh nhiệt đới Thái Lan")
    assert institute["country"] == "TH"  # one body with its first, shorter mention
    assert "Viện nghiên cứu các bệnh nhiệt đới" in institute["aliases"]
    assert len(institute["mentions"]) == 2
    assert by_name(orgs, "Bộ Y tế Thái Lan")["country"] == "TH"


def test_one_plural_head_before_a_colon_and_a_list_of_names():
    text = (
        "Chiều 2/4, đại diện các Sở: Ngoại vụ, Y tế, Lao động – Thương binh và xã hội tỉnh "
        "Long An đã tiếp đoàn. Cùng dự có các Vụ: Hợp tác quốc tế, Kế hoạch – Tài chính và "
        "Pháp chế. Các nước: Lào, Campuchia cũng cử đại diện.\n"
    )
    _, orgs = extract(text)
    names = {org["name"] for org in orgs}
    assert {"Sở Ngoại vụ", "Sở Y tế", "Sở Lao động – Thương binh và xã hội", "Vụ Pháp chế",
            "Vụ Kế hoạch - Tài chính"} <= names
    cooperation = by_name(orgs, "Vụ Hợp tác quốc tế")
    assert "Department of International Cooperation" in cooperation["aliases"]
    assert mention_texts(text, cooperation) == ["Hợp tác quốc tế"]
    health = by_name(orgs, "Sở Y tế")
    assert "Y tế" not in health["aliases"] and mention_texts(text, health) == ["Y tế"]
    assert not any(org["name"].startswith("Nước") for org in orgs)


def test_a_provincial_committee_named_only_by_its_unit_is_the_articles_province():
    text = (
        "Chiều 5/9, tại tỉnh Quảng Trị, thừa ủy quyền Thường trực UBND tỉnh, Phó Chủ tịch UBND "
        "tỉnh Hoàng Văn Bảy đã tiếp đoàn bác sĩ Cuba. Chủ tịch UBND thành phố Lê Văn Tư cũng "
        "dự.\n"
    )
    persons, orgs = extract(text)
    committee = by_name(orgs, "UBND tỉnh Quảng Trị")
    assert "UBND tỉnh" in committee["aliases"] and len(committee["mentions"]) == 2
    assert by_name(persons, "Hoàng Văn Bảy")["roles"][0]["organization"] == committee["id"]
    assert by_name(persons, "Lê Văn Tư")["roles"][0]["organization"] is None  # no city named
    assert len(orgs) == 1

    _, orgs = extract("UBND tỉnh đã làm việc với tỉnh Lào Cai và tỉnh Yên Bái.\n")
    assert orgs == []  # two provinces: which one is not said


def test_government_as_a_qualifier_names_no_body():
    text = (
        "Các tổ chức phi Chính phủ và dự án hợp tác Chính phủ về y tế cơ sở được bàn ở cấp "
        "Chính phủ.\n"
    )
    assert extract(text)[1] == []
    _, orgs = extract("Chính phủ đã đồng ý viện trợ cho Chính phủ Lào.\n")
    assert {org["name"] for org in orgs} == {"Chính phủ", "Chính phủ Lào"}


def test_a_foreign_body_branch_in_a_city_of_its_own_country():
    text = (
        "Đại diện Cục Quản lý Y dược cổ truyền Trung Quốc tại Vân Nam và Viện Y tế Quốc gia "
        "Hàn Quốc tại Hà Nội đã dự.\n"
    )
    _, orgs = extract(text)
    assert by_name(orgs, "Cục Quản lý Y dược cổ truyền Trung Quốc tại Vân Nam")["country"] == "CN"
    assert by_name(orgs, "Viện Y tế Quốc gia Hàn Quốc")["country"] == "KR"  # where, not which


def test_lowercase_words_of_a_clause_are_not_a_name():
    text = (
        "Ban tổ chức Hội nghị cho biết có 300 đại biểu. Trung tâm hỗ trợ Nhật Bản đào tạo "
        "điều dưỡng. Viện đã hợp tác với Nhật Bản.\n"
    )
    assert extract(text)[1] == []
