"""Events: one per real event, typed, dated, placed, with their participants."""

from __future__ import annotations

import pytest

from hoptac.extract.context import Context, Sentence
from hoptac.extract.dates import find_dates
from hoptac.extract.events import find_events
from hoptac.extract.sentences import split_sentences
from seeds import seed_path


def context_of(text: str, language: str, published: str | None = None) -> Context:
    """A context without a language model: sentences only (enough for these stages)."""
    sentences = [Sentence(a, b, text[a:b]) for a, b in split_sentences(text)]
    return Context(text=text, language=language, published=published, body_start=0,
                   body_end=len(text), sentences=sentences)


def entity(kind: str, number: int, text: str, *names: str, country: str | None = None) -> dict:
    """A person or organization as entities.py gives them, with every mention of its names."""
    mentions = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            mentions.append({"start": start, "end": start + len(name)})
            start = text.find(name, start + 1)
    return {"id": f"{kind}{number}", "name": names[0], "country": country, "mentions": mentions}


def events_of(text: str, language: str, published: str | None = None, persons=(),
              organizations=()) -> list[dict]:
    context = context_of(text, language, published)
    return find_events(context, list(persons), list(organizations), find_dates(context))


ENGLISH_MEETING = (
    "HẢI PHÒNG - Deputy Minister Lê Hoài Nam received Ambassador Karin Olsen of Denmark in "
    "Hai Phong on March 3. During the meeting, the deputy minister praised Danish support for "
    "nursing schools. Speaking at the meeting, Olsen said both sides would widen exchanges. "
    "The two countries have held many seminars on nursing over the years."
)


def test_one_meeting_told_three_times_is_one_event():
    persons = [entity("p", 1, ENGLISH_MEETING, "Lê Hoài Nam", country="VN"),
               entity("p", 2, ENGLISH_MEETING, "Karin Olsen", "Olsen", country="DK")]
    events = events_of(ENGLISH_MEETING, "en", persons=persons)
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("meeting", "XXXX-03-03", "Hai Phong")]
    assert events[0]["participants"] == ["p1", "p2"]
    assert events[0]["date_text"] == "March 3"
    assert set(events[0]["countries"]) == {"VN", "DK"}
    evidence = events[0]["evidence"]
    assert ENGLISH_MEETING[evidence["start"]:evidence["end"]] == evidence["text"]


def test_french_workshop_with_co_organisers_and_later_mentions():
    text = ("Le 5 mars, l'Institut Pasteur de Lille, en collaboration avec l'Hôpital Bạch Mai, a "
            "organisé un atelier sur la résistance aux antibiotiques à Lyon. Lors de l'atelier, "
            "les experts ont présenté leurs travaux. L'institut a déjà co-organisé trois "
            "colloques avec des partenaires asiatiques.")
    organizations = [entity("o", 1, text, "Institut Pasteur de Lille", country="FR"),
                     entity("o", 2, text, "Hôpital Bạch Mai", country="VN")]
    events = events_of(text, "fr", "2025-03-20", organizations=organizations)
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("seminar", "2025-03-05", "Lyon")]
    assert events[0]["participants"] == ["o1", "o2"]


def test_vietnamese_reception_is_one_meeting_in_hanoi():
    text = ("Ngày 6/11, tại Hà Nội, Thứ trưởng Bộ Y tế Trần Minh Khoa đã tiếp Đại sứ Ba Lan "
            "Adam Nowak. Tại buổi tiếp, Thứ trưởng cảm ơn sự hỗ trợ của Ba Lan. Hai bên "
            "thống nhất tiếp tục trao đổi chuyên gia.")
    persons = [entity("p", 1, text, "Trần Minh Khoa", country="VN"),
               entity("p", 2, text, "Adam Nowak", country="PL")]
    events = events_of(text, "vi", "2025-11-08", persons=persons)
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("meeting", "2025-11-06", "Hà Nội")]
    assert events[0]["participants"] == ["p1", "p2"]


def test_lead_date_reaches_a_meeting_in_the_same_opening_paragraph():
    text = ("On 2nd October 2019 in Hanoi, Assoc.Prof. Dr. Pham Van An - Director of the "
            "institute - had a working session with Ms. Ingrid Berg of the Norwegian Embassy.\n"
            "The two sides reviewed training projects.")
    events = events_of(text, "en")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("meeting", "2019-10-02", "Hanoi")]


def test_a_headline_mention_takes_the_full_telling_of_the_event():
    text = ("Hội thảo y học Việt - Đức thu hút nhiều chuyên gia\n"
            "Ngày 3/10, Bệnh viện Chợ Rẫy tổ chức hội thảo y học Việt - Đức tại Thành phố Hồ "
            "Chí Minh.")
    events = events_of(text, "vi", "2025-10-04")
    assert [(e["type"], e["date"]) for e in events] == [("seminar", "2025-10-03")]
    assert events[0]["evidence"]["text"].startswith("Ngày 3/10")


