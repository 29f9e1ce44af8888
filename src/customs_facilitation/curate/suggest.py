"""Suggest the indicator of a drafted figure from the words around it.

Each indicator is known by its name and id, by the words the source packs use for its figures
(their ``indicator`` column) and by the sentences of held texts its figures were curated from.
Chinese words are read through a small glossary of customs terms (出口: exports, 东盟: ASEAN) and
as pairs of characters, so a Chinese sentence finds English names and earlier Chinese sentences
alike; "EU", "U.S." and "BRI" are read as the names they stand for. Suggestions are ranked by the
cosine of idf-weighted word sets, and only indicators whose unit is the figure's base unit are
suggested.

A name weighs heavily: the proper names in indicators' names that tell indicators of one topic apart
("the United States", "ASEAN", "European Union", "Belt and Road": partners; "Yangtze River Delta":
regions) are read in the figure's own words (its clause, or its own item of a list read
"respectively"). Where they name one, the indicators holding it come first, those holding only
other names are left out, and the names of the other items of its list are no words of its own.
So a share of trade with ASEAN ("representing 15.7 percent of", 占...比重) finds ASEAN's share, not
the AEO enterprises' share.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from ..data.snapshots import RAW, read_sidecars
from .audit import paragraph_of
from .numerals import normalize

_GLOSSARY = {
    "进出口": "trade imports exports", "货物贸易": "goods trade", "外贸": "trade imports exports", "贸易": "trade",
    "出口": "exports", "进口": "imports", "民营企业": "private enterprises", "外资企业": "foreign enterprises",
    "国有企业": "state enterprises", "东盟": "asean", "欧盟": "european union", "美国": "united states",
    "对美": "united states", "自美": "united states", "非洲": "africa", "中亚": "central asia",
    "拉美": "latin america", "韩国": "south korea", "日本": "japan", "俄罗斯": "russia", "一带一路": "belt road",
    "跨境电商": "cross-border e-commerce",
    "保税维修": "bonded repair", "集装箱": "container", "标箱": "container", "港口": "ports",
    "机电产品": "mechanical electrical products", "高技术产品": "high-tech products",
    "劳动密集型": "labour-intensive", "装备制造": "equipment manufacturing", "新三样": "new three",
    "电动汽车": "electric vehicles", "锂电池": "lithium batteries", "光伏": "photovoltaic", "监管": "supervision",
    "货物": "goods", "货值": "value", "口岸": "ports entry", "水运": "waterway", "航空": "air", "陆路": "land",
    "单一窗口": "single window", "通关时间": "clearance time", "进口通关": "import clearance",
    "出口通关": "export clearance", "认证企业": "aeo enterprises", "互认": "mutual recognition",
    "试点城市": "pilot cities", "城市": "cities", "措施": "measures", "部门": "departments",
    "专项行动": "special operation", "国家和地区": "countries regions", "贸易伙伴": "partners",
    "经营主体": "enterprises", "实绩": "records", "企业": "enterprises", "占比": "share", "比重": "share",
    "份额": "share", "占": "share", "认证": "aeo", "长三角": "yangtze river delta", "大湾区": "greater bay area",
    "雄安": "xiongan",
    # English words for the same things
    "foreign trade": "goods trade imports exports", "total trade": "goods trade imports exports",
    "imports and exports": "trade", "import and export": "trade", "firms": "enterprises", "companies": "enterprises",
    "new trio": "new three", "solar": "photovoltaic", "making up": "share", "accounting for": "share",
    "proportion": "share", "aeo-": "aeo",
}
_GLOSSARY_TERMS = re.compile("|".join(sorted(_GLOSSARY, key=len, reverse=True)))
_WORD = re.compile(r"(?<![0-9])[a-z][a-z'-]*")
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
_STOPWORDS = {
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "had", "have", "in", "is", "it", "its",
    "of", "on", "or", "over", "than", "that", "the", "their", "this", "to", "up", "was", "were", "which", "with",
    "year", "percent", "per", "cent", "trillion", "billion", "million", "yuan", "cny", "rmb", "usd", "dollars",
    "rose", "grew", "fell", "reached", "totaled", "totalled", "increase", "increased", "china", "china's",
    "chinese", "country", "country's", "last", "first", "half", "quarter", "months", "total", "earlier", "ago",
    "record", "data", "customs", "showed", "show", "shows", "today", "said", "according", "statistics", "hit",
    "high", "saw", "same", "period",
}
_MIN_SCORE = 0.15
_CLAUSE_START = re.compile(r"([^0-9%。；;.!?]*)$")
_ABBREVIATION = re.compile(r"\b(?:U\.S\.(?:A\.)?|USA\b|US\b|EU\b|BRI\b)(?!\s*(?:dollars?\b|\$))")
_ABBREVIATED = {"U.S.": "United States", "U.S.A.": "United States", "USA": "United States", "US": "United States",
                "EU": "European Union", "BRI": "Belt and Road"}
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|on\s+)?[A-Z][\w'’-]*)*\b(?!\s+dollars?\b|\$)")
"""A proper name: capitalized words ("Belt and Road", "European Union's"); a currency is none."""
_SHARE = re.compile(r"\b(?:represent(?:s|ed|ing)?|account(?:s|ed|ing)?\s+for|constitut(?:e|es|ed|ing)"
                    r"|(?:make|makes|made|making)\s+up)\s+(?:(?:about|around|nearly|some|over|more than)\s+)?"
                    r"(?:[0-9.,]+\s*(?:%|percent|per cent)\s*)?of\b", re.IGNORECASE)
"""Words giving a share: "representing 15.7 percent of" (the number may be left out)."""
_CHANGE_RATE = re.compile(r"\b(growth|increase|decline|decrease)\s+rates?\b", re.IGNORECASE)
"""A rate of change is the change's own word, not the "rate" of an indicator (an inspection rate)."""
_OWN_WEIGHT = 2.0
"""How much more a word (not a name) of a figure's own item of a list weighs than the rest of its clause."""


