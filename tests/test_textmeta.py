"""Metadata that plain-text articles state in their own text (header, Source line, agency)."""

from __future__ import annotations

import pytest

from hoptac.ingest.textmeta import date_from_url, parse_text_article
from seeds import seed_path

pytestmark = pytest.mark.usefixtures("seed_dir")  # skipped where the shared corpus is absent


def read(prefix: str) -> str:
    return seed_path(prefix).read_bytes().decode("utf-8")


def test_header_with_dateline_is_not_a_title():
    text = read("003")
    meta = parse_text_article(text)
    assert meta.published == "2024-01"
    assert meta.title is None
    assert text[meta.body_start:].startswith("Hanoi (VNA)")
    assert meta.agency == "VNA"


def test_header_with_headline_is_the_title_and_the_body_follows():
    text = read("004")
    meta = parse_text_article(text)
    assert meta.title.startswith("Excellence médicale")
    assert text[meta.body_start:].lstrip().startswith("Une cérémonie")
    assert meta.agency == "CVN"


def test_source_line_and_comment_debris_end_the_body():
    text = read("001")
    meta = parse_text_article(text)
    assert meta.source_url.startswith("https://baodautu.vn/")
    body = text[meta.body_start:meta.body_end]
    assert "Source :" not in body and "Comment (0)" not in body
    assert body.rstrip().endswith("populations.")


def test_english_signature_and_no_header():
    meta = parse_text_article(read("000"))
    assert (meta.published, meta.title, meta.agency) == (None, None, "VNS")


def test_own_articles_in_three_languages():
    english = "Officials from Ghana and Viet Nam met in Accra to talk about midwives.– VNA"
    assert parse_text_article(english).agency == "VNA"
    french = ("Une délégation du Laos a visité l'hôpital de Hué.\n\n"
              "Texte et photos : Lan Anh/CVN\n")
    assert parse_text_article(french).agency == "CVN"
    vietnamese = ("Bộ Y tế và Hàn Quốc ký kết biên bản ghi nhớ về đào tạo điều dưỡng.\n"
                  "Nguồn: https://example.vn/tin/2024/05/17/hop-tac.html\n"
                  "Bình luận (3)\n")
    meta = parse_text_article(vietnamese)
    assert meta.source_url == "https://example.vn/tin/2024/05/17/hop-tac.html"
    assert meta.published == "2024-05-17"
    assert vietnamese[meta.body_start:meta.body_end].endswith("điều dưỡng.\n")


def test_header_after_a_byte_order_mark():
    meta = parse_text_article("\ufeff date 2025-02-03 Talks in Dakar\n\nBody text here.")
    assert (meta.published, meta.title) == ("2025-02-03", "Talks in Dakar")


def test_dates_in_urls():
    assert date_from_url("https://x.vn/a-20250913145859560.htm") == "2025-09-13"
    assert date_from_url("https://x.com/2024/1/22/story") == "2024-01-22"
    assert date_from_url("https://x.com/story-12345.html") is None
    assert date_from_url("https://x.com/a-20251399.htm") is None


# --- titles: a first line that reads as a headline ------------------------------------------


def test_first_line_headline_in_three_languages_and_the_body_after_it():
    articles = {
        "Ghana and Viet Nam deepen cooperation on midwifery": (
            "Health officials from both countries met in Accra on Monday to plan exchanges."),
        "Le Sénégal et le Vietnam renforcent leur coopération en santé": (
            "Les deux ministères ont signé jeudi une lettre d'intention à Dakar."),
        "Bộ Y tế tiếp đoàn công tác của Bộ Y tế Ghana": (
            "Sáng ngày 3/4, Thứ trưởng đã tiếp đoàn công tác tại trụ sở Bộ."),
    }
    for headline, lede in articles.items():
        for gap in ("\n\n", "\n"):
            text = f"{headline}{gap}{lede}\n"
            meta = parse_text_article(text)
            assert meta.title == headline
            assert text[meta.body_start:].strip() == lede


def test_markdown_heading_is_a_title():
    meta = parse_text_article("# Talks on nurse training in Hue\n\nThe two sides agreed.\n")
    assert meta.title == "Talks on nurse training in Hue"