def test_a_lede_read_as_title_still_reports_the_event():
    from hoptac.extract.pipeline import build_context
    from hoptac.model import Article

    text = (" date 2024-03 L'ambassadeur du Vietnam au Japon a reçu le 12 mars une délégation "
            "de l'Association médicale Japon-Vietnam.\n\nLes deux parties ont évoqué la "
            "formation des infirmières.")
    context = build_context(Article(id="lede", text=text, language="fr"))
    events = find_events(context, [], [], find_dates(context))
    assert [(e["type"], e["date"]) for e in events] == [("meeting", "2024-03-12")]
    evidence = events[0]["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_a_headline_line_gives_way_to_the_sentence_that_tells_the_event():
    text = ("Le ministre reçoit son homologue cubain\n"
            "La coopération sanitaire progresse. C'est ce qu'a affirmé le ministre de la Santé "
            "en recevant jeudi à Hanoï son homologue cubain.")
    events = events_of(text, "fr")
    assert [(e["type"], e["place"]) for e in events] == [("meeting", "Hanoï")]
    assert events[0]["evidence"]["text"].startswith("C'est ce qu'a affirmé")


ENGLISH_ARTICLE = (
    "HÀ NỘI — Minister of Health Đào Hồng Lan received German Federal Minister of Health Karl "
    "Weber in Hà Nội on Tuesday.\n\n"
    "At the reception, Lan thanked Germany for its support in training nurses. She said the two "
    "ministries had signed a joint declaration of intent on nursing in 2019.\n\n"
    "Weber proposed a new memorandum of understanding on skilled health workers, to be signed "
    "during the visit of the Vietnamese Prime Minister to Berlin in October.\n\n"
    "The two sides also discussed a roadmap for cooperation in digital health until 2030.\n\n"
    "Earlier the same day, the German delegation attended a workshop on hospital management at "
    "Bạch Mai Hospital.\n\n"
    "During the meeting, both ministers agreed to set up a joint working group. - VNS")


def test_english_article_with_a_visit_a_workshop_the_same_day_and_past_signing():
    from hoptac.extract.agreements import find_agreements

    context = context_of(ENGLISH_ARTICLE, "en", "2025-06-11")
    dates = find_dates(context)
    agreements = find_agreements(context, [], dates, ["VN", "DE"])
    events = find_events(context, [], [], dates, agreements, ["VN", "DE"])
    found = [(e["type"], e["date"], e["place"]) for e in events]
    assert found[0] == ("meeting", "2025-06-10", "Hà Nội")
    assert ("seminar", "2025-06-10", None) in found
    assert ("signing", "2019", None) in found
    assert not any(e["type"] == "signing" and e["date"] == "2025-10" for e in events)


def test_a_weekday_later_in_the_article_opens_no_event():
    text = ("Health officials of Chile and Vietnam held talks in Santiago.\n"
            "Officials explained the aims of the talks in an interview on Monday.")
    events = events_of(text, "en", "2025-06-12")
    assert [(e["type"], e["date"]) for e in events] == [("meeting", None)]


@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("en", "The new cardiology wing was inaugurated on May 4 in Can Tho.",
     ("other", "2025-05-04", "Can Tho")),
    ("fr", "Le centre de dialyse a été inauguré le 18 mai à Vientiane.",
     ("other", "2025-05-18", "Vientiane")),
    ("vi", "Ngày 20/5, tại Đà Nẵng, bệnh viện đã bàn giao hai máy thở cho tỉnh.",
     ("other", "2025-05-20", "Đà Nẵng")),
    ("fr", "Une délégation est en visite de travail du 22 au 27 mai à Paris.",
     ("meeting", "2025-05-22", "Paris")),
    ("vi", "Cuộc họp giữa Bộ Y tế với các đối tác được tổ chức chiều 4-5 tại Hà Nội.",
     ("meeting", "2025-05-04", "Hà Nội")),
])
def test_other_events_and_day_ranges(language, text, wanted):
    events = events_of(text, language, "2025-05-28")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [wanted]


def test_coordinated_events_share_their_date_and_stamps_are_no_dates():
    text = ("Updated: 09:15, 16/03/2025\n"
            "Vietnamese Minister of Health Tran Lam and the Korean minister held talks and "
            "signed an MoU on nursing in Seoul on March 14.")
    events = events_of(text, "en", "2025-03-16")
    assert sorted((e["type"], e["date"], e["place"]) for e in events) == [
        ("meeting", "2025-03-14", "Seoul"), ("signing", "2025-03-14", "Seoul")]


def test_the_only_date_of_a_sentence_dates_each_of_its_events():
    text = ("During the ASEAN health forum in Bangkok on May 5, Deputy Minister "
            "Do Thi Mai met the Thai health minister.")
    events = events_of(text, "en", "2025-05-07")
    assert sorted((e["type"], e["date"], e["place"]) for e in events) == [
        ("meeting", "2025-05-05", "Bangkok"), ("seminar", "2025-05-05", "Bangkok")]


