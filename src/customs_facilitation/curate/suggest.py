"""Suggest the indicator of a drafted figure from the words around it.

Each indicator is known by its name and id, by the words the source packs use for its figures
(their ``indicator`` column) and by the sentences of held texts its figures were curated from.
Chinese words are read through a small glossary of customs terms (出口: exports, 东盟: ASEAN) and
as pairs of characters, so a Chinese sentence finds English names and earlier Chinese sentences
alike. Suggestions are ranked by the cosine of idf-weighted word sets, and only indicators whose
unit is the figure's base unit are suggested.
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
    "拉美": "latin america", "一带一路": "belt road", "跨境电商": "cross-border e-commerce",
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
    "份额": "share", "长三角": "yangtze river delta", "大湾区": "greater bay area", "雄安": "xiongan",
    # English words for the same things
    "foreign trade": "goods trade imports exports", "total trade": "goods trade imports exports",
    "imports and exports": "trade", "import and export": "trade", "firms": "enterprises", "companies": "enterprises",
    "new trio": "new three", "solar": "photovoltaic", "making up": "share", "accounting for": "share",
    "proportion": "share",
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


def words(text: str) -> set[str]:
    """The words a text is matched by: English words (stemmed by a final s; no numbers), glossary
    terms and pairs of Chinese characters.

    Example:
        >>> sorted(words("出口26.99万亿元")), sorted(words("Exports of goods"))
        (['export', '万亿', '亿元', '出口'], ['export', 'good'])
    """
    normalized = normalize(text).lower()
    found = {_stem(w) for w in _WORD.findall(normalized) if w not in _STOPWORDS}
    for term in _GLOSSARY_TERMS.findall(normalized):
        found |= {_stem(w) for w in _GLOSSARY[term].split()}
    for run in _CJK_RUN.findall(normalized):
        found |= {run[i : i + 2] for i in range(len(run) - 1)}
    return found


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class IndicatorIndex:
    """The indicators of a data package, each with the word sets it is known by."""

    def __init__(self, tables: dict[str, pd.DataFrame], data_dir: Path):
        indicators = tables["indicators"]
        self.units = dict(zip(indicators["indicator_id"], indicators["unit"]))
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

    def suggest(self, text: str, unit: str | None, limit: int = 3) -> list[tuple[str, float]]:
        """The indicators that fit ``text`` best, best first, with their score (a cosine, 0 to 1),
        among those of base unit ``unit`` (any if None)."""
        query = words(text)
        ranked = []
        for indicator, documents in self.documents.items():
            if unit is None or self.units[indicator] == unit:
                scores = [self._cosine(query, d) for d in documents]
                if scores and max(scores) >= _MIN_SCORE:  # ties go to the indicator more figures fit
                    ranked.append((round(max(scores), 9), sum(scores), indicator))
        return [(indicator, score) for score, _, indicator in sorted(ranked, reverse=True)[:limit]]

    def _cosine(self, query: set[str], document: set[str]) -> float:
        shared = sum(self.idf.get(w, 0.0) ** 2 for w in query & document)
        if not shared:
            return 0.0
        norm = math.sqrt(sum(self.idf.get(w, 0.0) ** 2 for w in query) * sum(self.idf[w] ** 2 for w in document))
        return shared / norm


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