def test_a_lede_is_not_a_title():
    texts = [
        "Viet Nam and Ghana signed a memorandum on nurse training on May 3.\n\nIt runs to 2030.",
        "Le ministre a reçu l'ambassadeur du Ghana. Ils ont parlé des vaccins.\nSuite du texte.",
        "Hanoi (VNA) – Officials met the Ghanaian delegation on Monday\n\nMore text follows.",
        "Sáng 3/4, Bộ trưởng Bộ Y tế đã tiếp Đại sứ Ghana tại Hà Nội.\n\nHai bên trao đổi.",
        "- Training of nurses\n- Exchange of doctors\n",
        "The main areas of cooperation are:\n- vaccines\n",
        "Only one line that could be a headline",
    ]
    for text in texts:
        assert parse_text_article(text).title is None, text


def test_a_caption_ending_with_a_credit_is_not_a_title():
    text = ("The two ministers after the signing. | \nPhoto: VNA/CVN |\n"
            "The ministers of health met in Hanoi.\n")
    assert parse_text_article(text).title is None


# --- published: stamps and datelines ---------------------------------------------------------


def test_stamp_lines_after_the_title_give_the_day_and_open_no_body():
    cases = {
        "03/04/2025 | 09:15 AM": "2025-04-03",
        "Cập nhật: 15/07/2022": "2022-07-15",
        "Thứ Hai, 15/07/2022 09:00": "2022-07-15",
        "Thứ năm, ngày 13 tháng 11 năm 2025": "2025-11-13",
        "January 29, 2012 9:23 PM GMT+7": "2012-01-29",
        "Published on 12 November 2025, 10:30": "2025-11-12",
        "Publié le 12 novembre 2025 à 10h30": "2025-11-12",
        "Mis à jour le mercredi 1er octobre 2025": "2025-10-01",
        "Ngày 21/12/2011": "2011-12-21",
        "2017-04-04 04:56": "2017-04-04",
    }
    for stamp, day in cases.items():
        text = f"Nurses from Ghana train in Hue\n{stamp}\n\nThe course opened on Monday.\n"
        meta = parse_text_article(text)
        assert meta.published == day, stamp
        assert meta.title == "Nurses from Ghana train in Hue"
        assert text[meta.body_start:].strip() == "The course opened on Monday."


def test_a_stamp_a_few_lines_down_still_counts():
    text = ("Ghana, Viet Nam sign health MoU\n\nVGP – The two ministers signed a memorandum.\n\n"
            "March 3, 2024 8:10 PM GMT+7\n\nUnder the memorandum, nurses will train in Hue.\n")
    meta = parse_text_article(text)
    assert (meta.published, meta.agency) == ("2024-03-03", "VGP")


def test_numeric_dates_are_read_day_first():
    text = "Hợp tác y tế Việt Nam – Ghana\n\n08/10/2024 | 17:06 PM\n\nChiều ngày 08/10/2024 ..."
    assert parse_text_article(text).published == "2024-10-08"


def test_an_event_date_in_the_body_is_not_the_publication_date():
    texts = [
        "Ngày 21/12/2011, tại Hà Nội, Bộ trưởng Bộ Y tế và Đại sứ Ghana đã ký Hiệp định.\n",
        "On 24th November 2017 in Hanoi, the deputy minister met the Ghanaian envoy.\n",
        "Ghana and Viet Nam sign a health MoU\n\nThe memorandum was signed on 3 March 2024 "
        "in Accra by both ministers.\n",
        "Le 12 novembre 2025, la ministre a reçu une délégation du Ghana à Hanoi.\n",
    ]
    for text in texts:
        assert parse_text_article(text).published is None, text


def test_dateline_day_without_a_year_keeps_the_year_unknown():
    text = ("Hanoi, 1er avril (VNA) - La vice-ministre de la Santé a reçu le 30 mars une "
            "délégation du Ghana.\n")
    meta = parse_text_article(text)
    assert (meta.published, meta.agency) == ("XXXX-04-01", "VNA")
    english = "Accra [Ghana], March 7: On March 6, the two ministers met in Accra.\n"
    assert parse_text_article(english).published == "XXXX-03-07"


def test_dateline_with_a_year_and_a_stamp_before_it():
    dateline = "March 3,2024, ACCRA, GHANA - The two ministries signed a memorandum.\n"
    assert parse_text_article(dateline).published == "2024-03-03"
    stamped = "Ghana and Viet Nam sign a memorandum\n\n2024-03-04 10:00\n\n" + dateline
    assert parse_text_article(stamped).published == "2024-03-04"