@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("en", "On the sidelines of the ASEAN health forum in Bangkok on May 5, Deputy Minister "
           "Do Thi Mai met the Thai health minister.", ("meeting", "2025-05-05", "Bangkok")),
    ("fr", "En marge du forum régional de la santé, le 5 mai à Bangkok, la vice-ministre a "
           "rencontré son homologue thaïlandais.", ("meeting", "2025-05-05", "Bangkok")),
    ("vi", "Bên lề Hội nghị Bộ trưởng Y tế ASEAN, ngày 5/5 tại Bangkok, Thứ trưởng đã có "
           "cuộc gặp với Bộ trưởng Y tế Thái Lan.", ("meeting", "2025-05-05", "Bangkok")),
    ("en", "The hospital signed an MoU with the province on May 5 on the sidelines of the "
           "Korea-Vietnam Business Forum in Hanoi.", ("signing", "2025-05-05", "Hanoi")),
])
def test_an_event_named_as_the_setting_of_another_is_not_reported(language, text, wanted):
    assert [(e["type"], e["date"], e["place"]) for e in events_of(text, language, "2025-05-07")
            ] == [wanted]


@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("vi", "Ngày 1/11, hội nghị có 13 cuộc họp chuyên đề.", [("seminar", "2025-11-01")]),
    ("fr", "Le 3 mai, l'association a co-organisé cinq conférences médicales.", []),
    ("en", "On May 3, the institute said it had held many seminars with Japan.", []),
    ("fr", "Le 3 mai, le ministre a eu des entretiens avec son homologue.",
     [("meeting", "2025-05-03")]),
    ("en", "On May 3, the two ministers met in Hanoi.", [("meeting", "2025-05-03")]),
])
def test_many_events_told_at_once_are_not_one_event(language, text, wanted):
    events = events_of(text, language, "2025-11-10")
    assert [(e["type"], e["date"]) for e in events] == wanted


def test_vietnamese_signing_and_earlier_talks():
    from test_agreements import VIETNAMESE_ARTICLE

    events = events_of(VIETNAMESE_ARTICLE, "vi", "2025-03-16")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("signing", "2025-03-15", "Hà Nội"), ("meeting", "2025-03-14", "trụ sở Bộ Y tế")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Officials of Chile and Vietnam are preparing the upcoming visit of the minister."),
    ("fr", "Le Vietnam accueillera une conférence sur la dengue en juin."),
    ("en", "The ministry is preparing a framework agreement with Laos, with the aim of "
           "signing it in Vientiane in March 2027."),
    ("en", "On May 3, Vietnam and Cuba agreed to sign an MoU on vaccines."),
    ("fr", "Le 3 mai, les deux pays ont décidé de signer un accord en vue de la signature "
           "prochaine."),
    ("vi", "Ngày 3/5, hai bên dự kiến sẽ ký biên bản ghi nhớ vào tháng 6."),
])
def test_an_event_to_come_is_no_event(language, text):
    assert events_of(text, language, "2025-05-05") == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The next day, May 4, Vietnam and Cuba signed an MoU on vaccines."),
    ("en", "On May 4, Laos, which will host the forum, signed an MoU with Vietnam."),
])
def test_a_signing_told_after_a_future_word_of_another_clause_is_an_event(language, text):
    events = events_of(text, language, "2025-05-05")
    assert [(e["type"], e["date"]) for e in events] == [("signing", "2025-05-04")]


def test_talks_do_not_take_the_date_of_the_agreement_they_follow():
    text = ("Le 12 septembre, les deux ministres ont eu des entretiens à Hanoï. "
            "Les pourparlers ont fait suite au mémorandum d'entente entre la Corée et le "
            "Vietnam signé en mai.")
    events = events_of(text, "fr", "2025-09-13")
    meetings = [e for e in events if e["type"] == "meeting"]
    assert [(e["date"], e["place"]) for e in meetings] == [("2025-09-12", "Hanoï")]
    signings = [e for e in events if e["type"] == "signing"]
    assert [e["date"] for e in signings] == ["2025-05"]


def test_signatories_listed_after_the_ceremony_are_participants():
    text = ("Une cérémonie de signature s'est tenue le 4 juin à Huế. Les signataires incluent "
            "l'Université de Huế et l'Université de Nantes.")
    organizations = [entity("o", 1, text, "Université de Huế", country="VN"),
                     entity("o", 2, text, "Université de Nantes", country="FR")]
    events = events_of(text, "fr", "2025-06-05", organizations=organizations)
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("signing", "2025-06-04", "Huế")]
    assert events[0]["participants"] == ["o1", "o2"]


@pytest.fixture(scope="module")
def seed_extractions():
    from hoptac.extract.pipeline import extract_article
    from hoptac.model import Article

    found = {}
    for prefix in ("000", "002", "004"):
        path = seed_path(prefix)
        found[prefix] = extract_article(Article(id=path.stem,
                                                text=path.read_text(encoding="utf-8")))
    return found


def names(document: dict, ids: list[str]) -> list[str]:
    by_id = {i["id"]: i for i in document["persons"] + document["organizations"]}
    return [by_id[i]["name"] for i in ids if i in by_id]


@pytest.mark.slow
def test_seed_english_meeting(seed_extractions):
    document = seed_extractions["000"]
    assert [(e["type"], e["date"], e["place"]) for e in document["events"]] == [
        ("meeting", "XXXX-11-06", "Hà Nội")]
    people = " ".join(names(document, document["events"][0]["participants"]))
    assert "Blum" in people and "Thuấn" in people


