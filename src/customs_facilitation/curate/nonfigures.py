"""Numbers that are not figures: dates, times, labels, document numbers and ordinals.

Each kind is a regular expression over normalized text (see :mod:`.numerals`: ASCII digits,
simplified Chinese). :data:`NON_FIGURES` lists them in the order the claims finder tries them
at a position, before it tries a quantity.
"""

SP = r"[ \t\u00a0]"
YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
_DAY_NUMBER = r"(?:[12][0-9]|3[01]|0?[1-9])"
_DAY = rf"{_DAY_NUMBER}(?:st|nd|rd|th)?(?![0-9])"
_DAY_RANGE = rf"(?:{SP}*(?:-|–|—|to|through){SP}*{_DAY})?"
MONTH = (
    r"(?<![A-Za-z])(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
    r"(?![A-Za-z])\.?"
)
_CN_DIGITS = "〇零一二三四五六七八九十"
_CN_MONTH_OR_DAY = f"(?:[0-9]{{1,2}}|[{_CN_DIGITS}]{{1,3}})"
# A year before 月: western, Chinese digits, or a Republic of China year (民国113年 = 2024).
_CN_YEAR = "(?:(?:19|20)[0-9]{2}|1[01][0-9]|[〇零一二三四五六七八九]{4})年"
_CN_RANGE = "(?:-|–|—|~|至|到)"
_CN_DAY = f"{_CN_MONTH_OR_DAY}日(?!内|以内|之内|元)"

DATE = "|".join(
    [
        rf"{YEAR}[-/.]{_MONTH_NUMBER}[-/.]{_DAY_NUMBER}(?![0-9])",  # 2024-11-02, 2024/11/02
        rf"(?<![0-9.]){_DAY_NUMBER}[/.]{_DAY_NUMBER}[/.]{YEAR}",  # 09/03/2026
        rf"{MONTH}{SP}+{_DAY}{_DAY_RANGE}(?:,?{SP}+{YEAR})?",  # July 14, 2025; June 3 to 5
        rf"{_DAY}{_DAY_RANGE}{SP}+{MONTH}(?:,?{SP}+{YEAR})?",  # 14 July 2025; 3-5 June
        rf"{MONTH},?{SP}+{YEAR}",  # July 2025
        rf"(?:{_CN_YEAR})?{_CN_MONTH_OR_DAY}(?:{_CN_RANGE}{_CN_MONTH_OR_DAY})?月份?"
        rf"(?:{_CN_DAY}(?:{_CN_RANGE}(?:{_CN_MONTH_OR_DAY}月)?{_CN_DAY})?)?",  # 2025年1-6月, 7月3日至5日
        rf"{_CN_MONTH_OR_DAY}(?:{_CN_RANGE}{_CN_MONTH_OR_DAY})?日(?!内|以内|之内|元)",  # 18日, 3至5日
        rf"[今昨明前]?{SP}*[（(]{SP}*[0-9]{{1,2}}{SP}*[）)]{SP}*日",  # 今（18）日
        "[前第]?[一二三四1-4]季度",  # 一季度, 前三季度
        f"[前首](?:{_CN_MONTH_OR_DAY}|两)个?月",  # 前5个月, 首两个月: a period, not a duration
        rf"(?<![A-Za-z])(?:the{SP}+)?first{SP}+[0-9]{{1,2}}{SP}+months",  # the first 11 months
        r"(?<![A-Za-z])[QH][1-4](?![0-9])",  # Q1, H1
        "民国[0-9]{1,3}年",
    ]
)

_CLOCK = r"(?:[01]?[0-9]|2[0-3])"
_TIME_ZONE = rf"(?:{SP}*(?:GMT|UTC)(?:[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?)?"
_CN_PART_OF_DAY = "上午|下午|晚上|晚间|凌晨|中午|早上|傍晚|夜间"
TIME = "|".join(
    [
        rf"(?<![0-9.:]){_CLOCK}:[0-5][0-9](?::[0-5][0-9])?(?:{SP}*(?:[ap]\.m\.|[AaPp][Mm])(?![A-Za-z]))?(?![0-9])"
        rf"{_TIME_ZONE}",
        rf"(?<![0-9.]){_CLOCK}{SP}*(?:[ap]\.m\.|[AaPp][Mm](?![A-Za-z]))",  # 10 am
        rf"(?:{_CN_PART_OF_DAY})(?:[0-9]{{1,2}}|[{_CN_DIGITS}]{{1,3}})[时点](?:[0-9]{{1,2}}分|半|整|许)?",
        "[0-9]{1,2}[时点][0-9]{1,2}分(?:[0-9]{1,2}秒)?",  # 10时30分
        "[0-9]{1,2}时许",
        "(?<![0-9])(?:[01]?[0-9]|2[0-4])时(?![间期代刻])",  # 24时
    ]
)