def test_the_header_date_wins_over_other_evidence():
    text = " date 2024-01 Nurses from Ghana train in Hue\n03/02/2024 | 10:00\n\nThe course...\n"
    assert parse_text_article(text).published == "2024-01"


# --- agency -----------------------------------------------------------------------------------


def test_trailing_credit_lines():
    body = "Les deux ministres ont signé une lettre d'intention sur la formation.\n\n"
    cases = {
        "VNA/CVN": "CVN",
        "(TTXVN/Vietnam+)": "VNA",
        "Theo TTXVN": "VNA",
        "Texte et photos : Lan Anh/CVN": "CVN",
        "Source: PIB": "PIB",
        "Nguồn: Báo Nhân Dân": "Nhân Dân",
        "Korea Herald correspondent": "Korea Herald",
    }
    for credit, agency in cases.items():
        assert parse_text_article(body + credit + "\n").agency == agency, credit
    by_line = body + "By Kim Min-ji\n\nKorea Herald correspondent\n"
    assert parse_text_article(by_line).agency == "Korea Herald"
    signed = "Hai bên đã ký kết Bản ghi nhớ về đào tạo điều dưỡng./. (TTXVN/Vietnam+)\n"
    assert parse_text_article(signed).agency == "VNA"


def test_a_source_line_naming_a_paper_is_no_url():
    meta = parse_text_article("India and Ghana will sign a health memorandum.\nSource: PIB\n")
    assert (meta.source_url, meta.agency) == (None, "PIB")


def test_datelines_name_the_agency():
    cases = {
        "(VOV5) -Ngày 3/4, Phó Chủ tịch nước tiếp Đại sứ Ghana.": "VOV",
        "(SKTE) - Bộ Y tế và Ghana tăng cường hợp tác.": "SKTE",
        "(Ngày Nay) - Đoàn công tác của Bộ Y tế đã đến Ghana.": "Ngày Nay",
        "VGP – The Prime Minister received the Ghanaian health minister.": "VGP",
        "Accra (Xinhua) -- Ghana and Viet Nam signed a health memorandum.": "Xinhua",
        "Hà Nội (TTXVN) - Bộ trưởng Bộ Y tế tiếp Đại sứ Ghana.": "VNA",
    }
    for text, agency in cases.items():
        assert parse_text_article(text + "\n").agency == agency, text


def test_no_agency_from_ordinary_sentences():
    texts = [
        "HANOI, Viet Nam - The two sides signed a memorandum.\n\nThey will train nurses.\n",
        "Bà Đào Hồng Lan (phải) - Bộ trưởng Bộ Y tế tiếp Đại sứ Ghana.\n",
        "Theo Giám đốc Bệnh viện, hợp tác với Ghana sẽ mở rộng trong năm tới.\n",
        "The minister told Vietnam News that talks went well.\n\nTalks go on.\n",
        "Sources: the ministry said the memorandum will be signed next month.\n",
    ]
    for text in texts:
        assert parse_text_article(text).agency is None, text


def test_a_photo_credit_is_the_last_resort():
    text = ("Le Vietnam et le Ghana renforcent leur coopération\n\nLes ministres se sont vus.\n\n"
            "Photo : Minh Duc/VNA/CVN\n\nLa coopération porte sur la formation.\n")
    assert parse_text_article(text).agency == "CVN"
    signed = text + "- VNS\n"
    assert parse_text_article(signed).agency == "VNS"
    unknown = "Ghana and Viet Nam train nurses\n\nThe course opened. (Photo: moh.gov.vn)\n"
    assert parse_text_article(unknown).agency is None


def test_aliases_map_to_one_short_name():
    from hoptac.ingest.textmeta import canonical_agency

    assert canonical_agency("Vietnam News Agency") == "VNA"
    assert canonical_agency("Thong tan xa Viet Nam") == "VNA"
    assert canonical_agency("The Korea Herald") == "Korea Herald"
    assert canonical_agency("Le Courrier du Vietnam") == "CVN"
    assert canonical_agency("Báo Nhân Dân") == "Nhân Dân"
    assert canonical_agency("Ministry of Health") is None


def test_real_seed_articles_keep_their_metadata():
    meta = parse_text_article(read("002"))
    assert meta.published == "2025-09-13" and meta.title is None and meta.agency is None