def words(text: str) -> set[str]:
    """The words a text is matched by: English words (stemmed by a final s and a possessive; no
    numbers; "EU", "U.S." and "BRI" written out), glossary terms, pairs of Chinese characters, and
    "share" where the words give one ("representing 15.7 percent of"). A "growth rate" is growth.

    Example:
        >>> sorted(words("出口26.99万亿元")), sorted(words("Exports of goods"))
        (['export', '万亿', '亿元', '出口'], ['export', 'good'])
    """
    return _words_of(_expanded(normalize(text)))


def _words_of(expanded: str) -> set[str]:
    normalized = _CHANGE_RATE.sub(r"\1", expanded).lower().replace("’", "'")
    found = {_stem(w) for w in _WORD.findall(normalized) if w not in _STOPWORDS}
    for term in _GLOSSARY_TERMS.findall(normalized):
        found |= {_stem(w) for w in _GLOSSARY[term].split()}
    for run in _CJK_RUN.findall(normalized):
        found |= {run[i : i + 2] for i in range(len(run) - 1)}
    if _SHARE.search(normalized):
        found.add("share")
    return found


def names(text: str) -> list[set[str]]:
    """The words of each proper name in a text: capitalized runs ("the EU": European Union) and
    the glossary's Chinese terms (东盟: ASEAN).

    Example:
        >>> [sorted(n) for n in names("trade with the EU, ASEAN's members and the U.S., in US dollars; 对东盟")]
        [['european', 'union'], ['asean'], ['state', 'united'], ['asean', '东盟']]
    """
    normalized = _expanded(normalize(text))
    found = [_words_of(m.group()) for m in _NAME.finditer(normalized)]
    found += [_words_of(term) for term in _GLOSSARY_TERMS.findall(normalized.lower()) if _CJK_RUN.fullmatch(term)]
    return [name for name in ({w for w in name if len(w) > 1} for name in found) if name]


def _expanded(text: str) -> str:
    """The text with "EU", "U.S." and "BRI" written out (not "US dollars", "US$")."""
    return _ABBREVIATION.sub(lambda m: _ABBREVIATED[m.group()], text)