DOCUMENT_NUMBER = "|".join(
    [
        rf"[〔\[［【(（]{SP}*{YEAR}{SP}*[〕\]］】)）]{SP}*(?:第{SP}*)?[0-9]+{SP}*号",  # 署岸函〔2025〕17号
        rf"{YEAR}{SP}*年{SP}*第{SP}*[0-9]+{SP}*号",  # 海关总署公告2024年第12号
        f"(?<=令)第{SP}*[0-9]+{SP}*号",  # 海关总署令第259号
        f"第{SP}*[0-9]+{SP}*号(?={SP}*(?:令|公告|文件|函|通知))",
        rf"(?:Announcement|Decree|Order|Circular|Notice|Proclamation|Decision|Directive|Document)"
        rf"{SP}+(?:[\[(]{YEAR}[\])]{SP}*)?No\.?{SP}*[0-9]+(?:{SP}*(?:of{SP}+{YEAR}|[\[(]{YEAR}[\])]))?",
        rf"[\[(]{YEAR}[\])]{SP}*No\.?{SP}*[0-9]+",  # [2024] No. 12
        rf"No\.{SP}*[0-9]+{SP}*[\[(]{YEAR}[\])]",  # No. 12 (2024)
    ]
)

_CURRENCY_CODES = r"(?:RMB|CNY|USD|HKD|TWD|MOP|EUR|GBP|JPY|US|HK|NT|[QH][1-4])"
# Letters glued after digits that are a unit, a scale or an ordinal, not part of a name.
_SUFFIXES = r"(?:st|nd|rd|th|bn|tn|trn|mn|mln|m|k|kg|km|pct|pp|ppts?|am|pm|a\.m|p\.m|s|TEUs?|hrs|x)"
_REFERENCE_ANY_CASE = (
    "article|section|paragraph|page|chapter|annex|appendix|table|figure|fig\\.|item|clause|no\\."
    "|phase|terminal|berth|gate|pier|platform|room|version|ver\\."
)
LABEL = "|".join(
    [
        r"https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+",  # a web address
        r"第?[A-Z]?[0-9]+(?:\.[0-9]+)*版",  # a newspaper page (07版), an edition (2.0版)
        rf"(?m:^){SP}*[0-9][0-9,]*{SP}*次{SP}*(?m:$)",  # a page's view counter on its own line
        rf"(?:阅读|浏览|点击)(?:量|数|次数|人次)?[:：]?{SP}*[0-9][0-9,]*次?",
        rf"[0-9][0-9,]*{SP}*(?:阅读|浏览)",
        rf"(?<![A-Za-z])(?:[Vv]iews?|[Rr]eads?|[Hh]its?|[Cc]licks?):{SP}*[0-9][0-9,]*",
        rf"[0-9][0-9,]*{SP}+(?:views|reads|clicks)(?![A-Za-z])",
        rf"[0-9]+{SP}*min(?:ute)?s?{SP}+read(?![A-Za-z])",  # 3 min read
        r"(?:GMT|UTC)[+-][0-9]{1,2}(?::?[0-9]{2})?",  # a time zone
        rf"(?:邮编|邮政编码|[Pp]ostcode|[Zz]ip(?:{SP}+code)?)[:：]?{SP}*[0-9]{{5,6}}",  # a postcode
        r"\+[0-9]{1,3}(?:[ -][0-9]{1,4}){2,}",  # a telephone number: +86 10 6519 4114
        "24/7|7/24",
        rf"[0-9]{{5,}}(?={SP}*(?:海关)?(?:服务)?热线)",  # the 12360 hotline
        rf"(?:热线|电话|[Hh]otline|[Tt]el\.?|[Pp]hone)[:：]?{SP}*[0-9][0-9\- ]{{3,}}[0-9]",
        rf"(?i:(?<![A-Za-z])(?:{_REFERENCE_ANY_CASE})){SP}*[0-9]+(?:\.[0-9]+)*[A-Za-z]?(?![0-9])",
        rf"(?<![A-Za-z])(?:Line|Route|Flight|Level|Grade|Tier|Class|Hall|Booth|Model){SP}+[0-9]+(?![0-9])",
        rf"(?<![A-Za-z])(?:ISO|GB(?:/T)?|HS|ICS|IEC){SP}?[0-9][0-9.\-/]*",  # standards, tariff headings
        rf"(?<![A-Za-z0-9])(?!{_CURRENCY_CODES}(?:\$|[0-9]))[A-Za-z]+-?[0-9]+(?:[A-Za-z][A-Za-z0-9]*)?",  # C919
        rf"(?<![A-Za-z0-9.,])[0-9]+(?!{_SUFFIXES}(?![A-Za-z]))[A-Za-z][A-Za-z0-9]*",  # 5G, 4K, 51haodu
        "双(?:11|12|十一|十二)",  # shopping festivals
        rf"[0-9]+{SP}*[×xX*]{SP}*[0-9]+",  # 7×24
        "第?[0-9]+号(?!码)",  # 9号线, 3号码头
    ]
)

_CN_NUMERAL = "[零〇一二两三四五六七八九十百千]{1,12}"
ORDINAL = rf"[0-9]+(?:st|nd|rd|th)(?![A-Za-z])|[0-9]+周年|第(?:[0-9]+|{_CN_NUMERAL})"

NON_FIGURES = {
    "document_number": DOCUMENT_NUMBER,
    "time": TIME,
    "date": DATE,
    "label": LABEL,
    "ordinal": ORDINAL,
}
KINDS = ("quantity", "year", *NON_FIGURES)
