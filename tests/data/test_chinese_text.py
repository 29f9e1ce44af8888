"""The Chinese text of the curated data against the English it translates.

observations.csv's ``note_zh`` renders ``note`` and checks.csv's ``explanation_zh`` renders
``explanation``; each Chinese text stands exactly where its English one does (a check that passes has
neither). A translation may reword and may add a number (a month written as 7月), but it keeps every
number of the English with the same value, and it writes no English word a Chinese reader would not
find in a Chinese text: only the ids of the data, a few acronyms and names with no Chinese form.

The tables are read as text (the csv module), not through the package's loaders, so every cell is
compared as written.
"""

import csv
import re
from decimal import Decimal

import pytest

from customs_facilitation.paths import DATA_DIR

TABLES = [("observations.csv", "observation_id", "note", "note_zh"),
          ("checks.csv", "check_id", "explanation", "explanation_zh")]
"""Each table with its key, its English column and the Chinese column that translates it."""

ID_COLUMNS = {"observations.csv": "observation_id", "sources.csv": "source_id", "indicators.csv": "indicator_id",
              "checks.csv": "check_id", "targets.csv": "target_id"}
"""Where the ids that may stand in Chinese text as they are come from."""

SCALES = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12,
          "千": 10 ** 3, "万": 10 ** 4, "百万": 10 ** 6, "亿": 10 ** 8, "万亿": 10 ** 12}
"""Scale words after a number, English and Chinese (the English notes quote Chinese: 6000亿元)."""

NUMBER = re.compile(r"""
    (?<![A-Za-z0-9_])                            # not the digits of an id (G83, DB2018) or of a longer number
    (?P<sign>-?)
    (?P<digits>\d{1,3}(?:,\d{3})+|\d+)           # digits with thousands commas are one number: 3,776
    (?P<fraction>\.\d+)?
    (?P<ordinal>(?:st|nd|rd|th)(?![A-Za-z]))?    # 14th, 9th: ordinals, not counted
    (?:\s*(?:(?:CNY|USD|RMB)\s+)?(?P<scale>thousand|million|billion|trillion)\b
       |(?P<zh_scale>万亿|百万|亿|万|千))?           # longest Chinese scale first: 万亿 before 亿 and 万
    (?P<percent>\s*percent\b|\s*[%％])?             # "percent", never "percentage (points)"
    """, re.VERBOSE)
"""A number is written in digits; words (seven, first, July, half) are never numbers."""

ALLOWED_ACRONYMS = {"AEO", "WTO", "ICT", "RCEP", "OECD", "UNCTAD", "CNBC", "NHK"}
"""Acronyms that Chinese texts themselves write in Latin letters. GACC, TEU, CNY and USD are not among
them: Chinese writes 海关总署, 标准箱, 元 and 美元."""

ALLOWED_NAMES = ["ETtoday", "Teller Report", "La Prensa Latina", "world-today-news", "Sakshi", "Pakissan",
                 "SocialNews", "Sahar News", "Ships & Ports", "PaySpace Magazine", "livedoor", "Record China",
                 "China Banking News", "Binus"]
"""Outlets and names with no Chinese form, kept as the English writes them."""

WEB_ADDRESS = re.compile(r"https?://\S+|(?<![A-Za-z0-9-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|org|net|csv)"
                         r"(?![A-Za-z0-9])")
"""Web addresses, domains and file names (panexwd.com, pilot-cities.csv) are kept as written."""

TRADITIONAL = "億萬與為個國關進發報經區際貿數據統計時間這們對業實類項點準貨務門圍續較處總產輸稅證審認驗場價"
"""Traditional forms of common characters; the Chinese columns are in simplified characters."""


