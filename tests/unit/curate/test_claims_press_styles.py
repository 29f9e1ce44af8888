"""The claims finder on the styles of real press pages: traditional characters, numbers in words,
lists with one unit, non-figures of every kind, English currency codes and qualifiers.

Sentences are written for these tests in the style of such releases.
"""

import pytest

from customs_facilitation.curate.claims import find_claims


def _only(text: str, matched: str):
    found = [c for c in find_claims(text) if c.text == matched]
    assert len(found) == 1, [(c.text, c.kind) for c in find_claims(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "matched", "value", "unit", "qualifier", "direction"),
    [
        ("全年進出口總值超過38萬億元。", "38萬億元", 38e12, "CNY", "at_least", None),
        ("首季出口貨值為3,884億港元，按年增長12.5%。", "3,884億港元", 3884e8, "HKD", "exact", None),
        ("首季出口貨值為3,884億港元，按年增長12.5%。", "12.5%", 12.5, "percent", "exact", "increase"),
        ("進口減少2.3%。", "2.3%", 2.3, "percent", "exact", "decrease"),
        ("貨值下降1.1個百分點。", "1.1個百分點", 1.1, "percentage_points", "exact", "decrease"),
        ("認證企業逾5,300家。", "5,300家", 5300, "count", "at_least", None),
        ("獲批項目約120項。", "120項", 120, "count", "about", None),
        ("覆蓋近60個國家。", "60個", 60, "count", "about", None),
        ("對美出口新台幣3.2兆元。", "新台幣3.2兆元", 3.2e12, "TWD", "exact", None),
        ("全年出口4,750.7億美元，年增9.9%。", "9.9%", 9.9, "percent", "exact", "increase"),
        ("碼頭處理1,380萬個標準貨櫃。", "1,380萬個標準貨櫃", 1380e4, "TEU", "exact", None),
        ("貨值為105.3億澳門元。", "105.3億澳門元", 105.3e8, "MOP", "exact", None),
    ],
)
def test_traditional_characters(text, matched, value, unit, qualifier, direction):
    claim = _only(text, matched)
    assert (claim.kind, claim.unit, claim.qualifier, claim.direction) == ("quantity", unit, qualifier, direction)
    assert claim.value == pytest.approx(value, rel=1e-12)


def test_traditional_spans_index_the_original_text():
    text = "２０２５年全年，海關總署公布進出口總值超過３８萬億元，增長３．８％。"
    for claim in find_claims(text):
        assert text[claim.start : claim.end] == claim.text
        assert claim.text in claim.sentence
    assert [c.text for c in find_claims(text)] == ["２０２５年", "３８萬億元", "３．８％"]