@pytest.mark.slow
def test_seed_french_talks_and_the_earlier_signing(seed_extractions):
    document = seed_extractions["002"]
    meetings = [e for e in document["events"] if e["type"] == "meeting"]
    assert [e["date"] for e in meetings] == ["2025-09-12"]
    assert all(e["date"] != "2025-09-12" for e in document["events"] if e["type"] != "meeting")


@pytest.mark.slow
def test_seed_french_signing_ceremony_is_not_split_by_today(seed_extractions):
    document = seed_extractions["004"]
    signings = [e for e in document["events"] if e["type"] == "signing"]
    assert [(e["date"], e["place"]) for e in signings] == [("2025-11-12", "Hanoï")]
    people = " ".join(names(document, signings[0]["participants"]))
    assert "Clermont-Auvergne" in people


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The provincial health department signed an MoU with Osaka University on May 5. "
           "The deal covers nurse training. At the signing ceremony in Da Nang, Director "
           "Ho Van Phuc thanked the Japanese side."),
    ("fr", "Le département provincial de la Santé a signé le 5 mai un mémorandum d'entente "
           "avec l'Université d'Osaka. Le texte porte sur la formation. Lors de la cérémonie "
           "de signature à Da Nang, le directeur Ho Van Phuc a remercié la partie japonaise."),
    ("vi", "Ngày 5/5, Sở Y tế tỉnh đã ký kết biên bản ghi nhớ với Đại học Osaka. Văn kiện "
           "tập trung vào đào tạo. Phát biểu tại lễ ký kết ở Đà Nẵng, Giám đốc Hồ Văn Phúc "
           "cảm ơn phía Nhật Bản."),
])
def test_a_later_mention_of_the_event_gives_its_place_and_participants(language, text):
    name = "Hồ Văn Phúc" if language == "vi" else "Ho Van Phuc"
    events = events_of(text, language, "2025-05-07",
                       persons=[entity("p", 1, text, name, country="VN")])
    assert [(e["type"], e["date"]) for e in events] == [("signing", "2025-05-05")]
    assert events[0]["place"] in ("Da Nang", "Đà Nẵng")
    assert events[0]["participants"] == ["p1"]


def test_a_mention_with_another_date_tells_another_event():
    text = ("The ministry signed an MoU with the Kyoto institute on May 5 in Hanoi. "
            "Minister Tran Lam recalled that the two sides also signed a first MoU in 2014.")
    events = events_of(text, "en", "2025-05-07",
                       persons=[entity("p", 1, text, "Tran Lam", country="VN")])
    assert events[0]["participants"] == []


@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("en", "At a seminar hosted by the Saigon Times on June 2 in Hanoi, the two sides "
           "discussed elderly care.", [("seminar", "2025-06-02")]),
    ("en", "The Union Cabinet has approved the signing of an MoU between India and Chile "
           "on health.", []),
    ("fr", "Le Conseil des ministres a approuvé la signature d'un accord avec le Chili.", []),
    ("vi", "Thủ tướng đã phê duyệt việc ký kết Bản ghi nhớ hợp tác y tế với Chile.", []),
])
def test_hosts_and_approvals_are_no_events_of_their_own(language, text, wanted):
    events = events_of(text, language, "2025-06-05")
    assert [(e["type"], e["date"]) for e in events] == wanted


def test_a_dateline_after_a_caption_dates_and_places_the_lead_event():
    text = ("Ministers sign vaccine pact\n\n"
            "Minister Kim (left) and Director Lee after the event.\n\n"
            "May 3,2024, SEOUL, KOREA - The ministry and the vaccine institute signed an "
            "agreement on vaccine research.")
    events = events_of(text, "en", "2024-05-04")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("signing", "2024-05-03", "Seoul")]


@pytest.mark.parametrize(("language", "text", "place"), [
    ("vi", "Chiều 4/3, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Bộ trưởng Y tế Chile.",
     "Trụ sở Chính phủ"),
    ("vi", "Ngày 4/3, tại Phủ Chủ tịch, hai Bộ trưởng đã ký Hiệp định hợp tác y tế.",
     "Phủ Chủ tịch"),
    ("en", "On March 4, the Prime Minister received the Chilean health minister at the "
           "Presidential Palace.", "Presidential Palace"),
    ("fr", "Lors d'une visite de travail au Chili, du 2 au 6 mars, le vice-ministre a "
           "rencontré son homologue.", "Chili"),
    ("en", "During an official visit to Chile on March 4, the deputy minister met his "
           "counterpart.", "Chile"),
])
def test_venues_and_visited_countries_are_places(language, text, place):
    events = events_of(text, language, "2025-03-06")
    assert [e["place"] for e in events] == [place]


