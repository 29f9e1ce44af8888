"""A tiny, valid data package written inline, for tests that break it one way at a time; the
command line run in the test's own process."""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from customs_facilitation.paths import DATA_DIR

TINY = {
    "units.csv": """unit,base_unit,factor,description,pattern_zh
CNY billion,CNY,1000000000,billions of yuan,{}元
CNY trillion,CNY,1000000000000,trillions of yuan,{}元
count,count,1,a number of things,{}
""",
    "sources.csv": """source_id,outlet,title,url,published_date,accessed_date,language,reliability,text_path,note
paper-a,Paper A,First report,https://a.example/1,2025-07-14,,en,official,raw/a.txt,
blog-b,Blog B,Later repost,https://b.example/2,2025-09-01,2025-09-02,en,low,,
""",
    "indicators.csv": """indicator_id,name,unit,topic,definition,name_zh,definition_zh,counted_zh
repair_value,repair trade,CNY,bonded_repair,value of repair trade,保税维修,保税维修进出口值,
trade_total,all trade,CNY,trade_totals,value of all trade,货物贸易,货物贸易进出口值,
cities,pilot cities,count,special_operation,cities in the pilot,试点城市,试点城市数,个
""",
    "observations.csv": """observation_id,indicator_id,period_start,period_end,value,unit,change,change_unit,change_basis,qualifier,source_id,locator,value_as_published,change_as_published,checked,note,note_zh
S01,repair_value,2025-01,2025-06,256.99,CNY billion,7.5,percent,year_on_year,exact,paper-a,paragraph 1,RMB 256.99 billion,7.5%,text_held,,
F01,trade_total,2025-01,2025-06,21.79,CNY trillion,2.9,percent,year_on_year,exact,blog-b,row F01,,,two_reads,,
F02,cities,2022-01,2022-12,10,count,,,,at_least,blog-b,row F02,,,one_read,,
F03,trade_total,2025-04,2025-06,,,4.5,percent,year_on_year,exact,paper-a,paragraph 2,,4.5%,text_held,growth only,仅有增速
""",
    "measures.csv": """measure_id,name,aspect,kind,action,description,related_indicator_id,source_id,locator,name_zh,action_zh
repair_catalogue,repair catalogue,policy_provisions,policy,revised,list of repairable goods,repair_value,paper-a,paragraph 1,维修目录,修订
""",
    "pilot_cities.csv": """operation_year,city_en,city_zh,province_en,status,count_observation_id,source_id,locator,note,province_zh
""",
    "checks.csv": """check_id,kind,inputs,published_id,expected,explanation,explanation_zh
repair_share,share,S01 F01,F01,pass,,
""",
    "claim_exclusions.csv": """source_id,paragraph,text,reason,note
""",
    "targets.csv": """target_id,indicator_id,value,unit,direction,due,due_as_stated,due_as_stated_zh,set_month,baseline_observation_id,source_id,locator,checked,note,note_zh
""",
}
SNAPSHOT = "Repair trade was RMB 256.99 billion, up 7.5%.\nTrade grew 4.5%.\n"


def write_snapshot(folder: Path, text: str) -> None:
    """Write the tiny source text and its sidecar recording its sha256."""
    snapshot = folder / "raw" / "a.txt"
    snapshot.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    snapshot.with_suffix(".json").write_text(json.dumps({"file": "a.txt", "sha256": digest}), encoding="utf-8")


def write_tiny(folder: Path) -> Path:
    """Write the tiny package, with the real datapackage.json, into ``folder``."""
    (folder / "raw").mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "datapackage.json", folder / "datapackage.json")
    for name, text in TINY.items():
        (folder / name).write_text(text, encoding="utf-8")
    write_snapshot(folder, SNAPSHOT)
    return folder


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A valid tiny data folder; tests edit one file to break one rule."""
    return write_tiny(tmp_path / "data")


@pytest.fixture
def cli(capsys):
    """Run ``customs-facilitation ARGS`` in this process (``tests/unit/test_cli.py`` runs the console
    script itself): a CompletedProcess with the exit status and what was printed."""
    from customs_facilitation.cli import main

    def run(*args) -> subprocess.CompletedProcess:
        capsys.readouterr()
        try:
            status = main([str(arg) for arg in args])
        except SystemExit as stop:  # argparse's usage errors
            status = stop.code if isinstance(stop.code, int) else 1
        printed = capsys.readouterr()
        return subprocess.CompletedProcess(args, status, printed.out, printed.err)

    return run