@pytest.mark.parametrize(
    ("text", "matched", "value", "unit", "qualifier"),
    [
        ("九成企业表示满意。", "九成", 90, "percent", "exact"),
        ("两成企业使用新模式。", "两成", 20, "percent", "exact"),
        ("4成订单来自东盟。", "4成", 40, "percent", "exact"),
        ("近六成企业成本下降。", "六成", 60, "percent", "about"),
        ("八成以上受访者认可。", "八成", 80, "percent", "at_least"),
        ("占比约一成半。", "一成半", 15, "percent", "about"),
        ("超过一半的货物提前申报。", "一半", 50, "percent", "at_least"),
        ("一半以上企业参与。", "一半", 50, "percent", "at_least"),
        ("过半企业已接入。", "过半", 50, "percent", "at_least"),
        ("百分之三点五的货物需查验。", "百分之三点五", 3.5, "percent", "exact"),
        ("三分之一的企业计划扩大进口。", "三分之一", 100 / 3, "percent", "exact"),
        ("More than half of firms agreed.", "half", 50, "percent", "at_least"),
        ("One-fifth of importers did so.", "One-fifth", 20, "percent", "exact"),
        ("Roughly two-thirds of parcels go by air.", "two-thirds", 200 / 3, "percent", "about"),
        ("About a third of firms replied.", "a third", 100 / 3, "percent", "about"),
        ("Half of the ports joined.", "Half", 50, "percent", "exact"),
        ("共开行中欧班列一万九千列。", "一万九千列", 19000, "count", "exact"),
        ("通达二百二十七个城市。", "二百二十七个", 227, "count", "exact"),
        ("累计两万亿元。", "两万亿元", 2e12, "CNY", "exact"),
        ("惠及十余万家企业。", "十余万家", 1e5, "count", "at_least"),
        ("增长两个百分点。", "两个百分点", 2, "percentage_points", "exact"),
        ("It took under six hours.", "six hours", 6, "hours", "at_most"),
        ("It handled three million tonnes.", "three million tonnes", 3e6, "tonnes", "exact"),
        ("Clearance took twenty-one hours.", "twenty-one hours", 21, "hours", "exact"),
        # English currency codes glued to the number, qualifiers, units joined by a hyphen
        ("Trade reached CNY38.20 trillion.", "CNY38.20 trillion", 38.2e12, "CNY", "exact"),
        ("Trade reached USD5.90 trillion.", "USD5.90 trillion", 5.9e12, "USD", "exact"),
        ("Tariff relief covers HK$1.2bn of goods.", "HK$1.2bn", 1.2e9, "HKD", "exact"),
        ("It was worth US$387.3 billion.", "US$387.3 billion", 387.3e9, "USD", "exact"),
        ("Exports hit CNY 9.11 tn.", "CNY 9.11 tn", 9.11e12, "CNY", "exact"),
        ("The surplus was $1.19 trln.", "$1.19 trln", 1.19e12, "USD", "exact"),
        ("Imports were 3.2 bln yuan.", "3.2 bln yuan", 3.2e9, "CNY", "exact"),
        ("进口2.5亿人民币。", "2.5亿人民币", 2.5e8, "CNY", "exact"),
        ("Customs in over 230 countries and regions joined.", "230", 230, "count", "at_least"),
        ("It has registered more than 650,000.", "650,000", 650000, "count", "at_least"),
        ("No fewer than 40 ports joined.", "40", 40, "count", "at_least"),
        ("The review takes 20 working days.", "20 working days", 20, "days", "exact"),
        ("It offers 24-hour clearance.", "24-hour", 24, "hours", "exact"),
    ],
)
def test_numbers_in_words_and_english_forms(text, matched, value, unit, qualifier):
    claim = _only(text, matched)
    assert (claim.kind, claim.unit, claim.qualifier) == ("quantity", unit, qualifier)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["In the first half of 2025, trade grew.", "The second half of the year was slower.", "管理模式一成不变。",
     "The half-year results came out.", "上半年成效明显。", "A third round of talks opened."],
)
def test_halves_of_years_and_idioms_are_no_figures(text):
    assert [c for c in find_claims(text) if c.kind == "quantity"] == []