@pytest.mark.parametrize(("language", "text"), [
    ("vi", "Sáng 4/3, Đại sứ Việt Nam tại Chile Lê Minh Hà đến chào Bộ trưởng Y tế Chile "
           "Ana Rojas. Cuộc gặp nhằm thúc đẩy hợp tác y tế."),
    ("vi", "Sáng 4/3, Thứ trưởng Lê Minh Hà tiếp Tiến sỹ Ana Rojas, Giám đốc khu vực."),
    ("en", "On March 4, Ambassador Le Minh Ha paid a courtesy call on Chilean Health "
           "Minister Ana Rojas."),
])
def test_courtesy_calls_are_meetings(language, text):
    persons = [entity("p", 1, text, "Lê Minh Hà", "Le Minh Ha"),
               entity("p", 2, text, "Ana Rojas")]
    events = events_of(text, language, "2025-03-06", persons=persons)
    assert [(e["type"], e["date"], e["participants"]) for e in events] == [
        ("meeting", "2025-03-04", ["p1", "p2"])]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "La ministre chilienne Ana Rojas et le ministre vietnamien Lê Minh Hà signent une "
           "lettre d'intention. Lors de leur entretien du 4 mars, les ministres ont salué la "
           "coopération."),
    ("en", "Chilean Minister Ana Rojas and Vietnamese Minister Le Minh Ha sign a letter of "
           "intent. During their talks on March 4, the two ministers praised the cooperation."),
    ("vi", "Bộ trưởng Chile Ana Rojas và Bộ trưởng Lê Minh Hà ký kết ý định thư. Trong cuộc "
           "gặp ngày 4/3, hai Bộ trưởng đánh giá cao hợp tác."),
])
def test_people_told_again_take_part_in_the_later_event(language, text):
    persons = [entity("p", 1, text, "Ana Rojas"), entity("p", 2, text, "Lê Minh Hà", "Le Minh Ha")]
    events = events_of(text, language, "2025-03-06", persons=persons)
    meeting = next(e for e in events if e["type"] == "meeting")
    assert (meeting["date"], meeting["participants"]) == ("2025-03-04", ["p1", "p2"])
    assert [e["type"] for e in events] == ["signing", "meeting"]


@pytest.mark.parametrize(("language", "text"), [
    ("vi", "Ngày 4/3, Bộ Y tế đã ký kết biên bản ghi nhớ với Chile. Về phía Chile, có "
           "Bộ trưởng Ana Rojas."),
    ("fr", "Le 4 mars, le ministère a signé un mémorandum avec le Chili. Côté chilien, la "
           "ministre Ana Rojas était présente."),
    ("en", "On March 4, the ministry signed an MoU with Chile. On the Chilean side, Minister "
           "Ana Rojas attended."),
])
def test_a_side_of_any_country_lists_participants(language, text):
    events = events_of(text, language, "2025-03-06", persons=[entity("p", 1, text, "Ana Rojas")])
    assert [(e["type"], e["participants"]) for e in events] == [("signing", ["p1"])]


def test_a_later_month_tells_an_earlier_event_not_the_lead_one():
    text = ("The ministry and the Chilean health agency reached a deal in Hanoi on June 17. "
            "Under the deal signed by Minister Le Minh Ha and visiting Chilean Minister Ana "
            "Rojas, the two sides will train nurses.\nIn July 2006, the first agreement between "
            "Vietnam and Chile was signed.")
    events = events_of(text, "en", "2025-06-19")
    assert sorted((e["type"], e["date"]) for e in events) == [
        ("signing", "2006-07"), ("signing", "2025-06-17")]


def test_a_lower_case_venue_takes_the_name_of_the_body_after_it():
    text = ("Ngày 20/8, tại trụ sở Đại sứ quán Việt Nam tại Chile đã diễn ra lễ ký kết biên "
            "bản ghi nhớ hợp tác giữa hội người Việt và Bệnh viện Santa Rosa. Sự kiện có sự "
            "tham dự của Đại sứ Lê Minh Hà.")
    embassy = entity("o", 1, text, "Đại sứ quán Việt Nam tại Chile", country="VN")
    events = events_of(text, "vi", "2025-08-21", persons=[entity("p", 1, text, "Lê Minh Hà")],
                       organizations=[embassy])
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("signing", "2025-08-20", "trụ sở Đại sứ quán Việt Nam tại Chile")]
    assert "p1" in events[0]["participants"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On June 6, the provincial vice chairman had a working session with a delegation "
           "of the Santa Rosa Hospital of Chile.\nThe two sides discussed checkups.\nOn this "
           "occasion, the provincial hospital and the Santa Rosa Hospital signed an MoU."),
    ("fr", "Le 6 juin, le vice-président provincial a eu une séance de travail avec une "
           "délégation de l'Hôpital Santa Rosa du Chili.\nLes deux parties ont discuté.\nÀ "
           "cette occasion, les deux hôpitaux ont signé un mémorandum d'entente."),
    ("vi", "Ngày 6/6, Phó Chủ tịch tỉnh đã có buổi làm việc với đoàn Bệnh viện Santa Rosa "
           "của Chile.\nHai bên đã trao đổi.\nNhân dịp này, hai bệnh viện đã ký kết biên bản "
           "ghi nhớ hợp tác."),
])
def test_a_signing_on_this_occasion_is_dated_by_the_lead_event(language, text):
    events = events_of(text, language, "2025-06-07")
    assert sorted((e["type"], e["date"]) for e in events) == [
        ("meeting", "2025-06-06"), ("signing", "2025-06-06")]