def read(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def numbers(text: str) -> dict[tuple[Decimal, bool], str]:
    """Every number of a text: its exact value (scale applied) and whether it is a percentage, with how
    it is written.

    >>> sorted(v for v, _ in numbers("RMB 256.99 billion, up 7.5%; 3,776 instances on 14 July 2025"))
    [Decimal('7.5'), Decimal('14'), Decimal('2025'), Decimal('3776'), Decimal('256990000000.00')]
    >>> sorted(numbers("2569.9亿元，增长7.5%；2025年7月14日")) == sorted(numbers("256.99 billion up 7.5 percent, "
    ...     "on 7/14 2025"))
    True
    >>> numbers("the 14th Five-Year Plan; G83 and DB2018; 1.2 percentage points")
    {(Decimal('1.2'), False): '1.2'}
    """
    found = {}
    for match in NUMBER.finditer(text):
        if match["ordinal"]:
            continue
        value = Decimal(match["digits"].replace(",", "") + (match["fraction"] or ""))
        value *= SCALES.get(match["scale"] or match["zh_scale"], 1)
        found[(-value if match["sign"] else value, bool(match["percent"]))] = match[0].strip()
    return found


SCALE_DEFINITION = re.compile(r"(?:[万亿]\S*\s+is\s+|units of\s+)(?:100|ten) (?:million|thousand)")
"""An English note that says what a Chinese scale word is (亿元 is 100 million yuan): a definition for a
reader of English, not a figure; the Chinese needs no such line."""


def missing_numbers(english: str, chinese: str) -> list[str]:
    """The numbers of the English that the Chinese does not state with the same value (a definition of a
    Chinese scale word aside).

    >>> missing_numbers("6000亿元; 亿元 is 100 million yuan", "6000亿元")
    []
    """
    in_chinese = numbers(chinese)
    return [written for key, written in numbers(SCALE_DEFINITION.sub("", english)).items() if key not in in_chinese]


def data_ids() -> set[str]:
    return {row[column] for name, column in ID_COLUMNS.items() for row in read(name)}


def stray_latin(text: str, ids: set[str]) -> list[str]:
    """Latin words of three letters or more that are neither ids of the data, nor allowed acronyms or
    names, nor part of a web address or file name."""
    text = WEB_ADDRESS.sub(" ", text)
    for name in sorted(ALLOWED_NAMES, key=len, reverse=True):
        text = text.replace(name, " ")
    return [word for token in re.findall(r"[A-Za-z0-9_-]+", text) if token not in ids
            for word in re.findall(r"[A-Za-z]{3,}", token) if word not in ALLOWED_ACRONYMS]


@pytest.mark.parametrize(("name", "key", "english", "chinese"), TABLES)
def test_each_chinese_column_follows_its_english_column(name, key, english, chinese):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert english in header and chinese in header and key in header, f"{name}: {header}"
    assert read(name), f"{name} has no rows"


@pytest.mark.parametrize(("name", "key", "english", "chinese"), TABLES)
def test_the_chinese_is_given_exactly_where_the_english_is(name, key, english, chinese):
    """As rules.py's translation_problems: a Chinese text for each English one, none without it."""
    rows = read(name)
    assert any(row[english] for row in rows), f"{name}: {english} is empty on every row"
    wrong = [f"{row[key]}: {english} {'given' if row[english] else 'empty'} but {chinese} "
             f"{'given' if row[chinese] else 'empty'}" for row in rows if bool(row[english]) != bool(row[chinese])]
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


@pytest.mark.parametrize(("name", "key", "english", "chinese"), TABLES)
def test_every_number_of_the_english_is_in_the_chinese_with_its_value(name, key, english, chinese):
    rows = read(name)
    assert sum(bool(numbers(row[english])) for row in rows) > 0, f"{name}: no numbers read in {english}"
    failures = [f"{name} {row[key]} {chinese}: {written!r} of the English is missing\n"
                f"    {english}: {row[english]}\n    {chinese}: {row[chinese]}"
                for row in rows for written in missing_numbers(row[english], row[chinese])]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("name", "key", "english", "chinese"), TABLES)
def test_the_chinese_writes_no_english_words_but_ids_and_allowed_names(name, key, english, chinese):
    ids = data_ids()
    failures = [f"{name} {row[key]} {chinese}: {', '.join(words)}\n    {row[chinese]}" for row in read(name)
                if (words := stray_latin(row[chinese], ids))]
    assert not failures, "Latin words outside the allow-lists:\n" + "\n".join(failures)


@pytest.mark.parametrize(("name", "key", "english", "chinese"), TABLES)
def test_the_chinese_is_simplified_chinese(name, key, english, chinese):
    failures = []
    for row in read(name):
        text = row[chinese]
        if text and not re.search(r"[\u4e00-\u9fff]", text):
            failures.append(f"{name} {row[key]} {chinese}: no Chinese character: {text!r}")
        if traditional := sorted(set(text) & set(TRADITIONAL)):
            failures.append(f"{name} {row[key]} {chinese}: traditional characters {''.join(traditional)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("english", "chinese"), [
    ("RMB 256.99 billion", "2569.9亿元"),
    ("45.47 CNY trillion", "45.47万亿元"),
    ("1.2 million", "120万"),
    ("more than 780,000", "超78万"),
    ("5.2 billion tonnes", "52亿吨"),
    ("14 July 2025", "2025年7月14日"),
    ("-2 percent", "（-2%"),
    ("up 1.2 percentage points", "提升1.2个百分点"),
    ("the ninth year; the 14th Five-Year Plan; about a third", "连续第9年；“十四五”；三分之一"),
])
def test_the_english_numbers_are_read_with_their_value(english, chinese):
    assert missing_numbers(english, chinese) == []


@pytest.mark.parametrize(("english", "chinese", "missing"), [
    ("RMB 256.99 billion", "256.99亿元", ["256.99 billion"]),
    ("7.5 percent", "7.5", ["7.5 percent"]),
    ("1.2 percentage points", "1.2%", ["1.2"]),
    ("3.69", "3.69万亿元", ["3.69"]),
    ("-2 percent", "2%", ["-2 percent"]),
])
def test_a_number_with_another_value_is_missing(english, chinese, missing):
    assert missing_numbers(english, chinese) == missing


def test_a_changed_digit_in_a_real_row_is_reported():
    row = next(row for row in read("observations.csv") if re.search(r"\d\.\d", row["note"]))
    changed = re.sub(r"(\d)\.(\d)", lambda m: f"{m[1]}.{(int(m[2]) + 1) % 10}", row["note_zh"], count=1)
    assert missing_numbers(row["note"], row["note_zh"]) == []
    assert missing_numbers(row["note"], changed) != []


def test_stray_latin_words_are_found_and_allowed_ones_pass():
    ids = {"F42", "port_container_throughput", "legal-daily-2025-07-14"}
    assert stray_latin("见F42、port_container_throughput和legal-daily-2025-07-14；AEO；ETtoday；panexwd.com", ids) == []
    assert stray_latin("另见GACC和Global Times，单位TEU", ids) == ["GACC", "Global", "Times", "TEU"]