def test_the_chinese_indefinite_article_and_vague_counts_are_no_figures():
    assert [c for c in find_claims("推出一批措施，一个平台，数十个部门，千家万户受益。") if c.kind == "quantity"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对欧盟和美国进出口8.12万亿和9.05万亿元。", [(8.12e12, "CNY"), (9.05e12, "CNY")]),
        ("分别为4120.3亿、3980.7亿、1502.2亿元。", [(4120.3e8, "CNY"), (3980.7e8, "CNY"), (1502.2e8, "CNY")]),
        ("Exports were 4.06 and 3.37 trillion yuan.", [(4.06e12, "CNY"), (3.37e12, "CNY")]),
        ("Growth of 3.2, 4.5 and 5.1 percent.", [(3.2, "percent"), (4.5, "percent"), (5.1, "percent")]),
        ("出口8.12万亿，进口9.05万亿元。", [(8.12e12, "CNY"), (9.05e12, "CNY")]),
        ("Trade was 2.63 trillion yuan, of which exports were 2.03 trillion.", [(2.63e12, "CNY"), (2.03e12, "CNY")]),
        ("分别为12、34家。", [(12, "count"), (34, "count")]),
    ],
)
def test_a_unit_written_once_applies_to_the_whole_list(text, expected):
    found = [(pytest.approx(c.value, rel=1e-12), c.unit) for c in find_claims(text) if c.kind == "quantity"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "directions"),
    [
        ("出口和进口分别增长3.2%、4.5%和5.1%。", ["increase"] * 3),
        ("Exports rose 3.2%, 4.5% and 5.1%.", ["increase"] * 3),
        ("下降3至5个百分点。", ["decrease"] * 2),
        ("增速为-3.2%，另有3%持平。", ["decrease", None]),  # a Chinese comma starts a new clause
        ("A change of −0.4% was seen.", ["decrease"]),
    ],
)
def test_a_change_applies_along_a_list(text, directions):
    assert [c.direction for c in find_claims(text)] == directions


@pytest.mark.parametrize(
    ("text", "matched", "kind"),
    [
        ("更新于 09/03/2026 08:15", "09/03/2026", "date"),
        ("更新于 09/03/2026 08:15", "08:15", "time"),
        ("Updated 18:40", "18:40", "time"),
        ("发布时间：2024-11-02 19:05", "2024-11-02", "date"),
        ("发布时间：2024-11-02 19:05", "19:05", "time"),
        ("Posted: 2019-05-06 10:21:09", "10:21:09", "time"),
        ("人民日报 2026年03月19日 07版", "07版", "label"),
        ("人民日报 2026年03月19日 第07版", "第07版", "label"),
        ("根据海关总署公告2024年第12号执行。", "2024年第12号", "document_number"),
        ("按照署岸函〔2024〕9号要求。", "〔2024〕9号", "document_number"),
        ("海关总署令第259号公布。", "第259号", "document_number"),
        ("See Announcement No. 12 of 2024.", "Announcement No. 12 of 2024", "document_number"),
        ("Announcement [2024] No. 9 applies.", "Announcement [2024] No. 9", "document_number"),
        ("Under [2024] No. 9, it applies.", "[2024] No. 9", "document_number"),
        ("5G手机出口增长。", "5G", "label"),
        ("国新办\n2026-02-03\n3次\n", "3次", "label"),
        ("浏览次数：1532", "浏览次数：1532", "label"),
        ("Page 7 | Views: 1,204", "Views: 1,204", "label"),
        ("Page 7 | Views: 1,204", "Page 7", "label"),
        ("海关总署今（18）日召开发布会。", "今（18）日", "date"),
        ("The fair runs from June 3 to 5.", "June 3 to 5", "date"),
        ("展会于7月3日至5日举行。", "7月3日至5日", "date"),
        ("1至10月，出口增长。", "1至10月", "date"),
        ("前11个月进出口稳定。", "前11个月", "date"),
        ("首兩個月出口回升。", "首兩個月", "date"),
        ("in the first 11 months", "the first 11 months", "date"),
        ("财政部113年1至6月统计。", "113年1至6月", "date"),
        ("12月31日24时，旅客通关。", "24时", "time"),
        ("下午3时许，货物通关。", "下午3时许", "time"),
        ("It arrived at 3 pm.", "3 pm", "time"),
        ("拨打12360海关热线。", "12360", "label"),
        ("The C919 jet and COVID-19 rules.", "C919", "label"),
        ("The C919 jet and COVID-19 rules.", "COVID-19", "label"),
        ("双11期间单量大增。", "双11", "label"),
        ("实行7×24小时通关。", "7×24", "label"),
        ("See http://example.org/a/9713.html now.", "http://example.org/a/9713.html", "label"),
        ("Posted on 14 January 2026 | 2,318 views", "2,318 views", "label"),
        ("發布日期：2026年1月14日　瀏覽人次：1,532", "瀏覽人次：1,532", "label"),
        ("地址：北京 邮编：100730", "邮编：100730", "label"),
        ("Call +86 10 6519 4114 now.", "+86 10 6519 4114", "label"),
        ("Updated 11:45 AM GMT+8 | 3 min read", "11:45 AM GMT+8", "time"),
        ("Updated 11:45 AM GMT+8 | 3 min read", "3 min read", "label"),
        ("Call the 24/7 hotline.", "24/7", "label"),
    ],
)
def test_dates_times_labels_and_document_numbers_are_their_own_kinds(text, matched, kind):
    claim = _only(text, matched)
    assert (claim.kind, claim.unit) == (kind, None)