def test_a_dateline_on_the_header_line_places_the_lead_event():
    text = (" date 2018-12 Santiago (VNA) – L'ambassade du Vietnam au Chili a remis une "
            "distinction à l'hôpital Santa Rosa lors d'une cérémonie tenue mardi 4 décembre.")
    from hoptac.extract.pipeline import build_context
    from hoptac.model import Article

    context = build_context(Article(id="x", text=text))
    events = find_events(context, [], [], find_dates(context))
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("other", "2018-12-04", "Santiago")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On May 3, the two ministers said the hospitals could sign an MoU."),
    ("fr", "Le 3 mai, les ministres ont indiqué que des accords pourraient être signés."),
    ("vi", "Ngày 3/5, hai Bộ trưởng cho biết hai bệnh viện có thể ký kết biên bản ghi nhớ."),
])
def test_a_possible_signing_is_no_event(language, text):
    assert events_of(text, language, "2025-05-05") == []


def test_on_this_occasion_dates_by_the_event_told_just_before():
    text = ("The minister began a working visit to Chile on June 13.\n"
            "The delegation toured two hospitals.\n"
            "During their talks on June 14, the two ministers praised the cooperation.\n"
            "On this occasion, the ministers signed a letter of intent.")
    events = events_of(text, "en", "2025-06-18")
    assert sorted((e["type"], e["date"]) for e in events) == [
        ("meeting", "2025-06-13"), ("meeting", "2025-06-14"), ("signing", "2025-06-14")]


@pytest.mark.parametrize(("language", "text"), [
    ("vi", "Sáng 12/3, Thứ trưởng Lê Minh Hà đã tiếp Đại sứ Chile. Hai bên đã ký kết kế "
           "hoạch hợp tác y tế.\nTrước đó, hai nước đã ký kết nhiều văn bản."),
    ("en", "On March 12, Deputy Minister Le Minh Ha received the Chilean ambassador. The two "
           "sides signed a health cooperation plan.\nIn earlier years, both signed many texts."),
    ("fr", "Le 12 mars, la vice-ministre Lê Minh Hà a reçu l'ambassadeur du Chili. Les deux "
           "parties ont signé un plan de coopération.\nAuparavant, elles ont signé des textes."),
])
def test_an_undated_event_right_after_a_dated_one_shares_its_day(language, text):
    events = events_of(text, language, "2025-03-14")
    assert sorted((e["type"], e["date"]) for e in events) == [
        ("meeting", "2025-03-12"), ("signing", "2025-03-12")]


def test_a_ceremony_told_first_is_an_event():
    text = "The ceremony, held on May 5 in Hanoi, marked fifty years of medical cooperation."
    assert [(e["type"], e["date"]) for e in events_of(text, "en", "2025-05-07")] == [
        ("other", "2025-05-05")]


@pytest.mark.parametrize(("language", "text", "wanted"), [
    ("fr", "Le 5 mai, la cérémonie de signature s'est tenue à Hanoï.", ("signing", "Hanoï")),
    ("vi", "Ngày 5/5, buổi lễ ký kết đã diễn ra tại Hà Nội.", ("signing", "Hà Nội")),
    ("fr", "Le 5 mai, la cérémonie d'inauguration s'est tenue à Hanoï.", ("other", "Hanoï")),
])
def test_a_named_ceremony_is_no_reference_back(language, text, wanted):
    assert [(e["type"], e["place"]) for e in events_of(text, language, "2025-05-06")] == [wanted]


def test_the_month_may_is_no_modal():
    text = "On May 5 the two ministers signed an MoU in Hanoi."
    assert [(e["type"], e["date"]) for e in events_of(text, "en", "2025-05-06")] == [
        ("signing", "2025-05-05")]


def test_a_weekday_in_the_body_dates_the_event_the_headline_announced():
    text = (" date 2024-03-07 Deputy minister receives Chilean delegation\n"
            "Deputy Minister Le Minh Ha on Tuesday received a delegation from Chile.")
    from hoptac.extract.pipeline import build_context
    from hoptac.model import Article

    context = build_context(Article(id="x", text=text))
    events = find_events(context, [], [], find_dates(context))
    assert [(e["type"], e["date"]) for e in events] == [("meeting", "2024-03-05")]


@pytest.mark.parametrize(("language", "text"), [
    ("vi", "Chiều 3/3, tại Hà Nội, Bộ trưởng đã có buổi làm việc với đoàn Bộ Y tế Chile.\n"
           "Hai bên đã trao đổi về đào tạo.\n"
           "Kết thúc buổi làm việc, hai bên đã ký Biên bản ghi nhớ hợp tác."),
    ("en", "On March 3 in Hanoi, the minister had a working session with a Chilean "
           "delegation.\nThe two sides discussed training.\n"
           "At the end of the working session, the two sides signed an MoU."),
    ("fr", "Le 3 mars à Hanoï, la ministre a tenu une séance de travail avec une délégation "
           "chilienne.\nLes deux parties ont évoqué la formation.\n"
           "À l'issue de la séance de travail, les deux parties ont signé un mémorandum."),
])
def test_an_event_told_with_a_dated_one_takes_its_day(language, text):
    events = events_of(text, language, "2025-03-05")
    assert sorted((e["type"], e["date"]) for e in events) == [
        ("meeting", "2025-03-03"), ("signing", "2025-03-03")]
    assert {e["place"] for e in events} in ({"Hà Nội"}, {"Hanoi"}, {"Hanoï"})