def _stem(word: str) -> str:
    word = re.sub(r"'s?$", "", word)  # a possessive: "ASEAN's", "partners'"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class IndicatorIndex:
    """The indicators of a data package, each with the word sets it is known by."""

    def __init__(self, tables: dict[str, pd.DataFrame], data_dir: Path):
        indicators = tables["indicators"]
        self.units = dict(zip(indicators["indicator_id"], indicators["unit"]))
        self.names = _distinguishing_names(indicators)
        documents: dict[str, list[set[str]]] = defaultdict(list)
        for row in indicators.itertuples():
            documents[row.indicator_id].append(words(f"{row.indicator_id.replace('_', ' ')} {row.name}"))
        for indicator, text in _curated_words(tables, data_dir):
            documents[indicator].append(words(text))
        frequency = defaultdict(int)
        for indicator_documents in documents.values():
            for word in set().union(*indicator_documents):
                frequency[word] += 1
        self.idf = {word: math.log(1 + len(documents) / count) for word, count in frequency.items()}
        self.documents = {indicator: [d for d in docs if d] for indicator, docs in documents.items()}

    def suggest(self, text: str, unit: str | None, limit: int = 3, own: str = "") -> list[tuple[str, float]]:
        """The indicators that fit ``text`` best, best first, with their score (0 to 1), among those
        of base unit ``unit`` (any if None).

        ``own`` is the figure's own item of a list read "respectively" (default: all of ``text``
        is its own): its words other than names weigh double, and the names of the other items are
        left out. Where its words name a name that tells indicators apart, an indicator holding it
        scores (cosine + 1) / 2, one holding none cosine / 2, and one holding only other names is left
        out; an item of a list naming only names no indicator holds leaves out every one holding some.
        """
        query = words(text)
        own_names = names(own or text)
        for name in names(text) if own and own_names else []:  # a list of names: the others are not its own
            query -= name.difference(*own_names)
        named = {key for keys in self.names.values() for key in keys if any(key <= name for name in own_names)}
        heavier = words(own).difference(*named) if own else set()  # "exports" of "exports and imports"
        weights = {w: self.idf.get(w, 0.0) * (_OWN_WEIGHT if w in heavier else 1.0) for w in query}
        ranked = []
        for indicator, documents in self.documents.items():
            if unit is None or self.units[indicator] == unit:
                scores = [self._cosine(weights, d) for d in documents]
                score, held = max(scores, default=0.0), self.names.get(indicator, set())
                if score < (0.0 if named and held & named else _MIN_SCORE) or not score:
                    continue
                if named and held & named:
                    score = (score + 1) / 2
                elif (named or own and own_names) and held:
                    continue  # about another partner, region... (an item of a list naming one no indicator holds)
                elif named:
                    score /= 2
                ranked.append((round(score, 9), sum(scores), indicator))  # ties go to the indicator more figures fit
        return [(indicator, score) for score, _, indicator in sorted(ranked, reverse=True)[:limit]]

    def telling_name_in(self, text: str) -> bool:
        """Whether ``text`` names a name that tells indicators apart (a partner, a region...)."""
        return any(key <= name for name in names(text) for keys in self.names.values() for key in keys)

    def _cosine(self, query: dict[str, float], document: set[str]) -> float:
        shared = sum(weight * self.idf.get(w, 0.0) for w, weight in query.items() if w in document)
        if not shared:
            return 0.0
        norm = math.sqrt(sum(weight**2 for weight in query.values()) * sum(self.idf[w] ** 2 for w in document))
        return shared / norm


def _distinguishing_names(indicators: pd.DataFrame) -> dict[str, set[frozenset[str]]]:
    """For each indicator, the names in its name that tell it from others of its topic: the proper
    names of a topic whose indicators hold two or more ("goods trade with ASEAN", "with the
    European Union"), not those of a topic with one ("AEO" alone, "in US dollars")."""
    held = {row.indicator_id: {frozenset(name) for name in names(row.name)} for row in indicators.itertuples()}
    by_topic: dict[str, set[frozenset[str]]] = defaultdict(set)
    for row in indicators.itertuples():
        by_topic[row.topic] |= held[row.indicator_id]
    telling = {name for topic_names in by_topic.values() if len(topic_names) > 1 for name in topic_names}
    return {indicator: found & telling for indicator, found in held.items() if found & telling}


def _curated_words(tables: dict[str, pd.DataFrame], data_dir: Path) -> list[tuple[str, str]]:
    """(indicator, words) of curated figures: the source packs' words for each figure, and the
    sentence before each figure curated from a held text."""
    obs = tables["observations"]
    indicator_of = dict(zip(obs["observation_id"], obs["indicator_id"]))
    found = []
    sidecars, _ = read_sidecars(data_dir)
    for sidecar in sidecars.values():
        path = data_dir / RAW / str(sidecar.get("file", ""))
        if sidecar.get("kind") == "source_pack" and path.suffix == ".csv" and path.is_file():
            pack = pd.read_csv(path, dtype=str, keep_default_na=False)
            if {"figure_id", "indicator"} <= set(pack.columns):
                found += [(indicator_of[f], words_) for f, words_ in zip(pack["figure_id"], pack["indicator"])
                          if f in indicator_of]
    held = tables["sources"].dropna(subset=["text_path"]).set_index("source_id")["text_path"]
    for row in obs[obs["source_id"].isin(held.index) & obs["value_as_published"].notna()].itertuples():
        path = data_dir / held[row.source_id]
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        at = text.find(row.value_as_published)
        while at >= 0 and f"paragraph {paragraph_of(text, at)}" != row.locator:
            at = text.find(row.value_as_published, at + 1)
        if at >= 0:  # the words since the number or sentence before it, and the figure as written
            clause = _CLAUSE_START.search(text[text.rfind("\n", 0, at) + 1 : at])
            found.append((row.indicator_id, f"{clause[1]} {row.value_as_published}"))
    return found