def test_signature_after_an_editor_code_and_a_slash():
    text = "L'ambassadeur du Ghana a rencontré la ministre à Hanoi le 2 mai. – NDEL/VNA\n"
    assert parse_text_article(text).agency == "VNA"


def test_section_labels_and_breadcrumbs_are_not_titles():
    for first in ("Y tế", "Health news", "Trang chủ > Tin tức > Y tế", "Home | World | Health"):
        text = f"{first}\n\nThe ministers of Ghana and Viet Nam met in Accra on Monday.\n"
        assert parse_text_article(text).title is None, first


def test_stamp_forms_of_vietnamese_and_english_papers():
    cases = {
        "Thứ hai, 10/11/2025, 14:05 (GMT+7)": "2025-11-10",
        "Thứ Hai, 14:05, 10-11-2025": "2025-11-10",
        "By Minh Anh   November 10, 2025 | 02:05 pm PT": "2025-11-10",
        "Published: 2025-11-10T14:05:00+07:00": "2025-11-10",
    }
    for stamp, day in cases.items():
        text = f"Ghana and Viet Nam agree on nurse exchanges\n\n{stamp}\n | \nThe two sides met.\n"
        meta = parse_text_article(text)
        assert meta.published == day, stamp
        assert text[meta.body_start:].strip() == "The two sides met.", stamp


def test_read_dateline_tells_where_the_dateline_ends():
    from hoptac.ingest.textmeta import read_dateline

    paragraph = "Accra, 3 mai (VNA) - La ministre a reçu le 2 mai une délégation."
    dateline = read_dateline(paragraph)
    assert (dateline.day, dateline.agency) == ("XXXX-05-03", "VNA")
    assert paragraph[dateline.end:].strip().startswith("La ministre")
    assert read_dateline("La ministre a déclaré : la coopération se poursuit.") is None


def test_a_lede_ending_in_a_closing_quote_is_not_a_title():
    text = ("The minister told the envoy: “Ghana is a close partner in health.”\n\n"
            "The two sides also spoke about vaccines.\n")
    assert parse_text_article(text).title is None


def test_the_weekday_of_a_stamp_decides_between_day_and_month_first():
    def published(stamp: str) -> str | None:
        text = f"Ghana and Viet Nam agree on nurse exchanges\n{stamp}\nThe two sides met.\n"
        return parse_text_article(text).published

    assert published("Wednesday, 05/08/2019 10:00") == "2019-05-08"  # 8 May was a Wednesday
    assert published("Monday, 05/08/2019 10:00") == "2019-08-05"  # 5 August was a Monday
    assert published("Thứ 2, 05/08/2019") == "2019-08-05"
    assert published("05/08/2019") == "2019-08-05"  # no weekday: day first


def test_a_stamp_above_the_headline():
    headline = "Ghana and Viet Nam agree on nurse exchanges"
    text = f"Sep 21, 2016 / 16:14\n{headline}\nThe sides met.\n"
    meta = parse_text_article(text)
    assert (meta.published, meta.title) == ("2016-09-21", headline)
    assert text[meta.body_start:].strip() == "The sides met."


def test_a_page_title_with_the_paper_name():
    text = ("Ghana and Viet Nam agree on nurse exchanges | VnExpress International\n\n"
            "The two sides met in Accra on Monday.\n")
    meta = parse_text_article(text)
    assert (meta.title, meta.agency) == ("Ghana and Viet Nam agree on nurse exchanges", "VnExpress")
    kept = "Ghana - Viet Nam: a new chapter in health\n\nThe two sides met in Accra on Monday.\n"
    assert parse_text_article(kept).title == "Ghana - Viet Nam: a new chapter in health"


def test_a_bare_header_date_and_the_headline_on_the_next_line():
    headline = "Ghana and Viet Nam agree on nurse exchanges"
    text = f" date 2025-05-02\n{headline}\n\nThe sides met.\n"
    meta = parse_text_article(text)
    assert (meta.published, meta.title) == ("2025-05-02", headline)
    assert text[meta.body_start:].strip() == "The sides met."


def test_a_source_line_with_a_bare_domain():
    meta = parse_text_article("Ghana and Viet Nam agreed to train nurses.\nNguồn: vov.vn\n")
    assert (meta.source_url, meta.agency) == ("vov.vn", "VOV")
    other = parse_text_article("Ghana and Viet Nam agreed to train nurses.\nSource: moh.gov.vn\n")
    assert (other.source_url, other.agency) == ("moh.gov.vn", None)