@pytest.mark.parametrize(("language", "text", "place"), [
    ("en", "The health forum opened on June 9 in the Laotian capital Vientiane.", "Vientiane"),
    ("en", "Doctors of both countries met on June 9 in the capital of Cambodia, Phnom Penh.",
     "Phnom Penh"),
    ("fr", "Le colloque médical s'est ouvert le 9 juin dans la capitale laotienne Vientiane.",
     "Vientiane"),
    ("vi", "Ngày 9/6, hội thảo y tế đã diễn ra tại thủ đô Viêng Chăn của Lào.", "Viêng Chăn"),
    ("en", "Nurses of Laos and Cambodia met on June 9 in the Thai capital, Bangkok.", "Bangkok"),
    ("fr", "Le 9 juin, la ministre a reçu son homologue dans la capitale thaïlandaise, Bangkok.",
     "Bangkok"),
])
def test_the_capital_named_before_its_city_places_the_event_in_the_city(language, text, place):
    events = events_of(text, language, "2025-06-20")
    assert [e["place"] for e in events] == [place]


BACKGROUND = {
    "en": "Cooperation in health between the two countries keeps growing. Laos has trained many "
          "doctors over the years. Hospitals swap staff every year.\n",
    "fr": "La coopération sanitaire entre les deux pays ne cesse de croître. Le Laos a formé de "
          "nombreux médecins. Les hôpitaux échangent du personnel chaque année.\n",
    "vi": "Hợp tác y tế giữa hai nước không ngừng phát triển. Lào đã đào tạo nhiều bác sĩ. Các "
          "bệnh viện trao đổi nhân viên hằng năm.\n",
}


@pytest.mark.parametrize(("language", "text", "date"), [
    ("en", "The two health ministers met on Monday in Vientiane to review the plan.",
     "2025-08-25"),
    ("fr", "La ministre laotienne s'est entretenue lundi avec son homologue à Vientiane.",
     "2025-08-25"),
    ("vi", "Hôm thứ Hai, Bộ trưởng Y tế Lào đã hội đàm với người đồng cấp tại Viêng Chăn.",
     "2025-08-25"),
])
def test_a_meeting_dated_by_a_weekday_after_background_is_reported(language, text, date):
    events = events_of(BACKGROUND[language] + text, language, "2025-08-28")
    assert [(e["type"], e["date"]) for e in events] == [("meeting", date)]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Lawmakers ratified the health accord on Friday during a meeting in Vientiane."),
    ("fr", "Les députés ont ratifié l'accord sanitaire vendredi lors d'une réunion à Vientiane."),
    ("vi", "Các đại biểu đã phê chuẩn hiệp định y tế hôm thứ Sáu trong cuộc họp tại Viêng Chăn."),
])
def test_a_date_told_right_before_the_meeting_dates_it_despite_the_agreement(language, text):
    events = events_of(text, language, "2025-08-28")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("meeting", "2025-08-22", "Vientiane" if language != "vi" else "Viêng Chăn")]


@pytest.mark.parametrize(("language", "text", "place"), [
    ("en", "From 21 to 23 August, the hospital team made a field trip to Luang Prabang.",
     "Luang Prabang"),
    ("en", "A study tour to Japan for young nurses took place from August 21 to 23.", "Japan"),
    ("fr", "Du 21 au 23 août, l'équipe a effectué une visite de terrain dans la province de "
           "Luang Prabang.", "Luang Prabang"),
    ("fr", "Un voyage d'étude au Japon a réuni de jeunes infirmiers du 21 au 23 août.", "Japon"),
    ("vi", "Từ ngày 21 đến 23/8, đoàn bác sĩ đã đi khảo sát thực tế tại tỉnh Luang Prabang.",
     "Luang Prabang"),
    ("vi", "Từ ngày 21 đến ngày 23/8, đoàn đã có chuyến công tác tại Luang Prabang.",
     "Luang Prabang"),
])
def test_a_trip_over_a_range_of_days_is_a_meeting_dated_by_its_first_day(language, text, place):
    events = events_of(BACKGROUND[language] + text, language, "2025-08-28")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("meeting", "2025-08-21", place)]