def test_a_year_is_a_year_unless_it_counts_something():
    found = find_claims("In 2025 some 2000 enterprises joined; 2025 marks a decade. Copyright 2026 Reuters.")
    assert [(c.text, c.kind, c.noun) for c in found] == [
        ("2025", "year", None), ("2000", "quantity", "enterprises"), ("2025", "year", None),
        ("2026", "year", None)]


def test_a_bare_yuan_after_a_taiwan_dollar_figure_is_taiwan_dollars():
    found = find_claims("門檻由新台幣2,000元調整為3,000元，另收人民幣50元。")
    assert [c.unit for c in found] == ["TWD", "TWD", "CNY"]
    assert [c.unit for c in find_claims("總值約21億元。")] == ["CNY"]  # no context: the mainland reading


def test_change_basis_is_read_where_the_words_say():
    assert _only("出口同比增长6.1%。", "6.1%").basis == "year_on_year"
    assert _only("Imports rose 3% year on year.", "3%").basis == "year_on_year"
    assert _only("通关时间比2017年压缩69.9%。", "69.9%").basis == "versus_2017"
    assert _only("出口增长6.1%。", "6.1%").basis is None


def test_abbreviations_end_no_sentence():
    claim = _only("See Announcement No. 12 of 2024. Trade grew 3%.", "3%")
    assert claim.sentence == "Trade grew 3%."
    assert _only("See Announcement No. 12 of 2024. Trade grew 3%.", "Announcement No. 12 of 2024").sentence == (
        "See Announcement No. 12 of 2024.")


@pytest.mark.parametrize(
    ("written", "unit"),
    [("5 percentage points", "percentage_points"), ("5 per cent", "percent"), ("5 pct", "percent"),
     ("5 ppts", "percentage_points"), ("5 TEUs", "TEU"), ("5 twenty-foot equivalent units", "TEU"),
     ("5 hrs", "hours"), ("5 minutes", "minutes"), ("5 business days", "days"), ("5 weeks", "weeks"),
     ("5 months", "months"), ("5 years", "years"), ("5 times", "times"), ("5 tons", "tonnes"),
     ("5 kilograms", "kg"), ("5 renminbi", "CNY"), ("5 US dollars", "USD"), ("5 U.S. dollars", "USD"),
     ("5 Hong Kong dollars", "HKD"), ("5 NT dollars", "TWD"), ("5 New Taiwan dollars", "TWD"),
     ("5 patacas", "MOP"), ("5 euros", "EUR"), ("€5", "EUR"), ("£5", "GBP"), ("¥5", "CNY"),
     ("5美金", "USD"), ("5澳门币", "MOP"), ("5日元", "JPY"), ("5英镑", "GBP"), ("5元人民币", "CNY"),
     ("5个标准箱", "TEU"), ("5周", "weeks"), ("5分钟", "minutes"), ("5公斤", "kg"), ("5人次", "count"),
     ("5架次", "count"), ("5支", "count")],
)
def test_every_written_unit_has_its_name(written, unit):
    assert [(c.text, c.unit) for c in find_claims(written)] == [(written, unit)]