@pytest.mark.parametrize(("language", "text", "people"), [
    ("en", "On May 12, the two hospitals signed a training agreement in Hue. The document was "
           "signed by Director Tran Van Long and Professor Ines Moreau.",
     ["Tran Van Long", "Ines Moreau"]),
    ("en", "A Cuban health delegation held talks with the Ministry of Health on May 12. The "
           "delegation was led by Deputy Minister Rosa Pérez.", ["Rosa Pérez"]),
    ("fr", "Le 12 mai, une délégation cubaine a eu des entretiens avec le ministère de la "
           "Santé. La délégation était conduite par la vice-ministre Rosa Pérez.", ["Rosa Pérez"]),
    ("vi", "Ngày 12/5, Bộ Y tế đã hội đàm với đoàn đại biểu Cuba. Đoàn do Thứ trưởng Rosa Pérez "
           "dẫn đầu.", ["Rosa Pérez"]),
])
def test_people_introduced_right_after_the_event_take_part(language, text, people):
    persons = [entity("p", n, text, name) for n, name in enumerate(people, 1)]
    events = events_of(text, language, "2025-05-20", persons=persons)
    assert len(events) == 1
    assert set(events[0]["participants"]) == {p["id"] for p in persons}


def test_a_following_sentence_without_a_cue_adds_nobody():
    text = ("On May 12, the Ministry of Health held talks with a Cuban delegation. Separately, "
            "Professor Ines Moreau opened a new laboratory in Da Nang.")
    persons = [entity("p", 1, text, "Ines Moreau")]
    events = events_of(text, "en", "2025-05-20", persons=persons)
    assert "p1" not in events[0]["participants"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On May 12, Minister Omar Haddad received a delegation of Japanese surgeons in Hanoi. "
           "He was accompanied by Doctor Lina Costa."),
    ("en", "On May 12, a cooperation plan was signed in Hanoi. On behalf of the hospital, "
           "Doctor Lina Costa put her name to the plan."),
    ("fr", "Le 12 mai, le ministre Omar Haddad a reçu une délégation de chirurgiens japonais à "
           "Hanoï. Il était accompagné de la docteure Lina Costa."),
    ("fr", "Le 12 mai, un plan de coopération a été signé à Hanoï. Au nom de l'hôpital, la "
           "docteure Lina Costa a apposé sa signature."),
    ("vi", "Ngày 12/5, Bộ trưởng Omar Haddad đã tiếp đoàn bác sĩ phẫu thuật Nhật Bản tại Hà Nội. "
           "Cùng tham dự có bác sĩ Lina Costa."),
    ("vi", "Ngày 12/5, kế hoạch hợp tác đã được ký kết tại Hà Nội. Thay mặt bệnh viện, bác sĩ "
           "Lina Costa đã ký vào văn bản."),
])
def test_people_accompanying_or_signing_in_the_next_sentence_take_part(language, text):
    persons = [entity("p", 1, text, "Omar Haddad"), entity("p", 2, text, "Lina Costa")]
    events = events_of(text, language, "2025-05-20", persons=persons)
    assert len(events) == 1
    assert "p2" in events[0]["participants"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On Monday in Hue, Assoc.Prof.Dr. Le Thi Mai had a working session with Korean "
           "doctors."),
    ("fr", "Lundi à Hué, le Pr.Dr. Le Thi Mai a eu une séance de travail avec des médecins "
           "coréens."),
    ("vi", "Hôm thứ Hai tại Huế, PGS.TS. Lê Thị Mai đã có buổi làm việc với các bác sĩ Hàn Quốc."),
])
def test_a_weekday_of_the_lead_dates_the_lead_event_in_another_sentence(language, text):
    events = events_of(text, language, "2025-08-28")
    assert [(e["type"], e["date"]) for e in events] == [("meeting", "2025-08-25")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On May 12, a Thai delegation had a working session with the Ministry of Health in "
           "Hanoi. Leading the Thai delegation was Deputy Minister Somchai Kittipong."),
    ("en", "On May 12, the two institutes signed a research agreement in Hanoi. Signing the "
           "document were Doctor Somchai Kittipong and Doctor Pham Thu Ha."),
    ("fr", "Le 12 mai, une délégation thaïlandaise a eu une séance de travail avec le ministère "
           "de la Santé à Hanoï. À la tête de la délégation figurait le vice-ministre Somchai "
           "Kittipong."),
    ("vi", "Ngày 12/5, đoàn công tác Thái Lan đã có buổi làm việc với Bộ Y tế tại Hà Nội. Dẫn "
           "đầu đoàn là Thứ trưởng Somchai Kittipong."),
])
def test_the_head_of_a_delegation_or_the_signatories_named_next_take_part(language, text):
    persons = [entity("p", 1, text, "Somchai Kittipong")]
    events = events_of(text, language, "2025-05-20", persons=persons)
    assert len(events) == 1
    assert "p1" in events[0]["participants"]


@pytest.mark.parametrize(("language", "text", "place"), [
    ("en", "From 21 to 23 August, a team of Hue doctors travelled to Argentina.", "Argentina"),
    ("fr", "Du 21 au 23 août, une équipe de médecins de Hué s'est rendue en Argentine.",
     "Argentine"),
    ("fr", "L'équipe de médecins s'est rendue à Luang Prabang du 21 au 23 août.",
     "Luang Prabang"),
])
def test_travelling_somewhere_over_days_is_a_visit(language, text, place):
    events = events_of(BACKGROUND[language] + text, language, "2025-08-28")
    assert [(e["type"], e["date"], e["place"]) for e in events] == [
        ("meeting", "2025-08-21", place)]
