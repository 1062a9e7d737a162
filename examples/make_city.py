"""Generate the bundled example city, 青岚市 (Qinglan, a fictional prefecture-level city).

The city follows the seed reform plan: 47 departments with approval or fee powers (seed
五), 34 of them stationed in the hall, vertical departments included (seed 二); a hall
(行政服务中心) with sub-centers, connected to the provincial and municipal halls (三(一));
a public catalogue of a few hundred items in two versions (三(二)); approval offices with
their 三进入 dates (三(七)), authorization letters (六.2), dedicated approval seals (三(六)),
fee schedules (统一收费), the seed's reform plan with its acceptance checks (五), and a few
thousand cases (办件) from 2024-01-01 to 2026-10-31. Every name is invented; statute
titles are real, article numbers plausible.

How it is built:

- ``CityStream(seed, applications)`` builds the reference data once from the tables
  below with ``random.Random(seed)``; its ``cases()`` generator then yields the cases
  one at a time, in submission order, drawing from the same stream. Arrival days are
  the quantiles of a fixed seasonal weight (fewer cases around the Spring Festival,
  online ones only on rest days); every later date is placed with ``shenpi.timing``
  clocks on the official working-day calendar, so a case labelled late is late and
  every other case is on time.
- ``build_city(seed, applications)`` returns the whole :class:`~shenpi.Jurisdiction`;
  ``write_city`` streams the cases to disk with :mod:`shenpi.io` and never holds them
  all (memory stays flat at a million cases, bar the violation labels).

A share of the cases (each kind a few percent) breaks one rule of the seed or the law,
and ``violations.json`` says which: decisions outside the hall (``outside_hall``), by a
section (``section_decides``, 前店后厂), with no acceptance (``without_acceptance``,
体外循环); fees collected by the department (``fee_outside_hall``); decisions late
against the promise or the law; late or second extensions; suspensions with no reason;
supplement notices after 5 working days; decisions under an expired letter or with an
abolished seal, or with no letter at all; cases for items in no catalogue version. The
13 departments outside the hall decide every case at their own premises, and three of
them have no letter: their cases carry those labels too. ``violations.json`` also lists
the reference data's own faults (offices partly entered, sections still approving, old
seals never abolished, promises beyond the law, fees with no legal basis ...).

Conventions of the data (what a rule should read):

- A case is judged against the version of its item in the catalogue in effect on its
  submission day. A parallel case (并联审批) lists its joint item first, then the
  co-departments' own items it bundles; its decision clock is the joint item's (行政许可法
  art. 42 ¶2), and each co-department's opinion (``OpinionGiven``) comes within the
  promised limit of its own item.
- Official acts fall on working days; only online submissions arrive on rest days.
- Every event is on or before 2026-12-31 and every decision clock of an accepted case is
  due by then, so the official calendar answers every question about the city.
- Items with a ``seal_exception`` are decided with the statutory seal the law names
  (kind ``OTHER_APPROVAL``, active); all others with the dedicated approval seal.

Run it::

    python examples/make_city.py                       # default city, to a temporary dir
    python examples/make_city.py --out DIR             # DIR/reference.json, applications.jsonl
    python examples/make_city.py --applications 1000000 --gzip --out DIR
    python examples/make_city.py --bundle              # refresh examples/city, src/shenpi/data/city

Without ``--out`` or ``--bundle`` nothing outside a temporary directory is written; the
run reports whether the result equals the bundled copy byte for byte.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import datetime as dt
import decimal
import filecmp
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from stdnum.cn import ric, uscc

from shenpi import io
from shenpi.applications import (
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    IdentifierKind,
    NotAccepted,
    OpinionGiven,
    Outcome,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import CalendarDataMissing, WorkCalendar
from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.fees import (
    AmountRule,
    CollectionPoint,
    FeeSchedule,
    FeeStandard,
    Payment,
    RuleKind,
    Tier,
)
from shenpi.items import (
    Catalogue,
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
    ItemKind,
    LegalBasis,
    LegalLevel,
    Material,
    Publication,
)
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import (
    ApprovalOffice,
    Department,
    Hall,
    Official,
    Role,
    Section,
    SectionFunction,
    ServiceSite,
    SiteKind,
    Window,
)
from shenpi.reform import SEED_PLAN, AcceptanceCheck, AcceptancePoint
from shenpi.seals import Seal, SealKind
from shenpi.timeline import ClockStep, Fault, Timeline, lawful_clock
from shenpi.timing import Clock, EventKind, Suspension, TimeLimit, TimeUnit

__all__ = [
    "CASE_VIOLATIONS",
    "DEFAULT_APPLICATIONS",
    "DEFAULT_SEED",
    "REFERENCE_VIOLATIONS",
    "CityStream",
    "build_city",
    "build_reference",
    "bundle",
    "main",
    "write_city",
]

DEFAULT_SEED = 2008
"""The seed of the bundled city (the year of the reform plan)."""
DEFAULT_APPLICATIONS = 3000
"""The number of cases in the bundled city."""

CITY = "青岚市"
FIRST_DAY = dt.date(2024, 1, 1)
"""The first submission day."""
LAST_SUBMISSION = dt.date(2026, 10, 31)
"""The last submission day."""
END = dt.date(2026, 12, 31)
"""No event after this day: the last day of the official calendar's data."""
V1_DAY = dt.date(2024, 1, 1)
V2_DAY = dt.date(2025, 7, 1)
SPRING_FESTIVALS = (dt.date(2024, 2, 10), dt.date(2025, 1, 29), dt.date(2026, 2, 17))
"""正月初一 of the years covered: arrivals thin out around them."""

BUNDLE_DIRS = ("examples/city", "src/shenpi/data/city")
"""Where ``--bundle`` writes, relative to the repository root."""
PACKAGE_GZIP = True
"""The package copy stores its cases gzip-compressed (``applications.jsonl.gz``)."""

CASE_VIOLATIONS: dict[str, str] = {
    "outside_hall": "decided at a site outside the hall (大厅之外无审批, seed 二)",
    "section_decides": "decided by a section, not the approval office (前店后厂, seed 三(七))",
    "without_acceptance": "decided with no acceptance recorded (体外循环, seed 三(七))",
    "fee_outside_hall": "fee collected by the department itself (大厅之外无收费, seed 二)",
    "late_promise": "decided after the promised due day, within the law (兑现承诺时限)",
    "late_law": "decided after the statutory due day (行政许可法 art. 42)",
    "late_extension": "extended after the statutory due day (行政许可法 art. 42)",
    "second_extension": "extended a second time (行政许可法 art. 42)",
    "unfounded_suspension": "clock suspended with no reason (行政许可法 art. 45)",
    "late_supplement": "supplement notice after 5 working days (行政许可法 art. 32 (4))",
    "expired_letter": "decided under a letter not in force that day (seed 六.2)",
    "decision_without_letter": "decided with no authorization letter (seed 六.2)",
    "abolished_seal": "sealed with a seal abolished by then (seed 三(六))",
    "not_in_catalogue": "a case for an item in no catalogue version (seed 三(二))",
}
"""The case violations ``violations.json`` lists, each with what it means here."""

REFERENCE_VIOLATIONS: dict[str, str] = {
    "department_not_stationed": "department whose office has not entered the hall (seed 五)",
    "office_partly_entered": "office whose institution, staff or items have not all entered",
    "department_without_letter": "department with no authorization letter (seed 六.2)",
    "director_not_civil_servant": "office director who is not a civil servant (seed 六.3)",
    "section_still_approving": "section still listed with the approval function (seed 三(四))",
    "old_seal_active": "pre-reform approval seal never abolished (seed 三(六))",
    "promised_exceeds_statutory": "item promising more time than the law allows",
    "fee_without_legal_basis": "fee standard or fee item resting on no law or regulation "
    "(行政许可法 art. 58)",
    "acceptance_failed": "department that failed a point of the acceptance check (seed 五.5)",
    "complaint_late": "complaint handled later than 5 working days after receipt, or never "
    "(a common local limit)",
}
"""The reference-data violations ``violations.json`` lists, by subject id."""


# ============================================================== the tables
# Legal levels, by short code.
LAW = LegalLevel.LAW
AR = LegalLevel.ADMINISTRATIVE_REGULATION
SCD = LegalLevel.STATE_COUNCIL_DECISION
LR = LegalLevel.LOCAL_REGULATION
DR = LegalLevel.DEPARTMENT_RULE
LGR = LegalLevel.LOCAL_RULE
ND = LegalLevel.NORMATIVE_DOCUMENT

Basis = tuple[LegalLevel, str, str]
GUOWUYUAN_412 = "国务院对确需保留的行政审批项目设定行政许可的决定"

NEW4 = (("新办", "base"), ("变更", "half"), ("延续", "base"), ("注销", "quick"))
SET3 = (("设立", "base"), ("变更", "half"), ("注销", "quick"))
NEW3 = (("新办", "base"), ("变更", "half"), ("注销", "quick"))
VARIANT_WEIGHT = {"base": 1.0, "half": 0.45, "quick": 0.25}


@dataclasses.dataclass(frozen=True)
class ItemSpec:
    """One row of an item table (expanded into one item per variant)."""

    name: str
    kind: ItemKind
    bases: tuple[Basis, ...]
    statutory: str = "w20"
    promised: str = "w10"
    variants: tuple[tuple[str, str], ...] = ()
    who: str = "org"
    online: bool = False
    inspect: bool = False
    pause: Suspension | None = None
    fee: str | None = None
    seal: str = ""
    weight: float = 1.0
    materials: tuple[str, ...] = ()
    site: str | None = None


def _spec(kind: ItemKind) -> Any:
    def make(name: str, *bases: Basis, **options: Any) -> ItemSpec:
        return ItemSpec(name, kind, tuple(bases), **options)

    return make


lic = _spec(ItemKind.LICENSING)
non = _spec(ItemKind.NON_LICENSING)
fee = _spec(ItemKind.FEE)
ann = _spec(ItemKind.ANNUAL_INSPECTION)
conf = _spec(ItemKind.CONFIRMATION)
pub = _spec(ItemKind.PUBLIC_SERVICE)
oth = _spec(ItemKind.OTHER_POWER)


@dataclasses.dataclass(frozen=True)
class DeptSpec:
    """One department: name, standing, windows, supervision sections and items."""

    key: str
    name: str
    items: tuple[ItemSpec, ...]
    vertical: bool = False
    stationed: bool = True
    windows: tuple[tuple[str, int], ...] = (("main", 1),)
    sections: tuple[str, ...] = ()
    trades: tuple[str, ...] = ("商贸", "科技", "实业")


def dept(key: str, name: str, *items: ItemSpec, **options: Any) -> DeptSpec:
    """A department row."""
    return DeptSpec(key, name, tuple(items), **options)


E = Suspension
DEPARTMENTS: tuple[DeptSpec, ...] = (
    dept(
        "fgw",
        "发展和改革委员会",
        lic("企业投资项目核准", (AR, "企业投资项目核准和备案管理条例", "第六条"), promised="w12"),
        non("政府投资项目建议书审批", (AR, "政府投资条例", "第九条"), promised="w15", who="gov"),
        non("政府投资项目可行性研究报告审批", (AR, "政府投资条例", "第十一条"), who="gov"),
        lic("固定资产投资项目节能审查", (LAW, "节约能源法", "第十五条"), pause=E.EXPERT_REVIEW),
        non("招标方案核准", (AR, "招标投标法实施条例", "第七条"), promised="w5"),
        oth(
            "企业投资项目备案",
            (AR, "企业投资项目核准和备案管理条例", "第十三条"),
            promised="h1",
            online=True,
            weight=1.5,
        ),
        sections=("投资科", "价格监督科"),
        trades=("实业", "能源", "投资"),
    ),
    dept(
        "gxj",
        "工业和信息化局",
        lic("电力设施保护区内施工作业许可", (AR, "电力设施保护条例", "第十七条")),
        oth(
            "工业企业技术改造投资项目备案",
            (LGR, "省企业技术改造投资项目备案管理办法", "第八条"),
            promised="h1",
            online=True,
        ),
        non(
            "中小企业发展专项资金项目审核",
            (ND, "市中小企业发展专项资金管理办法", "第十条"),
            promised="w15",
        ),
        sections=("产业发展科", "运行监测科"),
        trades=("机械制造", "电子科技", "新材料"),
    ),
    dept(
        "jyj",
        "教育局",
        lic(
            "民办学校筹设审批", (LAW, "民办教育促进法", "第十三条"), statutory="n30", promised="n20"
        ),
        lic(
            "民办学校办学许可",
            (LAW, "民办教育促进法", "第十二条"),
            statutory="n90",
            promised="n60",
            variants=NEW3,
            inspect=True,
        ),
        lic(
            "教师资格认定",
            (LAW, "教师法", "第十三条"),
            (AR, "教师资格条例", "第十八条"),
            statutory="n30",
            promised="n20",
            who="person",
            online=True,
            weight=2.0,
        ),
        lic("校车使用许可", (AR, "校车安全管理条例", "第十四条")),
        non(
            "适龄儿童少年延缓入学审批", (LAW, "义务教育法", "第十一条"), promised="w3", who="person"
        ),
        ann("民办学校年度检查", (AR, "民办教育促进法实施条例", "第四十九条"), promised="w15"),
        sections=("基础教育科", "职业与成人教育科", "督导室"),
        trades=("教育咨询", "培训学校"),
    ),
    dept(
        "kjj",
        "科学技术局",
        lic(
            "外国人来华工作许可", (LAW, "出境入境管理法", "第四十一条"), variants=NEW4, online=True
        ),
        conf(
            "技术合同认定登记",
            (DR, "技术合同认定登记管理办法", "第六条"),
            statutory="n30",
            promised="n10",
            online=True,
        ),
        non("高新技术企业认定初审", (DR, "高新技术企业认定管理办法", "第十条"), promised="w15"),
        sections=("高新技术科", "成果转化科"),
        trades=("科技", "软件", "生物技术"),
    ),
    dept(
        "mzj",
        "民政局",
        lic(
            "社会团体登记",
            (AR, "社会团体登记管理条例", "第九条"),
            statutory="n60",
            promised="n30",
            variants=SET3,
            who="social",
        ),
        lic(
            "民办非企业单位登记",
            (AR, "民办非企业单位登记管理暂行条例", "第五条"),
            statutory="n60",
            promised="n30",
            variants=SET3,
            who="social",
        ),
        ann(
            "社会团体年度检查",
            (AR, "社会团体登记管理条例", "第二十八条"),
            promised="w15",
            who="social",
        ),
        ann(
            "民办非企业单位年度检查",
            (AR, "民办非企业单位登记管理暂行条例", "第二十三条"),
            promised="w15",
            who="social",
        ),
        lic("殡葬设施建设审批", (AR, "殡葬管理条例", "第八条"), promised="w15"),
        conf("婚姻登记", (AR, "婚姻登记条例", "第七条"), promised="h1", who="person"),
        non("地名命名、更名审批", (AR, "地名管理条例", "第十条"), promised="w15", who="gov"),
        lic(
            "慈善组织公开募捐资格",
            (LAW, "慈善法", "第二十二条"),
            statutory="n20",
            promised="n15",
            who="social",
        ),
        pub(
            "最低生活保障审核确认",
            (AR, "社会救助暂行办法", "第十一条"),
            promised="w15",
            who="person",
        ),
        oth("养老机构备案", (LAW, "老年人权益保障法", "第四十三条"), promised="h1", online=True),
        sections=("社会组织管理科", "社会救助科", "养老服务科"),
        trades=("养老服务", "社会工作"),
    ),
    dept(
        "sfj",
        "司法局",
        lic(
            "基层法律服务工作者执业核准",
            (DR, "基层法律服务工作者管理办法", "第十五条"),
            promised="w15",
            who="person",
        ),
        non("律师执业许可初审", (LAW, "律师法", "第六条"), promised="w15", who="person"),
        pub(
            "法律援助申请审查",
            (LAW, "法律援助法", "第四十三条"),
            statutory="n7",
            promised="n3",
            who="person",
        ),
        non("公证员执业审核", (LAW, "公证法", "第二十一条"), promised="w15", who="person"),
        non("司法鉴定机构登记初审", (DR, "司法鉴定机构登记管理办法", "第十九条"), promised="w15"),
        sections=("律师工作科", "公共法律服务科"),
        trades=("法律咨询", "司法鉴定"),
    ),
    dept(
        "czj",
        "财政局",
        lic(
            "代理记账资格",
            (LAW, "会计法", "第三十六条"),
            (DR, "代理记账管理办法", "第七条"),
            statutory="n10",
            promised="n7",
            variants=NEW3,
            online=True,
        ),
        non("政府采购方式变更审批", (LAW, "政府采购法", "第二十七条"), promised="w5", who="gov"),
        non("国有资产处置审批", (ND, "行政事业单位国有资产管理办法", "第三十二条"), who="gov"),
        sections=("预算科", "政府采购监督管理科", "会计科"),
        trades=("财务咨询", "会计服务"),
    ),
    dept(
        "rsj",
        "人力资源和社会保障局",
        lic("劳务派遣经营许可", (LAW, "劳动合同法", "第五十七条"), variants=NEW4),
        lic("人力资源服务许可", (AR, "人力资源市场暂行条例", "第十八条"), variants=NEW3),
        lic("企业实行不定时工作制和综合计算工时工作制审批", (LAW, "劳动法", "第三十九条")),
        lic(
            "民办职业培训学校设立",
            (LAW, "民办教育促进法", "第十二条"),
            statutory="n90",
            promised="n60",
        ),
        conf(
            "工伤认定",
            (AR, "工伤保险条例", "第十七条"),
            statutory="n60",
            promised="n45",
            who="person",
            weight=1.5,
            pause=E.APPRAISAL,
        ),
        conf(
            "劳动能力鉴定",
            (AR, "工伤保险条例", "第二十五条"),
            statutory="n60",
            promised="n45",
            who="person",
            pause=E.APPRAISAL,
        ),
        pub(
            "社会保障卡申领",
            (LAW, "社会保险法", "第五十八条"),
            promised="w5",
            who="person",
            online=True,
            weight=2.0,
        ),
        sections=("就业促进科", "劳动关系科", "工伤保险科"),
        trades=("人力资源", "劳务派遣", "职业培训"),
    ),
    dept(
        "zrzyj",
        "自然资源局",
        lic("建设项目用地预审与选址意见书", (LAW, "城乡规划法", "第三十六条"), online=True),
        lic("建设用地规划许可证核发", (LAW, "城乡规划法", "第三十八条"), pause=E.HEARING),
        lic("建设工程规划许可证核发", (LAW, "城乡规划法", "第四十条"), pause=E.HEARING, weight=2.0),
        lic("乡村建设规划许可证核发", (LAW, "城乡规划法", "第四十一条"), who="both"),
        lic("临时建设工程规划许可", (LAW, "城乡规划法", "第四十四条")),
        lic("建设工程规划条件核实", (LAW, "城乡规划法", "第四十五条"), inspect=True),
        lic(
            "采矿许可（砂石土类）",
            (LAW, "矿产资源法", "第三条"),
            (AR, "矿产资源开采登记管理办法", "第六条"),
            statutory="n40",
            promised="n30",
            variants=(("新立", "base"), ("变更", "half"), ("延续", "base"), ("注销", "quick")),
            pause=E.AUCTION,
        ),
        lic("国有建设用地使用权划拨批准", (LAW, "土地管理法", "第五十四条"), promised="w15"),
        lic("临时用地审批", (LAW, "土地管理法", "第五十七条")),
        non(
            "农用地转用审批（初审）", (LAW, "土地管理法", "第四十四条"), promised="w15", fee="gdkkf"
        ),
        non("土地复垦方案审查", (AR, "土地复垦条例", "第十二条"), promised="w15", fee="tdfkf"),
        conf(
            "不动产首次登记",
            (AR, "不动产登记暂行条例", "第二十条"),
            statutory="w30",
            promised="w10",
            who="both",
            site="bdc",
            fee="bdcdj",
            seal="不动产登记暂行条例实施细则 第二十条：证书加盖不动产登记机构登记专用章",
            weight=2.0,
        ),
        conf(
            "不动产转移登记",
            (AR, "不动产登记暂行条例", "第二十条"),
            statutory="w30",
            promised="w5",
            who="both",
            site="bdc",
            fee="bdcdj",
            online=True,
            seal="不动产登记暂行条例实施细则 第二十条：证书加盖不动产登记机构登记专用章",
            weight=8.0,
        ),
        conf(
            "不动产变更登记",
            (AR, "不动产登记暂行条例", "第二十条"),
            statutory="w30",
            promised="w3",
            who="both",
            site="bdc",
            fee="bdcdj",
            seal="不动产登记暂行条例实施细则 第二十条：证书加盖不动产登记机构登记专用章",
            weight=2.0,
        ),
        conf(
            "不动产抵押权登记",
            (AR, "不动产登记暂行条例", "第二十条"),
            statutory="w30",
            promised="w3",
            who="both",
            site="bdc",
            fee="bdcdj",
            online=True,
            seal="不动产登记暂行条例实施细则 第二十条：证书加盖不动产登记机构登记专用章",
            weight=6.0,
        ),
        conf(
            "不动产注销登记",
            (AR, "不动产登记暂行条例", "第二十条"),
            statutory="w30",
            promised="w1",
            who="both",
            site="bdc",
            online=True,
            weight=3.0,
        ),
        pub(
            "不动产登记资料查询",
            (DR, "不动产登记资料查询暂行办法", "第十二条"),
            promised="h1",
            who="person",
            site="bdc",
            online=True,
            weight=2.0,
        ),
        fee(
            "不动产登记费",
            (LAW, "民法典", "第二百二十三条"),
            (ND, "国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知", ""),
            promised="w1",
            site="bdc",
            fee="bdcdj",
            weight=0.3,
        ),
        fee("土地复垦费", (AR, "土地复垦条例", "第十八条"), promised="w5", fee="tdfkf", weight=0.2),
        fee("耕地开垦费", (LAW, "土地管理法", "第三十条"), promised="w5", fee="gdkkf", weight=0.2),
        windows=(("main", 2), ("bdc", 6)),
        sections=("国土空间规划科", "耕地保护科", "矿产资源管理科"),
        trades=("置业", "房地产开发", "砂石"),
    ),
    dept(
        "sthjj",
        "生态环境局",
        lic(
            "建设项目环境影响报告书审批",
            (LAW, "环境影响评价法", "第二十二条"),
            statutory="n60",
            promised="n30",
            pause=E.EXPERT_REVIEW,
        ),
        lic(
            "建设项目环境影响报告表审批",
            (LAW, "环境影响评价法", "第二十二条"),
            statutory="n30",
            promised="n15",
            pause=E.EXPERT_REVIEW,
            weight=2.0,
        ),
        lic(
            "排污许可证核发",
            (AR, "排污许可管理条例", "第十三条"),
            statutory="n20",
            promised="n15",
            variants=NEW4,
            online=True,
            weight=1.5,
        ),
        lic(
            "危险废物经营许可",
            (LAW, "固体废物污染环境防治法", "第八十条"),
            promised="w15",
            pause=E.EXPERT_REVIEW,
            inspect=True,
        ),
        lic(
            "辐射安全许可（使用Ⅳ、Ⅴ类放射源）",
            (LAW, "放射性污染防治法", "第二十八条"),
            promised="w15",
            variants=NEW3,
        ),
        sections=("环境影响评价科", "大气环境科", "水生态环境科"),
        trades=("环保科技", "化工", "建材"),
    ),
    dept(
        "zjj",
        "住房和城乡建设局",
        lic(
            "建筑工程施工许可证核发",
            (LAW, "建筑法", "第七条"),
            statutory="n7",
            promised="n5",
            online=True,
            weight=2.5,
            fee="stsc",
        ),
        lic(
            "商品房预售许可",
            (LAW, "城市房地产管理法", "第四十五条"),
            (DR, "城市商品房预售管理办法", "第七条"),
            statutory="n10",
            promised="n7",
        ),
        lic(
            "建筑业企业资质（施工总承包三级）",
            (LAW, "建筑法", "第十三条"),
            promised="w15",
            variants=NEW4,
        ),
        lic(
            "房地产开发企业资质（二级及以下）",
            (AR, "城市房地产开发经营管理条例", "第九条"),
            variants=NEW4,
        ),
        lic(
            "燃气经营许可",
            (AR, "城镇燃气管理条例", "第十五条"),
            promised="w15",
            variants=NEW4,
            inspect=True,
        ),
        lic(
            "建设工程消防设计审查",
            (LAW, "消防法", "第十一条"),
            statutory="w15",
            pause=E.EXPERT_REVIEW,
            weight=1.5,
        ),
        lic("建设工程消防验收", (LAW, "消防法", "第十三条"), statutory="w15", inspect=True),
        lic("城市建筑垃圾处置核准", (SCD, GUOWUYUAN_412, "第一百零一项"), promised="w5"),
        oth(
            "房屋建筑和市政基础设施工程竣工验收备案",
            (AR, "建设工程质量管理条例", "第四十九条"),
            statutory="n15",
            promised="n5",
        ),
        fee(
            "施工图审查服务费",
            (ND, "市物价局关于施工图审查收费标准的通知", "第二条"),
            promised="w3",
            fee="stsc",
            weight=0.3,
        ),
        windows=(("main", 3),),
        sections=("建筑市场监管科", "房地产市场监管科", "城建科"),
        trades=("建筑工程", "房地产开发", "建设"),
    ),
    dept(
        "jtj",
        "交通运输局",
        lic("道路旅客运输经营许可", (AR, "道路运输条例", "第十条"), promised="w15", variants=NEW4),
        lic(
            "道路货物运输经营许可",
            (AR, "道路运输条例", "第二十四条"),
            variants=NEW4,
            online=True,
            weight=2.0,
        ),
        lic("道路运输从业人员从业资格", (AR, "道路运输条例", "第九条"), who="person"),
        lic("出租汽车经营许可", (SCD, GUOWUYUAN_412, "第一百一十二项"), promised="w15"),
        lic(
            "网络预约出租汽车运输证",
            (DR, "网络预约出租汽车经营服务管理暂行办法", "第十二条"),
            promised="w5",
            who="person",
            online=True,
            weight=1.5,
        ),
        lic(
            "超限运输车辆行驶公路许可",
            (LAW, "公路法", "第五十条"),
            statutory="w5",
            promised="w2",
            online=True,
        ),
        lic("占用、挖掘公路或使公路改线审批", (LAW, "公路法", "第四十四条")),
        lic("公路建筑控制区内埋设管线审批", (LAW, "公路法", "第四十五条")),
        ann(
            "营运车辆年度审验",
            (DR, "道路运输车辆技术管理规定", "第二十七条"),
            promised="w1",
            weight=2.0,
        ),
        oth("机动车维修经营备案", (AR, "道路运输条例", "第四十条"), promised="h1", online=True),
        windows=(("main", 2),),
        sections=("运输管理科", "公路管理科", "安全监督科"),
        trades=("运输", "物流", "客运"),
    ),
    dept(
        "slj",
        "水利局",
        lic(
            "取水许可",
            (LAW, "水法", "第四十八条"),
            (AR, "取水许可和水资源费征收管理条例", "第十九条"),
            statutory="w45",
            promised="w20",
            variants=(("新办", "base"), ("变更", "half"), ("延续", "base")),
            pause=E.EXPERT_REVIEW,
        ),
        lic(
            "生产建设项目水土保持方案审批",
            (LAW, "水土保持法", "第二十五条"),
            pause=E.EXPERT_REVIEW,
            fee="stbc",
        ),
        lic(
            "河道管理范围内建设项目工程建设方案审批",
            (AR, "河道管理条例", "第十一条"),
            promised="w15",
        ),
        lic("河道采砂许可", (AR, "河道管理条例", "第二十五条"), pause=E.AUCTION),
        lic("洪水影响评价类审批", (LAW, "防洪法", "第三十三条"), promised="w15"),
        non(
            "水利基本建设项目初步设计审批",
            (ND, "水利基本建设投资计划管理暂行办法", "第十二条"),
            promised="w15",
            who="gov",
        ),
        fee(
            "水土保持补偿费",
            (LAW, "水土保持法", "第三十二条"),
            (AR, "水土保持补偿费征收使用管理办法", "第十一条"),
            promised="w3",
            fee="stbc",
            weight=0.3,
        ),
        sections=("水资源管理科", "河湖管理科", "水土保持科"),
        trades=("水利工程", "砂石", "农业开发"),
    ),
    dept(
        "nyj",
        "农业农村局",
        lic("农药经营许可", (AR, "农药管理条例", "第二十四条"), variants=NEW4),
        lic(
            "兽药经营许可",
            (AR, "兽药管理条例", "第二十二条"),
            statutory="w30",
            promised="w15",
            variants=NEW3,
        ),
        lic("农作物种子生产经营许可", (LAW, "种子法", "第三十一条"), promised="w15", variants=NEW3),
        lic(
            "动物防疫条件合格证核发",
            (LAW, "动物防疫法", "第二十五条"),
            inspect=True,
            pause=E.QUARANTINE,
        ),
        lic("动物诊疗许可", (LAW, "动物防疫法", "第六十一条"), promised="w15", variants=NEW3),
        lic("生鲜乳收购站许可", (AR, "乳品质量安全监督管理条例", "第二十条"), promised="w15"),
        lic("渔业捕捞许可", (LAW, "渔业法", "第二十三条"), who="person"),
        lic("水产苗种生产许可", (LAW, "渔业法", "第十六条")),
        lic(
            "农村村民宅基地审批",
            (LAW, "土地管理法", "第六十二条"),
            promised="w15",
            who="person",
            weight=1.5,
        ),
        lic(
            "拖拉机和联合收割机登记",
            (AR, "农业机械安全监督管理条例", "第二十一条"),
            statutory="w2",
            promised="w1",
            who="person",
        ),
        ann(
            "拖拉机和联合收割机年度检验",
            (AR, "农业机械安全监督管理条例", "第二十二条"),
            promised="w1",
            who="person",
        ),
        sections=("种植业管理科", "畜牧兽医科", "农田建设管理科"),
        trades=("农资", "兽药", "种业", "养殖"),
    ),
    dept(
        "swj",
        "商务局",
        lic("成品油零售经营资格审批", (DR, "成品油市场管理办法", "第七条"), promised="w15"),
        lic(
            "对外劳务合作经营资格",
            (AR, "对外劳务合作管理条例", "第七条"),
            statutory="n20",
            promised="n15",
        ),
        oth(
            "单用途商业预付卡备案",
            (DR, "单用途商业预付卡管理办法（试行）", "第七条"),
            promised="h1",
            online=True,
        ),
        oth("二手车交易市场经营者备案", (DR, "二手车流通管理办法", "第十二条"), promised="h1"),
        non(
            "报废机动车回收拆解企业资质认定（初审）",
            (AR, "报废机动车回收管理办法", "第七条"),
            promised="w15",
        ),
        sections=("市场运行科", "对外贸易科"),
        trades=("商贸", "石油", "汽车销售"),
    ),
    dept(
        "wlj",
        "文化广电和旅游局",
        lic(
            "娱乐场所经营许可",
            (AR, "娱乐场所管理条例", "第九条"),
            statutory="n20",
            promised="n15",
            variants=NEW4,
        ),
        lic(
            "互联网上网服务营业场所经营许可",
            (AR, "互联网上网服务营业场所管理条例", "第十一条"),
            statutory="n20",
            promised="n15",
            variants=NEW4,
        ),
        lic(
            "营业性演出审批",
            (AR, "营业性演出管理条例", "第十三条"),
            statutory="n3",
            promised="n2",
            online=True,
            weight=1.5,
        ),
        lic(
            "旅行社设立许可",
            (LAW, "旅游法", "第二十八条"),
            (AR, "旅行社条例", "第六条"),
            variants=NEW3,
        ),
        lic(
            "文物保护单位建设控制地带内建设工程设计方案审批",
            (LAW, "文物保护法", "第十八条"),
            promised="w15",
            pause=E.EXPERT_REVIEW,
        ),
        lic(
            "卫星电视广播地面接收设施安装许可",
            (AR, "卫星电视广播地面接收设施管理规定", "第七条"),
            promised="w15",
        ),
        oth("艺术品经营单位备案", (DR, "艺术品经营管理办法", "第五条"), promised="h1"),
        windows=(("main", 2),),
        sections=("文化市场管理科", "文物保护科", "旅游发展科"),
        trades=("文化娱乐", "旅行社", "网络科技", "文化传媒"),
    ),
    dept(
        "wjw",
        "卫生健康委员会",
        lic(
            "医疗机构设置审批", (AR, "医疗机构管理条例", "第十条"), statutory="n30", promised="n20"
        ),
        lic(
            "医疗机构执业登记",
            (AR, "医疗机构管理条例", "第十六条"),
            statutory="n45",
            promised="n30",
            variants=NEW3,
            inspect=True,
        ),
        lic(
            "医师执业注册",
            (LAW, "医师法", "第十四条"),
            variants=(("首次注册", "base"), ("变更注册", "half"), ("注销注册", "quick")),
            who="person",
            online=True,
            weight=2.0,
        ),
        lic(
            "护士执业注册",
            (AR, "护士条例", "第八条"),
            variants=(("首次注册", "base"), ("变更注册", "half"), ("延续注册", "base")),
            who="person",
            online=True,
            weight=2.0,
        ),
        lic(
            "公共场所卫生许可",
            (AR, "公共场所卫生管理条例", "第八条"),
            variants=NEW4,
            weight=3.0,
            inspect=True,
        ),
        lic(
            "放射诊疗许可",
            (DR, "放射诊疗管理规定", "第十一条"),
            promised="w15",
            inspect=True,
            pause=E.TESTING,
        ),
        lic("母婴保健技术服务执业许可", (LAW, "母婴保健法", "第三十二条"), promised="w15"),
        lic(
            "饮用水供水单位卫生许可",
            (LAW, "传染病防治法", "第二十九条"),
            promised="w15",
            pause=E.TESTING,
        ),
        ann("医疗机构校验", (AR, "医疗机构管理条例", "第二十二条"), promised="w15"),
        pub(
            "出生医学证明签发",
            (LAW, "母婴保健法", "第二十三条"),
            promised="h1",
            who="person",
            weight=1.5,
        ),
        fee(
            "医疗事故技术鉴定费",
            (AR, "医疗事故处理条例", "第三十四条"),
            promised="w3",
            fee="ylsgjd",
            weight=0.2,
        ),
        windows=(("main", 2),),
        sections=("医政医管科", "疾病预防控制科", "妇幼健康科"),
        trades=("医疗", "口腔诊所", "美容美发", "宾馆"),
    ),
    dept(
        "yjj",
        "应急管理局",
        lic(
            "危险化学品经营许可（不带储存设施）",
            (AR, "危险化学品安全管理条例", "第三十三条"),
            statutory="n30",
            promised="n20",
            variants=NEW4,
            inspect=True,
        ),
        lic(
            "烟花爆竹经营（零售）许可",
            (AR, "烟花爆竹安全管理条例", "第十九条"),
            statutory="n20",
            promised="n10",
            variants=NEW3,
            weight=1.5,
        ),
        lic(
            "危险化学品建设项目安全条件审查",
            (AR, "危险化学品安全管理条例", "第十二条"),
            promised="w15",
            pause=E.EXPERT_REVIEW,
        ),
        lic(
            "金属冶炼建设项目安全设施设计审查",
            (LAW, "安全生产法", "第三十二条"),
            promised="w15",
            pause=E.EXPERT_REVIEW,
        ),
        oth(
            "生产安全事故应急预案备案",
            (DR, "生产安全事故应急预案管理办法", "第二十六条"),
            promised="h1",
            online=True,
        ),
        oth(
            "非药品类易制毒化学品经营备案", (AR, "易制毒化学品管理条例", "第十三条"), promised="h1"
        ),
        sections=("危险化学品安全监督管理科", "安全生产综合协调科"),
        trades=("化工", "烟花爆竹", "冶金"),
    ),
    dept(
        "scj",
        "市场监督管理局",
        lic(
            "市场主体登记（企业）",
            (AR, "市场主体登记管理条例", "第三条"),
            statutory="w3",
            promised="w1",
            variants=SET3,
            online=True,
            weight=10.0,
        ),
        lic(
            "个体工商户登记",
            (AR, "市场主体登记管理条例", "第三条"),
            (AR, "促进个体工商户发展条例", "第八条"),
            statutory="w3",
            promised="w1",
            variants=SET3,
            who="person",
            online=True,
            weight=6.0,
        ),
        lic(
            "农民专业合作社登记",
            (LAW, "农民专业合作社法", "第十六条"),
            statutory="w3",
            promised="w1",
            variants=SET3,
        ),
        lic(
            "食品经营许可",
            (LAW, "食品安全法", "第三十五条"),
            variants=NEW4,
            online=True,
            inspect=True,
            weight=8.0,
        ),
        lic(
            "食品生产许可",
            (LAW, "食品安全法", "第三十五条"),
            promised="w15",
            variants=NEW4,
            inspect=True,
            pause=E.TESTING,
            weight=2.0,
        ),
        lic(
            "食品小作坊登记",
            (LR, "省食品小作坊小餐饮店小食杂店和食品摊贩管理条例", "第十一条"),
            variants=NEW3,
            who="person",
        ),
        lic(
            "药品零售企业许可",
            (LAW, "药品管理法", "第五十二条"),
            promised="w15",
            variants=NEW4,
            inspect=True,
        ),
        lic("第三类医疗器械经营许可", (AR, "医疗器械监督管理条例", "第四十二条"), promised="w15"),
        oth(
            "第二类医疗器械经营备案",
            (AR, "医疗器械监督管理条例", "第四十一条"),
            promised="h1",
            online=True,
        ),
        lic(
            "特种设备使用登记",
            (LAW, "特种设备安全法", "第三十三条"),
            statutory="w15",
            promised="w5",
            online=True,
            weight=2.0,
        ),
        lic(
            "特种设备安全管理和作业人员资格认定",
            (LAW, "特种设备安全法", "第十四条"),
            promised="w15",
            who="person",
        ),
        lic("计量标准器具核准", (LAW, "计量法", "第六条"), promised="w15", pause=E.TESTING),
        lic("广告发布登记", (LAW, "广告法", "第二十九条"), statutory="w5", promised="w3"),
        windows=(("main", 6),),
        sections=("登记注册科", "食品经营安全监督管理科", "特种设备安全监察科", "计量科"),
        trades=("餐饮管理", "食品", "商贸", "超市", "药房"),
    ),
    dept(
        "lyj",
        "林业和草原局",
        lic("林木采伐许可", (LAW, "森林法", "第五十六条"), who="both", inspect=True, weight=1.5),
        non("使用林地审核（初审）", (LAW, "森林法", "第三十七条"), promised="w15", fee="zbhf"),
        lic("临时使用林地审批", (LAW, "森林法", "第三十八条"), promised="w15", fee="zbhf"),
        lic("林草种子生产经营许可", (LAW, "种子法", "第三十一条"), promised="w15", variants=NEW3),
        lic(
            "野生动物人工繁育许可",
            (LAW, "野生动物保护法", "第二十五条"),
            promised="w15",
            pause=E.EXPERT_REVIEW,
        ),
        lic("植物检疫证书核发", (AR, "植物检疫条例", "第七条"), promised="w1", who="both"),
        non("草原征占用审核", (LAW, "草原法", "第三十八条"), promised="w15"),
        fee("森林植被恢复费", (LAW, "森林法", "第三十七条"), promised="w3", fee="zbhf", weight=0.2),
        sections=("资源管理科", "生态保护修复科"),
        trades=("林业", "苗木", "木材加工"),
    ),
    dept(
        "gaj",
        "公安局",
        lic(
            "普通护照签发",
            (LAW, "护照法", "第六条"),
            statutory="n15",
            promised="n7",
            who="person",
            fee="hz",
            weight=5.0,
            seal="护照法 第四条：普通护照由公安机关出入境管理机构签发，加盖出入境证件专用章",
        ),
        lic(
            "往来港澳通行证及签注签发",
            (DR, "中国公民因私事往来香港地区或者澳门地区的暂行管理办法", "第八条"),
            statutory="n15",
            promised="n7",
            who="person",
            weight=4.0,
            seal="护照法 第四条：普通护照由公安机关出入境管理机构签发，加盖出入境证件专用章",
        ),
        lic(
            "往来台湾通行证签发",
            (AR, "中国公民往来台湾地区管理办法", "第九条"),
            statutory="n15",
            promised="n7",
            who="person",
        ),
        conf(
            "居民身份证申领",
            (LAW, "居民身份证法", "第十条"),
            statutory="n60",
            promised="n20",
            who="person",
            fee="sfz",
            weight=4.0,
        ),
        conf(
            "户口迁移（迁入）",
            (AR, "户口登记条例", "第十三条"),
            promised="w5",
            who="person",
            weight=3.0,
        ),
        lic(
            "机动车登记",
            (LAW, "道路交通安全法", "第九条"),
            statutory="w5",
            promised="w1",
            variants=(
                ("注册登记", "base"),
                ("转移登记", "base"),
                ("变更登记", "quick"),
                ("抵押登记", "quick"),
                ("注销登记", "quick"),
            ),
            who="both",
            fee="hp",
            weight=5.0,
            seal="道路交通安全法 第九条：车辆管理所核发号牌、行驶证，加盖车辆管理所业务专用章",
        ),
        lic(
            "机动车驾驶证申领",
            (LAW, "道路交通安全法", "第十九条"),
            statutory="w5",
            promised="w3",
            who="person",
            weight=3.0,
            seal="道路交通安全法 第九条：车辆管理所核发号牌、行驶证，加盖车辆管理所业务专用章",
        ),
        ann(
            "机动车安全技术检验",
            (LAW, "道路交通安全法", "第十三条"),
            statutory="w5",
            promised="w1",
            who="both",
            weight=3.0,
        ),
        lic("旅馆业特种行业许可", (SCD, GUOWUYUAN_412, "第三十八项"), site="main"),
        lic("公章刻制业特种行业许可", (SCD, GUOWUYUAN_412, "第三十七项"), site="main"),
        lic(
            "大型群众性活动安全许可",
            (AR, "大型群众性活动安全管理条例", "第十一条"),
            statutory="n7",
            promised="n5",
            site="main",
        ),
        lic(
            "爆破作业单位许可（非营业性）",
            (AR, "民用爆炸物品安全管理条例", "第三十一条"),
            statutory="n20",
            promised="n10",
            site="main",
        ),
        lic(
            "民用爆炸物品购买许可",
            (AR, "民用爆炸物品安全管理条例", "第二十一条"),
            statutory="n5",
            promised="n3",
            site="main",
        ),
        lic(
            "剧毒化学品购买许可",
            (AR, "危险化学品安全管理条例", "第三十九条"),
            statutory="n3",
            promised="n2",
            site="main",
        ),
        fee(
            "居民身份证工本费",
            (LAW, "居民身份证法", "第二十条"),
            promised="w1",
            fee="sfz",
            who="person",
            weight=0.3,
        ),
        fee(
            "普通护照工本费",
            (LAW, "护照法", "第五条"),
            (ND, "国家发展改革委 财政部关于降低出入境证照类收费标准的通知", ""),
            promised="w1",
            fee="hz",
            who="person",
            weight=0.3,
        ),
        fee(
            "机动车号牌工本费",
            (LAW, "道路交通安全法", "第八十一条"),
            promised="w1",
            fee="hp",
            who="both",
            weight=0.3,
        ),
        windows=(("main", 1), ("ga", 6)),
        sections=("治安管理支队", "出入境管理支队", "户政管理科"),
        trades=("宾馆", "印章刻制", "爆破工程", "文化传播"),
    ),
    dept(
        "xfj",
        "消防救援支队",
        lic(
            "公众聚集场所投入使用、营业前消防安全检查",
            (LAW, "消防法", "第十五条"),
            statutory="w10",
            promised="w5",
            inspect=True,
            weight=2.0,
        ),
        lic(
            "公众聚集场所投入使用、营业前消防安全检查（告知承诺）",
            (LAW, "消防法", "第十五条"),
            statutory="w10",
            promised="h1",
            online=True,
        ),
        vertical=True,
        sections=("防火监督科", "火灾调查科"),
        trades=("餐饮管理", "宾馆", "商场"),
    ),
    dept(
        "swju",
        "税务局",
        lic(
            "增值税专用发票最高开票限额审批",
            (SCD, GUOWUYUAN_412, "第二百三十六项"),
            online=True,
            weight=3.0,
        ),
        lic(
            "对纳税人延期缴纳税款的核准",
            (LAW, "税收征收管理法", "第三十一条"),
            statutory="n20",
            promised="n10",
        ),
        lic("对纳税人延期申报的核准", (LAW, "税收征收管理法", "第二十七条"), promised="w5"),
        lic(
            "对纳税人变更纳税定额的核准", (AR, "税收征收管理法实施细则", "第四十七条"), who="person"
        ),
        conf(
            "税务登记",
            (LAW, "税收征收管理法", "第十五条"),
            statutory="n30",
            promised="n3",
            variants=SET3,
            online=True,
            weight=3.0,
        ),
        pub("发票领用", (AR, "发票管理办法", "第十五条"), promised="h1", online=True, weight=4.0),
        vertical=True,
        windows=(("main", 1), ("sw", 4)),
        sections=("征收管理科", "纳税服务科", "税政科"),
        trades=("商贸", "科技", "餐饮管理", "建筑工程"),
    ),
    dept(
        "qxj",
        "气象局",
        lic(
            "雷电防护装置设计审核",
            (SCD, GUOWUYUAN_412, "第三百七十八项"),
            (LAW, "气象法", "第三十一条"),
        ),
        lic("雷电防护装置竣工验收", (SCD, GUOWUYUAN_412, "第三百七十八项"), inspect=True),
        lic(
            "升放无人驾驶自由气球或者系留气球活动审批",
            (AR, "通用航空飞行管制条例", "第三十二条"),
            statutory="w5",
            promised="w3",
        ),
        lic(
            "大气环境影响评价使用非气象主管机构提供的气象资料审查",
            (LAW, "气象法", "第三十四条"),
            promised="w15",
        ),
        vertical=True,
        sections=("减灾科", "观测与网络科"),
        trades=("防雷工程", "广告传媒"),
    ),
    dept(
        "ycj",
        "烟草专卖局",
        lic(
            "烟草专卖零售许可证核发",
            (LAW, "烟草专卖法", "第十六条"),
            (AR, "烟草专卖法实施条例", "第十二条"),
            variants=NEW4,
            inspect=True,
            weight=3.0,
        ),
        ann("烟草专卖零售许可证年度核查", (AR, "烟草专卖法实施条例", "第十二条"), promised="w5"),
        vertical=True,
        sections=("专卖监督管理科", "内部专卖管理监督科"),
        trades=("超市", "便利店", "商贸"),
    ),
    dept(
        "gjj",
        "住房公积金管理中心",
        pub(
            "住房公积金提取",
            (AR, "住房公积金管理条例", "第二十四条"),
            statutory="n3",
            promised="h1",
            who="person",
            online=True,
            weight=6.0,
        ),
        pub(
            "住房公积金个人住房贷款",
            (AR, "住房公积金管理条例", "第二十六条"),
            statutory="n15",
            promised="n10",
            who="person",
            weight=3.0,
        ),
        pub(
            "住房公积金缴存登记", (AR, "住房公积金管理条例", "第十四条"), promised="w3", online=True
        ),
        non("住房公积金缓缴审批", (AR, "住房公积金管理条例", "第十八条")),
        windows=(("gjj", 4),),
        sections=("归集管理科", "信贷管理科"),
    ),
    dept(
        "rfb",
        "人民防空办公室",
        lic(
            "应建防空地下室的民用建筑项目审批",
            (LAW, "人民防空法", "第二十二条"),
            fee="yjjsf",
            weight=1.5,
        ),
        lic("拆除人民防空工程审批", (LAW, "人民防空法", "第二十八条"), promised="w15"),
        oth(
            "人民防空工程竣工验收备案",
            (DR, "人民防空工程质量监督管理规定", "第二十条"),
            promised="w5",
        ),
        fee(
            "防空地下室易地建设费",
            (LAW, "人民防空法", "第二十二条"),
            (ND, "关于规范防空地下室易地建设收费的规定", ""),
            promised="w3",
            fee="yjjsf",
            weight=0.3,
        ),
        sections=("工程管理科", "指挥通信科"),
        trades=("房地产开发", "建筑工程"),
    ),
    dept(
        "cgj",
        "城市管理综合执法局",
        lic(
            "设置大型户外广告审批",
            (AR, "城市市容和环境卫生管理条例", "第十一条"),
            promised="w5",
            weight=1.5,
        ),
        lic(
            "临时占用城市道路审批",
            (AR, "城市道路管理条例", "第三十一条"),
            promised="w5",
            fee="zdf",
            weight=1.5,
        ),
        lic("挖掘城市道路审批", (AR, "城市道路管理条例", "第三十条"), promised="w5", fee="wjxf"),
        lic(
            "城镇污水排入排水管网许可",
            (AR, "城镇排水与污水处理条例", "第二十一条"),
            statutory="n15",
            promised="n10",
            variants=NEW4,
        ),
        lic(
            "从事城市生活垃圾经营性清扫、收集、运输、处理服务审批",
            (SCD, GUOWUYUAN_412, "第一百零二项"),
            promised="w15",
        ),
        fee(
            "城市道路占用费",
            (AR, "城市道路管理条例", "第三十七条"),
            promised="w1",
            fee="zdf",
            weight=0.3,
        ),
        fee(
            "城市道路挖掘修复费",
            (AR, "城市道路管理条例", "第三十三条"),
            promised="w1",
            fee="wjxf",
            weight=0.3,
        ),
        windows=(("main", 2),),
        sections=("市容环境卫生管理科", "市政设施管理科"),
        trades=("广告传媒", "市政工程", "环卫服务"),
    ),
    dept(
        "ybj",
        "医疗保障局",
        pub(
            "定点医药机构申请受理",
            (LAW, "社会保险法", "第三十一条"),
            statutory="n90",
            promised="n60",
        ),
        pub(
            "异地就医备案",
            (DR, "基本医疗保险跨省异地就医直接结算经办规程", "第六条"),
            promised="h1",
            who="person",
            online=True,
            weight=2.0,
        ),
        conf(
            "门诊慢特病待遇认定",
            (ND, "市基本医疗保险门诊慢特病管理办法", "第八条"),
            who="person",
            pause=E.APPRAISAL,
        ),
        pub(
            "医疗费用零星报销",
            (LAW, "社会保险法", "第二十九条"),
            promised="w15",
            who="person",
            weight=2.0,
        ),
        sections=("待遇保障科", "医药服务管理科"),
        trades=("医药", "诊所"),
    ),
    dept(
        "mzzj",
        "民族宗教事务局",
        lic(
            "宗教活动场所筹备设立审批",
            (AR, "宗教事务条例", "第二十一条"),
            statutory="n30",
            promised="n20",
            who="social",
        ),
        lic(
            "宗教活动场所设立登记",
            (AR, "宗教事务条例", "第二十三条"),
            statutory="n30",
            promised="n20",
            who="social",
        ),
        lic(
            "宗教临时活动地点审批", (AR, "宗教事务条例", "第三十五条"), promised="w15", who="social"
        ),
        lic(
            "举行大型宗教活动审批", (AR, "宗教事务条例", "第四十二条"), promised="w15", who="social"
        ),
        conf("民族成份变更确认", (ND, "中国公民民族成份登记管理办法", "第十二条"), who="person"),
        sections=("民族工作科", "宗教工作科"),
    ),
    dept(
        "tyj",
        "体育局",
        lic(
            "经营高危险性体育项目许可",
            (AR, "全民健身条例", "第三十二条"),
            statutory="n30",
            promised="n20",
            variants=NEW4,
            inspect=True,
        ),
        lic("临时占用公共体育设施审批", (LAW, "体育法", "第八十六条")),
        lic("举办健身气功活动及设立站点审批", (SCD, GUOWUYUAN_412, "第三百零七项")),
        sections=("群众体育科", "竞技体育科"),
        trades=("体育发展", "健身", "游泳"),
    ),
    dept(
        "yzj",
        "邮政管理局",
        lic(
            "快递业务经营许可",
            (LAW, "邮政法", "第五十一条"),
            statutory="n45",
            promised="n30",
            variants=NEW4,
        ),
        lic(
            "邮政普遍服务营业场所停止办理或限制办理业务审批",
            (LAW, "邮政法", "第十条"),
            promised="w15",
        ),
        oth("快递末端网点备案", (DR, "快递市场管理办法", "第二十条"), promised="h1", online=True),
        vertical=True,
        sections=("市场监管科", "普遍服务科"),
        trades=("快递", "物流"),
    ),
    dept(
        "tyjr",
        "退役军人事务局",
        pub("退役军人优待证办理", (LAW, "退役军人保障法", "第六十二条"), who="person"),
        pub(
            "自主就业退役士兵一次性经济补助",
            (LAW, "退役军人保障法", "第三十九条"),
            promised="w15",
            who="person",
        ),
        non("烈士评定（初审）", (AR, "烈士褒扬条例", "第八条"), promised="w15", who="person"),
        sections=("褒扬纪念科", "就业创业科"),
    ),
    dept(
        "lsj",
        "粮食和物资储备局",
        lic(
            "粮食收购资格认定",
            (AR, "粮食流通管理条例", "第九条"),
            statutory="n15",
            promised="n10",
            variants=NEW3,
        ),
        oth("粮食仓储单位备案", (DR, "粮食仓储管理办法", "第七条"), promised="h1"),
        sections=("粮食流通监督检查科", "储备管理科"),
        trades=("粮油", "粮食收储"),
    ),
    # Departments whose offices have not entered the hall: they decide at their premises.
    dept(
        "dzj",
        "地震局",
        lic(
            "建设工程抗震设防要求确定",
            (LAW, "防震减灾法", "第三十五条"),
            promised="w15",
            pause=E.EXPERT_REVIEW,
        ),
        lic(
            "地震监测设施和观测环境保护范围内建设工程审批",
            (LAW, "防震减灾法", "第二十四条"),
            promised="w15",
        ),
        stationed=False,
        sections=("监测预报科", "震害防御科"),
    ),
    dept(
        "daj",
        "档案局",
        pub("档案查询利用", (LAW, "档案法", "第二十八条"), promised="h1", who="person", fee="daxc"),
        non("延期移交档案审批", (AR, "档案法实施条例", "第十九条"), who="gov"),
        fee(
            "档案查询服务费",
            (ND, "市物价局关于档案查询服务收费标准的批复", ""),
            promised="w1",
            who="person",
            fee="daxc",
            weight=0.3,
        ),
        stationed=False,
        sections=("业务指导科", "档案利用科"),
    ),
    dept(
        "tjj",
        "统计局",
        non("部门统计调查项目审批", (LAW, "统计法", "第十二条"), promised="w15", who="gov"),
        stationed=False,
        sections=("综合统计科", "统计执法监督科"),
    ),
    dept(
        "wsb",
        "外事办公室",
        non(
            "因公出国（境）审批",
            (ND, "关于进一步加强因公出国（境）管理的若干规定", "第五条"),
            who="person",
        ),
        non("外国人来华邀请函审批", (ND, "市外国人来华邀请管理办法", "第六条"), who="gov"),
        non(
            "APEC商务旅行卡申办初审",
            (DR, "亚太经济合作组织商务旅行卡管理办法", "第七条"),
            promised="w15",
            who="person",
        ),
        stationed=False,
        sections=("出国境管理科", "外国人管理科"),
    ),
    dept(
        "qwb",
        "侨务办公室",
        conf("归侨、侨眷身份确认", (LAW, "归侨侨眷权益保护法", "第二条"), who="person"),
        non(
            "华侨回国定居审批（初审）",
            (DR, "华侨回国定居办理工作规定", "第八条"),
            promised="w15",
            who="person",
        ),
        stationed=False,
        sections=("侨政科",),
    ),
    dept(
        "xwcb",
        "新闻出版局",
        lic(
            "出版物零售单位设立审批",
            (AR, "出版管理条例", "第三十七条"),
            statutory="n20",
            promised="n15",
            variants=SET3,
        ),
        lic(
            "印刷经营许可（出版物印刷除外）",
            (AR, "印刷业管理条例", "第十二条"),
            statutory="n60",
            promised="n30",
            variants=NEW4,
        ),
        lic(
            "电影放映单位设立审批",
            (LAW, "电影产业促进法", "第二十四条"),
            statutory="n20",
            promised="n15",
        ),
        stationed=False,
        sections=("出版发行科", "印刷管理科"),
        trades=("书店", "印务", "影城"),
    ),
    dept(
        "gajj",
        "国家安全局",
        lic("涉及国家安全事项的建设项目许可", (LAW, "反间谍法", "第二十一条"), promised="w15"),
        vertical=True,
        stationed=False,
        sections=("建设项目审查科",),
    ),
    dept(
        "rmyh",
        "人民银行分行",
        pub("个人信用报告查询", (AR, "征信业管理条例", "第十七条"), promised="h1", who="person"),
        lic(
            "单位银行结算账户开户许可（基本存款账户）",
            (DR, "人民币银行结算账户管理办法", "第十七条"),
            statutory="w5",
            promised="w2",
        ),
        vertical=True,
        stationed=False,
        sections=("支付结算科", "征信管理科"),
    ),
    dept(
        "wxd",
        "无线电管理处",
        lic(
            "无线电台（站）设置、使用许可",
            (AR, "无线电管理条例", "第二十七条"),
            promised="w15",
            variants=NEW3,
        ),
        non("无线电频率使用许可（初审）", (AR, "无线电管理条例", "第十四条"), promised="w15"),
        vertical=True,
        stationed=False,
        sections=("频率台站管理科",),
        trades=("通信", "广播电视"),
    ),
    dept(
        "sydj",
        "事业单位登记管理局",
        lic(
            "事业单位登记",
            (AR, "事业单位登记管理暂行条例", "第六条"),
            statutory="n30",
            promised="n20",
            variants=SET3,
            who="gov",
        ),
        ann(
            "事业单位法人年度报告",
            (AR, "事业单位登记管理暂行条例实施细则", "第五十二条"),
            who="gov",
        ),
        stationed=False,
        sections=("登记管理科",),
    ),
    dept(
        "jrj",
        "地方金融管理局",
        non(
            "融资担保公司设立审批（初审）",
            (AR, "融资担保公司监督管理条例", "第六条"),
            statutory="n30",
            promised="n20",
        ),
        non(
            "小额贷款公司设立审批（初审）",
            (ND, "省小额贷款公司试点管理办法", "第十条"),
            promised="w15",
        ),
        stationed=False,
        sections=("地方金融监管科",),
        trades=("融资担保", "小额贷款"),
    ),
    dept(
        "jgswj",
        "机关事务管理局",
        non(
            "党政机关办公用房维修改造项目审批",
            (AR, "机关事务管理条例", "第二十二条"),
            promised="w15",
            who="gov",
        ),
        non("公务用车购置审批", (ND, "党政机关公务用车管理办法", "第十一条"), who="gov"),
        stationed=False,
        sections=("公共机构节能管理科", "公务用车管理科"),
    ),
    dept(
        "ylj",
        "园林绿化局",
        lic("临时占用城市绿化用地审批", (AR, "城市绿化条例", "第二十条")),
        lic("砍伐、迁移城市树木审批", (AR, "城市绿化条例", "第二十一条"), who="both"),
        lic("改变绿化规划、绿化用地使用性质审批", (AR, "城市绿化条例", "第十九条"), promised="w15"),
        stationed=False,
        sections=("绿化管理科", "园林规划科"),
        trades=("园林绿化", "市政工程"),
    ),
)


@dataclasses.dataclass(frozen=True)
class JointSpec:
    """A joint item (并联审批): the lead department, co-departments and bundled items."""

    name: str
    lead: str
    co: tuple[str, ...]
    components: tuple[tuple[str, str], ...]
    promised: str = "w20"
    who: str = "org"
    weight: float = 1.0


JOINT_BASES: tuple[Basis, ...] = (
    (LAW, "行政许可法", "第二十六条"),
    (ND, "国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见", ""),
)
FIRE_CHECK = ("xfj", "公众聚集场所投入使用、营业前消防安全检查")
JOINTS: tuple[JointSpec, ...] = (
    JointSpec(
        "企业投资项目立项用地规划许可阶段并联审批",
        "zrzyj",
        ("fgw", "sthjj"),
        (("fgw", "企业投资项目核准"), ("sthjj", "建设项目环境影响报告表审批")),
        promised="w30",
    ),
    JointSpec(
        "工程建设项目施工许可阶段并联审批",
        "zjj",
        ("rfb", "qxj", "cgj"),
        (("rfb", "应建防空地下室的民用建筑项目审批"), ("qxj", "雷电防护装置设计审核")),
        promised="w25",
        weight=1.5,
    ),
    JointSpec(
        "工程建设项目竣工联合验收",
        "zjj",
        ("zrzyj", "rfb", "qxj"),
        (("zrzyj", "建设工程规划条件核实"), ("qxj", "雷电防护装置竣工验收")),
        promised="w20",
        weight=1.5,
    ),
    JointSpec("餐饮服务场所开业并联审批", "scj", ("xfj", "sthjj"), (FIRE_CHECK,), weight=2.0),
    JointSpec("娱乐场所开业并联审批", "wlj", ("gaj", "xfj"), (FIRE_CHECK,)),
    JointSpec(
        "宾馆开业并联审批",
        "gaj",
        ("wjw", "xfj"),
        (("wjw", "公共场所卫生许可（新办）"), FIRE_CHECK),
    ),
    JointSpec("危险化学品经营企业开业并联审批", "yjj", ("sthjj", "xfj"), (FIRE_CHECK,)),
    JointSpec(
        "医疗机构开业并联审批",
        "wjw",
        ("sthjj", "xfj"),
        (("sthjj", "建设项目环境影响报告表审批"),),
        promised="w30",
    ),
)

# ------------------------------------------------ version 2 of the catalogue (2025-07-01)
CANCEL_BASIS = "国务院关于取消和下放一批行政许可事项的决定"
DELEGATE_BASIS = "青岚市人民政府关于向县（市、区）下放一批行政审批事项的决定"
TAKE_OVER_BASIS = "省人民政府关于下放一批省级行政权力事项的决定"
ADD_BASIS = "青岚市人民政府关于公布新增政务服务事项的通知"
AMEND_BASIS = "青岚市人民政府关于进一步压减政务服务事项承诺时限的通知"
CANCELLED: tuple[tuple[str, str], ...] = (
    ("swj", "成品油零售经营资格审批"),
    ("lsj", "粮食收购资格认定"),
    ("qxj", "大气环境影响评价使用非气象主管机构提供的气象资料审查"),
    ("tyj", "举办健身气功活动及设立站点审批"),
    ("rmyh", "单位银行结算账户开户许可（基本存款账户）"),
)
"""Cancelled per the State Council (every variant of each row)."""
DELEGATED: tuple[tuple[str, str], ...] = (
    ("zrzyj", "乡村建设规划许可证核发"),
    ("nyj", "农村村民宅基地审批"),
    ("nyj", "生鲜乳收购站许可"),
    ("nyj", "渔业捕捞许可"),
    ("tyj", "临时占用公共体育设施审批"),
)
"""Delegated down to the counties."""
TAKEN_OVER: tuple[tuple[str, ItemSpec], ...] = (
    (
        "scj",
        lic(
            "工业产品生产许可（省级下放部分）",
            (AR, "工业产品生产许可证管理条例", "第十一条"),
            statutory="n60",
            promised="n30",
            inspect=True,
            pause=E.TESTING,
        ),
    ),
    (
        "scj",
        lic(
            "药品零售连锁企业总部许可",
            (LAW, "药品管理法", "第五十二条"),
            promised="w15",
            inspect=True,
        ),
    ),
    (
        "yjj",
        lic(
            "危险化学品经营许可（带储存设施）",
            (AR, "危险化学品安全管理条例", "第三十五条"),
            statutory="n30",
            promised="n20",
            inspect=True,
        ),
    ),
    (
        "sthjj",
        lic(
            "建设项目环境影响报告书审批（省级下放类别）",
            (LAW, "环境影响评价法", "第二十三条"),
            statutory="n60",
            promised="n30",
            pause=E.EXPERT_REVIEW,
        ),
    ),
    ("zjj", lic("建筑业企业资质（施工总承包二级）", (LAW, "建筑法", "第十三条"), promised="w15")),
)
"""Taken over from the province."""
ADDED: tuple[tuple[str, ItemSpec], ...] = (
    (
        "zrzyj",
        conf(
            "二手房转移登记与水电气联动过户",
            (AR, "不动产登记暂行条例", "第二十条"),
            statutory="w30",
            promised="w3",
            who="both",
            site="bdc",
            fee="bdcdj",
            online=True,
            weight=3.0,
            seal="不动产登记暂行条例实施细则 第二十条：证书加盖不动产登记机构登记专用章",
        ),
    ),
    (
        "cgj",
        lic(
            "户外招牌设置审批",
            (LR, "青岚市市容和环境卫生管理条例", "第十八条"),
            promised="w3",
            online=True,
        ),
    ),
)
"""New items (the joint ones are in ``ADDED_JOINTS``)."""
ADDED_JOINTS: tuple[JointSpec, ...] = (
    JointSpec("企业开办“一件事”联办", "scj", ("gaj", "swju"), (), promised="w3", weight=3.0),
    JointSpec(
        "新生儿出生“一件事”联办", "wjw", ("gaj", "ybj"), (), promised="w5", who="person", weight=2.0
    ),
)
AMENDED: tuple[tuple[str, str, str], ...] = (
    ("scj", "食品经营许可（新办）", "w7"),
    ("scj", "食品生产许可（新办）", "w10"),
    ("zrzyj", "建设工程规划许可证核发", "w7"),
    ("zrzyj", "不动产首次登记", "w5"),
    ("zjj", "商品房预售许可", "n5"),
    ("jtj", "道路货物运输经营许可（新办）", "w5"),
    ("wjw", "公共场所卫生许可（新办）", "w5"),
    ("sthjj", "建设项目环境影响报告表审批", "n10"),
    ("ycj", "烟草专卖零售许可证核发（新办）", "w7"),
    ("gaj", "户口迁移（迁入）", "w3"),
)
"""Promised limits shortened in version 2."""
PROMISE_OVER: dict[tuple[str, str], str] = {
    ("jtj", "占用、挖掘公路或使公路改线审批"): "w25",
    ("wlj", "营业性演出审批"): "n5",
    ("mzj", "殡葬设施建设审批"): "w30",
}
"""Items that promise more than the law allows (a catalogue violation)."""

# --------------------------------------------------- offices, letters, seals, people
ITEMS_NOT_ENTERED = ("swju", "qxj", "ycj")
STAFF_NOT_ENTERED = ("yzj", "lsj")
ENTERED_LATE = ("gaj", "gjj")
NO_OFFICE_DATE = ("gajj", "jgswj")
NO_LETTER = ("jgswj", "tjj", "qwb")
SCOPED_LETTER = {
    "mzzj": "举行大型宗教活动审批",
    "ybj": "定点医药机构申请受理",
    "wsb": "外国人来华邀请函审批",
}
"""Departments whose letter lists items; the named item stays with the head."""
RENEWED_LETTER = ("scj", "zjj", "gaj", "jtj", "wjw", "nyj", "sthjj", "wlj")
REVOKED_LETTER = ("cgj", dt.date(2025, 4, 15))
DEPUTY_DIRECTS = ("kjj", "tyjr", "dzj")
"""Few approvals: a deputy head directs the office (seed 六.3)."""
DIRECTOR_NOT_CIVIL_SERVANT = ("gjj", "lsj", "ylj")
APPROVING_SECTIONS = {
    "zrzyj": "矿产资源管理科",
    "jtj": "运输管理科",
    "cgj": "市政设施管理科",
    "wjw": "医政医管科",
}
OLD_SEAL_ACTIVE = ("jtj", "wlj", "rfb")
SECTION_SEAL_ACTIVE = ("zrzyj", "cgj")
PREMISES_STATIONED = ("scj", "zjj", "zrzyj", "jtj", "wjw", "cgj", "nyj", "gaj", "sthjj", "slj")
"""Stationed departments that also keep an office at their own premises."""
UNLISTED = ("scj", "zjj", "jtj", "fgw", "rsj")
"""Departments with a case for an item in no catalogue version."""
VERTICAL_NAMES = {
    "xfj": "青岚市消防救援支队",
    "swju": "国家税务总局青岚市税务局",
    "qxj": "青岚市气象局",
    "ycj": "青岚市烟草专卖局",
    "yzj": "青岚市邮政管理局",
    "gajj": "青岚市国家安全局",
    "rmyh": "中国人民银行青岚市分行",
    "wxd": "省无线电管理委员会办公室青岚市管理处",
}
SITES: tuple[tuple[str, str, SiteKind, str], ...] = (
    ("main", "青岚市行政服务中心（主大厅）", SiteKind.MAIN_HALL, "青岚市丰泽大道188号"),
    ("bdc", "青岚市行政服务中心不动产登记分中心", SiteKind.SUB_CENTER, "青岚市和平街26号"),
    ("ga", "青岚市行政服务中心公安分中心", SiteKind.SUB_CENTER, "青岚市临江路77号"),
    ("gjj", "青岚市行政服务中心住房公积金分中心", SiteKind.SUB_CENTER, "青岚市松雪路9号"),
    ("sw", "青岚市行政服务中心税务分中心", SiteKind.SUB_CENTER, "青岚市新华东路102号"),
    ("prov", "省政务服务中心（省政务大厅）", SiteKind.PROVINCIAL_HALL, "省会市民主大街1号"),
    ("muni", "青岚市人民政府政务大厅", SiteKind.MUNICIPAL_HALL, "青岚市人民广场1号"),
)
WINDOW_PREFIX = {"main": "ZX", "bdc": "BDC", "ga": "GA", "gjj": "GJJ", "sw": "SW"}
STATUTORY_SEALS: tuple[tuple[str, str, str, str, dt.date], ...] = (
    (
        "zrzyj-seal-bdc",
        "zrzyj",
        "不动产",
        "青岚市不动产登记中心不动产登记专用章",
        dt.date(2016, 1, 4),
    ),
    ("gaj-seal-crj", "gaj", "出入境", "青岚市公安局出入境证件专用章", dt.date(2012, 5, 15)),
    (
        "gaj-seal-cgs",
        "gaj",
        "车辆管理所",
        "青岚市公安局交通警察支队车辆管理所业务专用章",
        dt.date(2010, 3, 1),
    ),
)
"""Seals a law names for its items (``Item.seal_exception``): id, department, keyword."""


@dataclasses.dataclass(frozen=True)
class FeeSpec:
    """A fee standard: its schedule's department, amount rule, basis and payment quantities."""

    department: str
    standard_id: str
    name: str
    rule: AmountRule
    bases: tuple[Basis, ...]
    quantity: tuple[int, int] | None = None


def _d(text: str) -> decimal.Decimal:
    return decimal.Decimal(text)


M2 = "平方米"
FEES: dict[str, tuple[FeeSpec, ...]] = {
    "bdcdj": (
        FeeSpec(
            "zrzyj",
            "bdcdj-zz",
            "不动产登记费（住宅）",
            AmountRule(RuleKind.FIXED, _d("80")),
            ((LAW, "民法典", "第二百二十三条"),),
        ),
        FeeSpec(
            "zrzyj",
            "bdcdj-fzz",
            "不动产登记费（非住宅）",
            AmountRule(RuleKind.FIXED, _d("550")),
            ((LAW, "民法典", "第二百二十三条"),),
        ),
    ),
    "tdfkf": (
        FeeSpec(
            "zrzyj",
            "tdfkf",
            "土地复垦费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("15.00"), unit=M2),
            ((AR, "土地复垦条例", "第十八条"),),
            (1000, 20000),
        ),
    ),
    "gdkkf": (
        FeeSpec(
            "zrzyj",
            "gdkkf",
            "耕地开垦费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("30.00"), unit=M2),
            ((LAW, "土地管理法", "第三十条"),),
            (500, 30000),
        ),
    ),
    "sfz": (
        FeeSpec(
            "gaj",
            "sfz",
            "居民身份证工本费",
            AmountRule(RuleKind.FIXED, _d("20")),
            ((LAW, "居民身份证法", "第二十条"),),
        ),
    ),
    "hz": (
        FeeSpec(
            "gaj",
            "hz",
            "普通护照工本费",
            AmountRule(RuleKind.FIXED, _d("120")),
            ((LAW, "护照法", "第五条"),),
        ),
    ),
    "hp": (
        FeeSpec(
            "gaj",
            "hp",
            "机动车号牌工本费",
            AmountRule(RuleKind.FIXED, _d("100")),
            ((LAW, "道路交通安全法", "第八十一条"),),
        ),
    ),
    "yjjsf": (
        FeeSpec(
            "rfb",
            "yjjsf",
            "防空地下室易地建设费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("1200.00"), unit=M2),
            ((LAW, "人民防空法", "第二十二条"),),
            (200, 3000),
        ),
    ),
    "zdf": (
        FeeSpec(
            "cgj",
            "zdf",
            "城市道路占用费",
            AmountRule(
                RuleKind.TIERED,
                unit=M2,
                tiers=(Tier(_d("3.00"), _d("100")), Tier(_d("2.50"), _d("500")), Tier(_d("2.00"))),
            ),
            ((AR, "城市道路管理条例", "第三十七条"),),
            (10, 800),
        ),
    ),
    "wjxf": (
        FeeSpec(
            "cgj",
            "wjxf",
            "城市道路挖掘修复费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("300.00"), unit=M2),
            ((AR, "城市道路管理条例", "第三十三条"),),
            (5, 200),
        ),
    ),
    "stbc": (
        FeeSpec(
            "slj",
            "stbc",
            "水土保持补偿费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("1.20"), unit=M2),
            ((LAW, "水土保持法", "第三十二条"),),
            (1000, 50000),
        ),
    ),
    "zbhf": (
        FeeSpec(
            "lyj",
            "zbhf",
            "森林植被恢复费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("10.00"), unit=M2),
            ((LAW, "森林法", "第三十七条"),),
            (500, 20000),
        ),
    ),
    "ylsgjd": (
        FeeSpec(
            "wjw",
            "ylsgjd",
            "医疗事故技术鉴定费",
            AmountRule(RuleKind.RANGE, minimum=_d("2000"), maximum=_d("4000")),
            ((AR, "医疗事故处理条例", "第三十四条"),),
        ),
    ),
    "daxc": (FeeSpec("daj", "daxc", "档案查询服务费", AmountRule(RuleKind.FIXED, _d("10")), ()),),
    "stsc": (
        FeeSpec(
            "zjj",
            "stsc",
            "施工图审查服务费",
            AmountRule(RuleKind.PER_UNIT, rate=_d("1.50"), unit=M2),
            ((ND, "市物价局关于施工图审查收费标准的通知", "第二条"),),
            (500, 30000),
        ),
    ),
}
"""Fee standards by the key items use (``ItemSpec.fee``)."""

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
    "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易"
)
GIVEN = (
    "伟刚勇毅俊峰强军平东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬"
    "富顺信杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友"
    "裕河哲江超浩亮政谦亨奇固翰朗宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士建家致树德行时泰盛雄琛钧"
    "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱霞香月媛艳瑞凡佳"
    "嘉琼勤珍贞莉桂叶璐娅琦晶妍茜秋珊莎锦青倩婷婉娴瑾颖露瑶怡雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑馨韵"
)
FIRM_NAMES = (
    "恒泰",
    "鑫源",
    "华瑞",
    "润达",
    "宏盛",
    "永安",
    "晟丰",
    "嘉禾",
    "德润",
    "信诚",
    "瑞丰",
    "泰和",
    "金诚",
    "隆兴",
    "博远",
    "安顺",
    "福运",
    "鼎盛",
    "祥和",
    "启航",
    "天成",
    "锦程",
    "松岚",
    "北辰",
    "青禾",
    "丰泽",
    "临川",
    "沐阳",
    "远航",
    "东升",
    "聚力",
    "合众",
    "立信",
    "卓越",
    "万和",
    "长青",
)
SOCIAL_NAMES = (
    "餐饮行业协会",
    "书法家协会",
    "青年企业家商会",
    "摄影家协会",
    "志愿服务联合会",
    "老年体育协会",
    "康宁养老服务中心",
    "福寿养老院",
    "阳光社会工作服务中心",
    "青禾民办幼儿园",
    "佛教协会",
    "基督教两会",
    "清真寺管理委员会",
    "丰泽社区服务中心",
)
GOV_NAMES = (
    "第三中学",
    "人民医院",
    "城市建设投资中心",
    "丰泽街道办事处",
    "和平街道办事处",
    "第二实验小学",
    "疾病预防控制中心",
    "图书馆",
    "农业技术推广站",
    "中心医院",
    "职业技术学院",
    "水务集团有限公司",
)
AREA_CODES = ("220202", "220203", "220204", "220211")
"""Area codes of applicants' identifiers (the city is fictional: the codes only have to
pass python-stdnum's check digit and birth-place table, whose district codes start in
1983; people born earlier carry the prefecture's code, :data:`OLD_AREA_CODE`)."""
OLD_AREA_CODE = "220200"


# ============================================================== building the reference
def _limit(code: str) -> TimeLimit:
    """``"w20"``, ``"n60"``, ``"h2"``, ``"h0.5"`` as a :class:`TimeLimit`."""
    unit, amount = code[0], code[1:]
    if unit == "w":
        return TimeLimit.workdays(int(amount))
    if unit == "n":
        return TimeLimit.natural_days(int(amount))
    return TimeLimit.hours(float(amount) if "." in amount else int(amount))


def _quick(statutory: str) -> str:
    """A short promise (cancellations, minor changes): 3 days, or 1 if the law gives
    less, in the statutory limit's unit."""
    return f"{statutory[0]}{1 if int(statutory[1:]) <= 3 else 3}"


def _half(code: str) -> str:
    if code[0] == "h":
        return code
    return f"{code[0]}{max(int(code[1:]) // 2, 1)}"


KIND_CODE = {
    ItemKind.LICENSING: ("XK", "01"),
    ItemKind.NON_LICENSING: ("FXK", None),
    ItemKind.FEE: ("SF", "04"),
    ItemKind.ANNUAL_INSPECTION: ("NJ", "06"),
    ItemKind.CONFIRMATION: ("QR", "07"),
    ItemKind.OTHER_POWER: ("QT", "10"),
    ItemKind.PUBLIC_SERVICE: ("GG", "20"),
}
KIND_MATERIALS = {
    ItemKind.LICENSING: ("申请书", "申请人主体资格证明"),
    ItemKind.NON_LICENSING: ("申请报告", "项目有关批准文件"),
    ItemKind.FEE: ("缴费通知书",),
    ItemKind.ANNUAL_INSPECTION: ("年度检查报告书", "原证照正本、副本"),
    ItemKind.CONFIRMATION: ("申请表", "身份证明", "权属来源证明"),
    ItemKind.OTHER_POWER: ("备案表", "主体资格证明"),
    ItemKind.PUBLIC_SERVICE: ("申请表", "身份证明"),
}
VARIANT_MATERIALS = {
    "变更": ("变更事项证明材料", "原许可证件"),
    "延续": ("原许可证件", "有效期内经营情况说明"),
    "注销": ("许可证件原件", "注销申请书"),
}


@dataclasses.dataclass
class ItemInfo:
    """What the case generator knows about one item beyond the :class:`Item` itself."""

    item_id: str
    department: str
    spec: ItemSpec
    weight: float
    instant: bool
    versions: dict[int, Item] = dataclasses.field(default_factory=dict)
    joint: JointSpec | None = None
    component_ids: tuple[str, ...] = ()


def _expand(key: str, spec: ItemSpec, number: int) -> Iterator[tuple[Item, ItemInfo]]:
    """The items of one table row (one per variant), numbered from ``number``."""
    variants = spec.variants or (("", "base"),)
    prefix, national = KIND_CODE[spec.kind]
    bases = tuple(LegalBasis(level, title, article) for level, title, article in spec.bases)
    for offset, (suffix, rule) in enumerate(variants):
        name = f"{spec.name}（{suffix}）" if suffix else spec.name
        promised = spec.promised
        if rule == "half":
            promised = _half(promised)
        elif rule == "quick":
            promised = _quick(spec.statutory)
        promised = PROMISE_OVER.get((key, name), promised)
        instant = promised.startswith("h")
        materials = KIND_MATERIALS[spec.kind] + spec.materials + VARIANT_MATERIALS.get(suffix, ())
        if spec.kind is ItemKind.LICENSING and not suffix.startswith(("变更", "注销")):
            materials += (f"符合{spec.bases[0][1]}规定条件的证明材料",)
        procedure: tuple[str, ...]
        if instant:
            procedure = ("受理", "当场审查", "当场决定", "送达")
        elif spec.inspect:
            procedure = ("受理", "审查", "现场核查", "决定", "送达")
        else:
            procedure = ("受理", "审查", "决定", "送达")
        item_id = f"{key}-{number + offset:03d}"
        online = spec.online
        item = Item(
            id=item_id,
            code=f"{prefix}-{key.upper()}-{number + offset:03d}",
            name=name,
            kind=spec.kind,
            department_id=key,
            legal_basis=bases,
            statutory_limit=_limit(spec.statutory),
            promised_limit=_limit(promised),
            handling=HandlingType.INSTANT if instant else HandlingType.PROMISED,
            materials=tuple(Material(m, copies=2 if "证明" in m else 1) for m in materials),
            conditions=(
                "申请人依法设立或者具有完全民事行为能力",
                f"符合《{spec.bases[0][1]}》{spec.bases[0][2]}规定的条件"
                if spec.bases[0][2]
                else f"符合《{spec.bases[0][1]}》规定的条件",
            ),
            procedure=procedure,
            fee_schedule_id=f"fs-{FEES[spec.fee][0].department}" if spec.fee else None,
            on_site_visits=(0 if online and not spec.inspect else 1),
            # Item.online means 全程网办: an item that needs an on-site inspection is not.
            online=online and not spec.inspect,
            seal_exception=spec.seal,
            national_type=national,
        )
        weight = spec.weight * VARIANT_WEIGHT[rule] * (1.0 if offset == 0 else 0.9)
        yield item, ItemInfo(item_id, key, spec, weight, instant)


def _joint_item(spec: JointSpec, item_id: str, number: int) -> Item:
    return Item(
        id=item_id,
        code=f"BL-{spec.lead.upper()}-{number:03d}",
        name=spec.name,
        kind=ItemKind.LICENSING,
        department_id=spec.lead,
        legal_basis=tuple(LegalBasis(*b) for b in JOINT_BASES),
        statutory_limit=TimeLimit.workdays(45),
        promised_limit=_limit(spec.promised),
        materials=(Material("并联审批申请表"), Material("各部门申请材料清单所列材料")),
        conditions=("符合各参与部门审批事项规定的条件",),
        procedure=("一窗受理", "并联审查", "牵头部门决定", "统一送达"),
        joint=True,
        lead_department_id=spec.lead,
        co_department_ids=spec.co,
        on_site_visits=1,
        national_type="01",
    )


class _Names:
    """Distinct invented personal names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def person(self) -> str:
        while True:
            given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            name = self.rng.choice(SURNAMES) + given
            if name not in self.used:
                self.used.add(name)
                return name


def _workday_between(rng: random.Random, cal: WorkCalendar, a: dt.date, b: dt.date) -> dt.date:
    """A working day in ``[a, b]`` (``a`` itself if it is one and nothing else fits)."""
    first = a if cal.is_workday(a) else cal.add_workdays(a, 1)
    span = max(cal.workdays_between(first, b), 0)
    return cal.add_workdays(first, rng.randint(0, span))


@dataclasses.dataclass
class DeptInfo:
    """What the case generator knows about one department."""

    spec: DeptSpec
    head_id: str
    office_id: str
    director_id: str
    premises: str | None
    windows: dict[str, list[str]]
    window_staff: dict[str, list[str]]
    office_staff: list[str]
    sections: list[str]
    section_staff: dict[str, str]
    letters: list[AuthorizationLetter] = dataclasses.field(default_factory=list)
    expired_letters: list[str] = dataclasses.field(default_factory=list)
    dedicated_seal: str = ""
    abolished_seals: list[str] = dataclasses.field(default_factory=list)
    full_name: str = ""


class CityStream:
    """The city of one seed: the reference data, built at once, and its cases, generated
    one at a time by :meth:`cases` (the labels and complaints they produce accumulate on
    the instance).

    >>> city = CityStream(seed=7, applications=5)
    >>> len(city.reference.departments), len(list(city.cases()))
    (47, 5)
    """

    def __init__(self, seed: int = DEFAULT_SEED, applications: int = DEFAULT_APPLICATIONS) -> None:
        if applications < 0:
            raise ValueError("applications must be >= 0")
        self.seed = seed
        self.applications = applications
        self.calendar = WorkCalendar.official()
        self.rng = random.Random(seed)
        self.names = _Names(self.rng)
        self.depts: dict[str, DeptInfo] = {}
        self.items: dict[str, ItemInfo] = {}
        self.reference_violations: dict[str, list[str]] = {k: [] for k in REFERENCE_VIOLATIONS}
        self.labels: dict[str, list[str]] = {k: [] for k in CASE_VIOLATIONS}
        self.complaints: list[Complaint] = []
        self.produced = 0
        self.reference = self._build()
        self._prepare_cases()

    # ------------------------------------------------------------ organization
    def _build(self) -> Jurisdiction:
        rng, cal = self.rng, self.calendar
        sites = [
            ServiceSite(f"site-{key}", name, kind, address) for key, name, kind, address in SITES
        ]
        departments: list[Department] = []
        offices: list[ApprovalOffice] = []
        sections: list[Section] = []
        officials: list[Official] = []
        windows: list[Window] = []
        window_numbers = dict.fromkeys(WINDOW_PREFIX, 0)
        for spec in DEPARTMENTS:
            key = spec.key
            full = VERTICAL_NAMES.get(key, f"{CITY}{spec.name}")
            office_id = f"{key}-office"
            head = Official(f"{key}-head", self.names.person(), key, Role.HEAD)
            deputy = Official(f"{key}-deputy", self.names.person(), key, Role.DEPUTY_HEAD)
            officials += [head, deputy]
            if key in DEPUTY_DIRECTS:
                officials[-1] = attrs.evolve(deputy, unit_id=office_id)
                director_id = deputy.id
            else:
                director = Official(
                    f"{key}-director",
                    self.names.person(),
                    key,
                    Role.OFFICE_DIRECTOR,
                    civil_servant=key not in DIRECTOR_NOT_CIVIL_SERVANT,
                    unit_id=office_id,
                )
                officials.append(director)
                director_id = director.id
                if not director.civil_servant:
                    self.reference_violations["director_not_civil_servant"].append(director.id)
            office_staff = []
            for n in range(1, rng.choice((2, 2, 3)) + 1):
                staff = Official(
                    f"{key}-staff{n}",
                    self.names.person(),
                    key,
                    Role.OFFICE_STAFF,
                    unit_id=office_id,
                )
                officials.append(staff)
                office_staff.append(staff.id)
            section_ids: list[str] = []
            section_staff: dict[str, str] = {}
            for n, name in enumerate((*spec.sections, "政策法规科"), start=1):
                functions: tuple[SectionFunction, ...]
                if APPROVING_SECTIONS.get(key) == name:
                    functions = (SectionFunction.APPROVAL, SectionFunction.SUPERVISION)
                elif name == "政策法规科":
                    functions = (SectionFunction.POLICY, SectionFunction.RESEARCH)
                elif n == 1:
                    functions = (SectionFunction.PLANNING, SectionFunction.SUPERVISION)
                else:
                    functions = (SectionFunction.SUPERVISION, SectionFunction.IMPLEMENTATION)
                section = Section(f"{key}-sec{n}", key, name, functions)
                sections.append(section)
                section_ids.append(section.id)
                if SectionFunction.APPROVAL in functions:
                    self.reference_violations["section_still_approving"].append(section.id)
                clerk = Official(
                    f"{key}-sec{n}-staff",
                    self.names.person(),
                    key,
                    Role.SECTION_STAFF,
                    unit_id=section.id,
                )
                officials.append(clerk)
                section_staff[section.id] = clerk.id
            dept_windows: dict[str, list[str]] = {}
            window_staff: dict[str, list[str]] = {}
            if spec.stationed:
                opened = _workday_between(rng, cal, dt.date(2008, 11, 26), dt.date(2008, 11, 30))
                for site_key, count in spec.windows:
                    for _ in range(count):
                        window_numbers[site_key] += 1
                        number = window_numbers[site_key]
                        window = Window(
                            f"{WINDOW_PREFIX[site_key]}-{number:02d}",
                            f"site-{site_key}",
                            key,
                            f"{number:02d} 号窗口（{spec.name}）",
                            opened_on=opened,
                        )
                        windows.append(window)
                        dept_windows.setdefault(site_key, []).append(window.id)
                        staff_ids = []
                        for n in range(1, rng.choice((1, 2)) + 1):
                            clerk = Official(
                                f"{key}-{window.id.lower()}-{n}",
                                self.names.person(),
                                key,
                                Role.WINDOW_STAFF,
                                civil_servant=rng.random() < 0.7,
                                unit_id=office_id,
                            )
                            officials.append(clerk)
                            staff_ids.append(clerk.id)
                        window_staff[window.id] = staff_ids
            premises = None
            if not spec.stationed or key in PREMISES_STATIONED:
                premises = f"site-{key}-premises"
                sites.append(
                    ServiceSite(
                        premises,
                        f"{full}机关办公楼",
                        SiteKind.DEPARTMENT_PREMISES,
                        f"{CITY}{rng.choice(('新华', '人民', '建设', '解放', '松江'))}路"
                        f"{rng.randint(1, 300)}号",
                    )
                )
            offices.append(self._office(spec, office_id, director_id))
            fee_powers = any(s.fee for s in spec.items) or key in {
                f.department for specs in FEES.values() for f in specs
            }
            departments.append(Department(key, full, spec.vertical, head.id, True, fee_powers))
            if not spec.stationed:
                self.reference_violations["department_not_stationed"].append(key)
            self.depts[key] = DeptInfo(
                spec,
                head.id,
                office_id,
                director_id,
                premises,
                dept_windows,
                window_staff,
                office_staff,
                section_ids,
                section_staff,
                full_name=full,
            )
        hall = Hall("qinglan-hall", f"{CITY}行政服务中心", sites, windows)
        catalogues = self._catalogues()
        letters = self._letters(officials)
        seals = self._seals(offices)
        schedules = self._fee_schedules(catalogues)
        checks = self._acceptance_checks(offices)
        self._items_reference_violations(catalogues)
        return Jurisdiction(
            name=CITY,
            hall=hall,
            departments=departments,
            offices=offices,
            sections=sections,
            officials=officials,
            catalogues=catalogues,
            letters=letters,
            seals=seals,
            fee_schedules=schedules,
            complaints=self._general_complaints(),
            reform_plan=SEED_PLAN,
            acceptance_checks=checks,
        )

    def _office(self, spec: DeptSpec, office_id: str, director_id: str) -> ApprovalOffice:
        rng, cal = self.rng, self.calendar
        key = spec.key
        established = None
        if key not in NO_OFFICE_DATE:
            established = _workday_between(rng, cal, dt.date(2008, 11, 17), dt.date(2008, 11, 25))
        entered: list[dt.date | None] = [None, None, None]
        if spec.stationed:
            day = _workday_between(rng, cal, dt.date(2008, 12, 1), dt.date(2008, 12, 10))
            if key in ENTERED_LATE:
                day = _workday_between(rng, cal, dt.date(2009, 3, 2), dt.date(2009, 5, 29))
            entered = [day, day, day]
            if key in ITEMS_NOT_ENTERED:
                entered[2] = None
            if key in STAFF_NOT_ENTERED:
                entered[1] = None
            if None in entered or key in ENTERED_LATE:
                self.reference_violations["office_partly_entered"].append(office_id)
        return ApprovalOffice(
            office_id,
            key,
            f"{VERTICAL_NAMES.get(key, CITY + spec.name)}行政审批办公室",
            director_id,
            established,
            *entered,
        )

    # ------------------------------------------------------------ catalogue
    def _catalogues(self) -> tuple[Catalogue, Catalogue]:
        items_v1: list[Item] = []
        numbers: dict[str, int] = {}
        by_name: dict[tuple[str, str], str] = {}

        def add(key: str, spec: ItemSpec, version: int) -> list[Item]:
            made = []
            for item, info in _expand(key, spec, numbers.get(key, 1)):
                numbers[key] = numbers.get(key, 1) + 1
                info.versions[version] = item
                if SCOPED_LETTER.get(key) == item.name:
                    info.weight = 0.0
                if not self._stationed(key):
                    info.weight *= 0.4
                self.items[item.id] = info
                by_name[key, item.name] = item.id
                made.append(item)
            return made

        for spec in DEPARTMENTS:
            for row in spec.items:
                items_v1 += add(spec.key, row, 1)

        def joint(spec: JointSpec, version: int) -> Item:
            number = numbers.get(spec.lead, 1)
            numbers[spec.lead] = number + 1
            item = _joint_item(spec, f"{spec.lead}-{number:03d}", number)
            components = tuple(by_name[k, n] for k, n in spec.components)
            info = ItemInfo(
                item.id,
                spec.lead,
                ItemSpec(spec.name, ItemKind.LICENSING, (), who=spec.who),
                spec.weight,
                False,
                {version: item},
                spec,
                components,
            )
            self.items[item.id] = info
            return item

        items_v1 += [joint(spec, 1) for spec in JOINTS]
        for item in items_v1:
            self.items[item.id].versions[2] = item
        v1 = Catalogue(
            version=1,
            effective_on=V1_DAY,
            items=items_v1,
            publications=(
                Publication(
                    dt.date(2023, 12, 22),
                    f"{CITY}人民政府门户网站",
                    "https://www.qinglan.gov.example/zwgk/spml/2024",
                ),
                Publication(dt.date(2023, 12, 22), f"{CITY}行政服务中心公告栏"),
            ),
        )
        changes: list[CatalogueChange] = []
        for kind, rows, basis in (
            (ChangeKind.CANCEL, CANCELLED, CANCEL_BASIS),
            (ChangeKind.DELEGATE_DOWN, DELEGATED, DELEGATE_BASIS),
        ):
            for key, name in rows:
                for item in items_v1:
                    if item.department_id == key and (
                        item.name == name or item.name.startswith(name + "（")
                    ):
                        changes.append(CatalogueChange(kind, item.id, basis))
                        del self.items[item.id].versions[2]
        for kind, rows, basis in (
            (ChangeKind.TAKE_OVER, TAKEN_OVER, TAKE_OVER_BASIS),
            (ChangeKind.ADD, ADDED, ADD_BASIS),
        ):
            for key, spec in rows:
                for item in add(key, spec, 2):
                    changes.append(CatalogueChange(kind, item.id, basis, item))
        for spec in ADDED_JOINTS:
            item = joint(spec, 2)
            changes.append(CatalogueChange(ChangeKind.ADD, item.id, ADD_BASIS, item))
        for key, name, promised in AMENDED:
            old = next(i for i in items_v1 if i.department_id == key and i.name == name)
            new = attrs.evolve(old, promised_limit=_limit(promised))
            if old.name == "食品经营许可（新办）":
                new = attrs.evolve(new, materials=old.materials[:-1])
            self.items[old.id].versions[2] = new
            changes.append(CatalogueChange(ChangeKind.AMEND, old.id, AMEND_BASIS, new))
        v2 = v1.apply(
            changes,
            effective_on=V2_DAY,
            publications=(
                Publication(
                    dt.date(2025, 6, 20),
                    f"{CITY}人民政府门户网站",
                    "https://www.qinglan.gov.example/zwgk/spml/2025",
                ),
                Publication(dt.date(2025, 6, 20), "省政务服务网青岚市站点"),
            ),
        )
        return v1, v2

    def _stationed(self, key: str) -> bool:
        return next(d for d in DEPARTMENTS if d.key == key).stationed

    # ------------------------------------------------------------ letters and seals
    def _letters(self, officials: list[Official]) -> list[AuthorizationLetter]:
        rng, cal = self.rng, self.calendar
        letters: list[AuthorizationLetter] = []
        for key, info in self.depts.items():
            if key in NO_LETTER:
                self.reference_violations["department_without_letter"].append(key)
                continue
            made: list[AuthorizationLetter] = []
            if key in RENEWED_LETTER:
                first = _workday_between(rng, cal, dt.date(2019, 1, 2), dt.date(2020, 12, 31))
                made.append(
                    AuthorizationLetter(
                        f"{key}-letter-{first.year}",
                        key,
                        info.head_id,
                        info.director_id,
                        first,
                        first,
                        valid_to=dt.date(2023, 12, 31),
                    )
                )
                signed = _workday_between(rng, cal, dt.date(2023, 12, 18), dt.date(2023, 12, 29))
                made.append(
                    AuthorizationLetter(
                        f"{key}-letter-2024",
                        key,
                        info.head_id,
                        info.director_id,
                        signed,
                        dt.date(2024, 1, 1),
                        valid_to=dt.date(2026, 12, 31),
                    )
                )
                info.expired_letters.append(made[0].id)
            elif key == REVOKED_LETTER[0]:
                revoked = REVOKED_LETTER[1]
                former = Official(f"{key}-director-former", self.names.person(), key, Role.OTHER)
                officials.append(former)
                first = _workday_between(rng, cal, dt.date(2018, 3, 1), dt.date(2018, 6, 29))
                made.append(
                    AuthorizationLetter(
                        f"{key}-letter-{first.year}",
                        key,
                        info.head_id,
                        former.id,
                        first,
                        first,
                        revoked_on=revoked,
                    )
                )
                made.append(
                    AuthorizationLetter(
                        f"{key}-letter-{revoked.year}",
                        key,
                        info.head_id,
                        info.director_id,
                        revoked,
                        revoked,
                    )
                )
            else:
                signed = _workday_between(rng, cal, dt.date(2016, 1, 4), dt.date(2023, 6, 30))
                scope: tuple[str, ...] = ()
                if key in SCOPED_LETTER:
                    scope = tuple(
                        i.item_id
                        for i in self.items.values()
                        if i.department == key and i.weight > 0 and i.joint is None
                    )
                made.append(
                    AuthorizationLetter(
                        f"{key}-letter-{signed.year}",
                        key,
                        info.head_id,
                        info.director_id,
                        signed,
                        signed,
                        item_ids=scope,
                    )
                )
            info.letters = made
            letters += made
        return letters

    def _seals(self, offices: list[ApprovalOffice]) -> list[Seal]:
        rng = self.rng
        seals: list[Seal] = []
        for n, office in enumerate(offices, start=1):
            key = office.department_id
            info = self.depts[key]
            activated = office.institution_entered_on or dt.date(2008, 12, 10)
            dedicated = Seal(
                f"{key}-seal-approval",
                key,
                SealKind.DEDICATED_APPROVAL,
                f"{info.full_name}行政审批专用章",
                f"青公章备（2008）{n:03d}号",
                activated,
            )
            info.dedicated_seal = dedicated.id
            old_abolished = None if key in OLD_SEAL_ACTIVE else activated
            old = Seal(
                f"{key}-seal-old",
                key,
                SealKind.DEPARTMENT,
                f"{info.full_name}（行政审批用公章）",
                f"青公章备（{rng.randint(1996, 2003)}）{rng.randint(100, 999)}号",
                dt.date(rng.randint(1996, 2003), rng.randint(1, 12), rng.randint(1, 28)),
                old_abolished,
            )
            seals += [dedicated, old]
            if old_abolished is None:
                self.reference_violations["old_seal_active"].append(old.id)
            else:
                info.abolished_seals.append(old.id)
            approving = APPROVING_SECTIONS.get(key)
            if approving or n % 3 == 0:
                section_name = approving or info.spec.sections[0]
                still = key in SECTION_SEAL_ACTIVE
                section_seal = Seal(
                    f"{key}-seal-section",
                    key,
                    SealKind.SECTION_APPROVAL,
                    f"{info.full_name}{section_name}审批专用章",
                    "",
                    dt.date(rng.randint(2001, 2006), rng.randint(1, 12), rng.randint(1, 28)),
                    None if still else activated,
                )
                seals.append(section_seal)
                if still:
                    self.reference_violations["old_seal_active"].append(section_seal.id)
                else:
                    info.abolished_seals.append(section_seal.id)
        for seal_id, key, _, name, since in STATUTORY_SEALS:
            seals.append(Seal(seal_id, key, SealKind.OTHER_APPROVAL, name, "", since))
        return seals

    def _fee_schedules(self, catalogues: Sequence[Catalogue]) -> list[FeeSchedule]:
        standards: dict[str, list[FeeStandard]] = {}
        for specs in FEES.values():
            for spec in specs:
                bases = tuple(LegalBasis(*b) for b in spec.bases)
                standards.setdefault(spec.department, []).append(
                    FeeStandard(
                        spec.standard_id,
                        spec.name,
                        bases,
                        spec.rule,
                        published_on=dt.date(2023, 12, 22),
                    )
                )
                if not any(b.level in (LAW, AR) for b in bases):
                    self.reference_violations["fee_without_legal_basis"].append(spec.standard_id)
        return [FeeSchedule(f"fs-{key}", key, rows) for key, rows in standards.items()]

    def _acceptance_checks(self, offices: list[ApprovalOffice]) -> list[AcceptanceCheck]:
        rng, cal = self.rng, self.calendar
        checks = []
        every = tuple(AcceptancePoint)
        for office in offices:
            key = office.department_id
            on = _workday_between(rng, cal, dt.date(2008, 12, 11), dt.date(2008, 12, 30))
            failed: set[AcceptancePoint] = set()
            remarks = ""
            if not self._stationed(key):
                failed = set(every) - {AcceptancePoint.FUNCTIONS, AcceptancePoint.RULES}
                remarks = "审批办公室未进驻行政服务中心"
            elif key in ENTERED_LATE:
                failed = {AcceptancePoint.INSTITUTION, AcceptancePoint.STAFF, AcceptancePoint.ITEMS}
                remarks = "未按期进驻，限期整改"
            else:
                if office.items_entered_on is None:
                    failed.add(AcceptancePoint.ITEMS)
                    remarks = "部分审批项目仍在科室办理"
                if office.staff_entered_on is None:
                    failed.add(AcceptancePoint.STAFF)
                    remarks = "审批人员未全部进驻"
                if rng.random() < 0.08:
                    failed.add(AcceptancePoint.RULES)
                    remarks = remarks or "配套制度尚未印发"
            passed = tuple(p for p in every if p not in failed)
            checks.append(AcceptanceCheck(key, on, passed, remarks))
            if failed:
                self.reference_violations["acceptance_failed"].append(key)
            if key in ENTERED_LATE:
                later = _workday_between(rng, cal, dt.date(2009, 6, 1), dt.date(2009, 6, 30))
                checks.append(AcceptanceCheck(key, later, every, "整改后复查合格"))
        return checks

    def _items_reference_violations(self, catalogues: Sequence[Catalogue]) -> None:
        seen: set[str] = set()
        for catalogue in catalogues:
            for item in catalogue.items:
                if item.id in seen:
                    continue
                stat, prom = item.statutory_limit, item.promised_limit
                if stat.unit is prom.unit and prom.amount > stat.amount:
                    self.reference_violations["promised_exceeds_statutory"].append(item.id)
                    seen.add(item.id)
                if item.kind is ItemKind.FEE and not any(
                    b.level in (LAW, AR) for b in item.legal_basis
                ):
                    self.reference_violations["fee_without_legal_basis"].append(item.id)
                    seen.add(item.id)

    def _general_complaints(self) -> list[Complaint]:
        rng, cal = self.rng, self.calendar
        rows = (
            (ComplaintChannel.RATING, "scj", "窗口工作人员解释不清，要求多次往返"),
            (ComplaintChannel.HOTLINE, "zrzyj", "不动产登记分中心排队时间过长"),
            (ComplaintChannel.ONLINE, "jtj", "网上申报系统频繁无法提交"),
            (ComplaintChannel.LETTER, "dzj", "抗震设防要求确定须到局机关办理，未进驻大厅"),
            (ComplaintChannel.WINDOW, "gaj", "出入境窗口午间不办理业务"),
            (ComplaintChannel.HOTLINE, "cgj", "占道审批被要求到局机关缴费"),
        )
        complaints = []
        for n, (channel, key, summary) in enumerate(rows, start=1):
            received = _workday_between(rng, cal, dt.date(2024, 3, 1), dt.date(2026, 9, 30))
            handled = cal.add_workdays(received, rng.randint(1, 5))
            complaints.append(
                Complaint(
                    f"TS-G{n:03d}",
                    channel,
                    received,
                    key,
                    None,
                    summary,
                    handled,
                    "已核实，责成窗口整改并回访投诉人",
                )
            )
        return complaints

    # ------------------------------------------------------------ cases
    def _prepare_cases(self) -> None:
        cal = self.calendar
        days: list[dt.date] = []
        cumulative: list[float] = []
        total = 0.0
        day = FIRST_DAY
        while day <= LAST_SUBMISSION:
            total += _arrival_weight(day, cal)
            days.append(day)
            cumulative.append(total)
            day += ONE_DAY
        self._days, self._cumulative = days, cumulative
        self._pools: dict[tuple[int, bool], _Pool] = {}
        self._instant_pools: dict[tuple[int, bool], _Pool] = {}
        for version in (1, 2):
            for workday in (True, False):
                rows = [
                    (info, info.weight)
                    for info in self.items.values()
                    if version in info.versions
                    and info.weight > 0
                    and (workday or info.versions[version].online)
                ]
                self._pools[version, workday] = _Pool(rows)
                self._instant_pools[version, workday] = _Pool(
                    [(i, w) for i, w in rows if i.instant and i.joint is None]
                )
        self._letters = {letter.id: letter for letter in self.reference.letters}
        self._seals = {seal.id: seal for seal in self.reference.seals}
        self._site_inside = {s.id: s.kind.inside_hall for s in self.reference.hall.sites}
        self._section_ids = {s.id for s in self.reference.sections}
        self._statutory_seals = {word: seal_id for seal_id, _, word, _, _ in STATUTORY_SEALS}
        self._approving_sections = set(self.reference_violations["section_still_approving"])
        self._started = False

    def _day(self, index: int) -> dt.date:
        """The submission day of case ``index``: the arrival weights' quantile."""
        target = (index + 0.5) * self._cumulative[-1] / self.applications
        return self._days[min(bisect.bisect_left(self._cumulative, target), len(self._days) - 1)]

    def cases(self) -> Iterator[Application]:
        """The cases, one at a time, in submission order (a generator; run it once).

        Each case's violation labels go to :attr:`labels`, and a complaint it draws to
        :attr:`complaints`.
        """
        if self._started:
            raise RuntimeError("the cases of a CityStream are generated once")
        self._started = True
        for index in range(self.applications):
            application, labels, complaint = self._case(index)
            for label in labels:
                self.labels[label].append(application.id)
            if complaint is not None:
                self.complaints.append(complaint)
                try:
                    due: dt.date | None = self.calendar.add_workdays(complaint.received_on, 5)
                except CalendarDataMissing:
                    due = None  # received in the last days of the data: no due day to judge
                if due is not None and (complaint.handled_on is None or complaint.handled_on > due):
                    self.reference_violations["complaint_late"].append(complaint.id)
            self.produced += 1
            yield application

    def jurisdiction(self, applications: Iterable[Application] = ()) -> Jurisdiction:
        """The reference data with the complaints drawn so far and ``applications``."""
        return attrs.evolve(
            self.reference,
            complaints=(*self.reference.complaints, *self.complaints),
            applications=tuple(applications),
        )

    def violations(self) -> dict[str, Any]:
        """The violation manifest (``violations.json``): definitions, counts, subjects."""
        return {
            "city": CITY,
            "seed": self.seed,
            "applications": self.produced,
            "definitions": {"cases": CASE_VIOLATIONS, "reference": REFERENCE_VIOLATIONS},
            "counts": {
                "cases": {k: len(v) for k, v in self.labels.items()},
                "reference": {k: len(v) for k, v in self.reference_violations.items()},
            },
            "cases": self.labels,
            "reference": self.reference_violations,
        }

    def _case(self, index: int) -> tuple[Application, list[str], Complaint | None]:
        day = self._day(index)
        for attempt in range(4):
            try:
                return self._attempt(index, day, attempt)
            except (_Retry, CalendarDataMissing):
                continue
        return self._attempt(index, day, attempt=99)

    def _intent(self, info: ItemInfo, dept: DeptInfo) -> str | None:
        """The violation this case is meant to carry, if any (each a few percent)."""
        if not dept.spec.stationed:
            return None
        r = self.rng.random()
        timed = not info.instant
        eligible = (
            ("outside_hall", 0.015, dept.premises is not None),
            ("section_decides", 0.02, True),
            ("without_acceptance", 0.02, info.joint is None),
            ("fee_outside_hall", 0.12, info.spec.fee is not None),
            ("late_promise", 0.045, timed),
            ("late_law", 0.014, timed),
            ("late_extension", 0.01, timed),
            ("second_extension", 0.008, timed),
            ("unfounded_suspension", 0.012, timed),
            ("late_supplement", 0.018, timed),
            ("expired_letter", 0.012, bool(dept.expired_letters)),
            ("abolished_seal", 0.012, bool(dept.abolished_seals) and not info.spec.seal),
            ("not_in_catalogue", 0.008, info.joint is None),
        )
        acc = 0.0
        for kind, rate, ok in eligible:
            if ok:
                acc += rate
                if r < acc:
                    return kind
        return None

    def _authority(self, dept: DeptInfo, item_id: str, on: dt.date) -> tuple[str | None, str]:
        """The letter in force covering ``item_id`` on ``on`` and its grantee (else the head)."""
        for letter in dept.letters:
            if letter.covers(item_id, on):
                return letter.id, letter.grantee_id
        return None, dept.head_id

    def _attempt(
        self, index: int, day: dt.date, attempt: int
    ) -> tuple[Application, list[str], Complaint | None]:
        rng, cal = self.rng, self.calendar
        workday = cal.is_workday(day)
        version = 2 if day >= V2_DAY else 1
        pools = self._instant_pools if attempt >= 2 else self._pools
        info = pools[version, workday].pick(rng)
        item = info.versions[version]
        dept = self.depts[info.department]
        intent = None if attempt >= 2 else self._intent(info, dept)
        joint = info.joint
        item_ids = (item.id, *(c for c in info.component_ids if version in self.items[c].versions))
        statutory, promised = item.statutory_limit, item.promised_limit
        instant = info.instant
        unlisted = intent == "not_in_catalogue"
        if unlisted:
            dept = self.depts[rng.choice(UNLISTED)]
            item_ids = (f"{dept.spec.key}-unlisted-{rng.randint(1, 3)}",)
            statutory, promised = TimeLimit.workdays(20), TimeLimit.workdays(10)
            instant, joint = False, None
        online_share = 0.3 + 0.12 * (day.year - 2024)
        if not workday or (item.online and not unlisted and rng.random() < online_share):
            channel = Channel.ONLINE
        else:
            channel = Channel.WINDOW
        at_window = channel is Channel.WINDOW
        window_id: str | None = None
        if dept.spec.stationed:
            site_key = (
                info.spec.site if info.spec.site in dept.windows else next(iter(dept.windows))
            )
            window_id = rng.choice(dept.windows[site_key])
            site_id = f"site-{site_key}"
            clerk = rng.choice(dept.window_staff[window_id])
        else:
            assert dept.premises is not None
            site_id = dept.premises
            clerk = rng.choice(dept.office_staff)
        applicant = self._applicant(info.spec.who, dept.spec.trades)
        app_id = f"QL{day:%Y%m%d}{index + 1:07d}"
        events: list[tuple[dt.date, int, Event]] = [
            (
                day,
                0,
                Submitted(day, site_id if at_window else None, window_id if at_window else None),
            )
        ]
        steps: list[tuple[str, dt.date, Any]] = []
        notice: dt.date | None = None
        decision: Decided | None = None
        fee_paid: FeePaid | None = None
        refused = False

        def finish(labels: list[str]) -> tuple[Application, list[str], Complaint | None]:
            for kind, on, value in steps:
                if kind == "suspend":
                    events.append((on, 4, Suspended(on, value, _pause_basis(value))))
                elif kind == "resume":
                    events.append((on, 5, Resumed(on)))
                else:
                    reason = EXTENSION_REASONS[joint is not None]
                    events.append((on, 6, Extended(on, value, dept.head_id, reason)))
            ordered = sorted(events, key=lambda e: (e[0], e[1]))
            application = Application(
                app_id,
                applicant,
                item_ids,
                channel,
                tuple(e for _, _, e in ordered),
                site_id=site_id,
                lead_department_id=joint.lead if joint else None,
            )
            labels = [*labels, *self._time_labels(application)]
            complaint = self._complaint(index, application, dept, labels, refused)
            return application, [k for k in CASE_VIOLATIONS if k in labels], complaint

        # ---- intake (行政许可法 art. 32)
        can_act_today = workday and at_window
        r = rng.random()
        if intent == "late_supplement" or (not instant and r < 0.10):
            k = (
                rng.randint(6, 10)
                if intent == "late_supplement"
                else rng.randint(0 if can_act_today else 1, 5)
            )
            notice = day if k == 0 else cal.add_workdays(day, k)
            names = [m.name for m in item.materials] or ["申请书"]
            missing = rng.sample(names, k=min(len(names), rng.randint(1, 2)))
            events.append((notice, 1, SupplementRequested(notice, missing, clerk)))
            if intent is None and rng.random() < 0.08:
                if rng.random() < 0.6:
                    gone = notice + dt.timedelta(days=rng.randint(5, 30))
                    events.append((gone, 11, Withdrawn(gone, "申请人未按期补正，撤回申请")))
                return finish([])
            back = notice + dt.timedelta(days=rng.randint(1, 12))
            if at_window and not cal.is_workday(back):
                back = cal.add_workdays(back, 1)
            events.append((back, 2, Supplemented(back)))
            accepted = (
                back if cal.is_workday(back) and rng.random() < 0.7 else cal.add_workdays(back, 1)
            )
        elif intent is None and not joint and r < 0.13:
            refused = True
            on = day if can_act_today else cal.add_workdays(day, rng.randint(1, 3))
            reason, referral = rng.choice(REFUSALS)
            events.append((on, 3, NotAccepted(on, reason, referral, clerk)))
            return finish([])
        elif (can_act_today and rng.random() < 0.9) or (workday and rng.random() < 0.3):
            accepted = day
        else:
            accepted = cal.add_workdays(day, rng.randint(1, 2))
        if accepted > END:
            raise _Retry
        if intent != "without_acceptance":
            events.append((accepted, 3, Accepted(accepted, clerk, site_id, window_id)))

        def due(limit: TimeLimit, start: dt.date = accepted) -> dt.date:
            value = _replay(limit, start, steps, cal).due
            assert isinstance(value, dt.date)
            return value

        # ---- review: suspensions (art. 45), extensions (art. 42), the decision day
        timed = not instant or joint is not None
        hours = promised.unit is TimeUnit.HOURS
        decided_on = accepted
        if timed:
            bound = due(statutory) if hours else min(due(statutory), due(promised))
            pause = info.spec.pause if not unlisted else None
            if intent == "unfounded_suspension" or (
                intent is None and ((pause and rng.random() < 0.12) or rng.random() < 0.012)
            ):
                reason = None
                if intent != "unfounded_suspension":
                    reason = pause or rng.choice((E.INSPECTION, E.APPRAISAL, E.TESTING))
                span = cal.workdays_between(accepted, bound)
                if span >= 2:
                    stop = cal.add_workdays(accepted, rng.randint(1, span - 1))
                    steps.append(("suspend", stop, reason))
                    steps.append(("resume", cal.add_workdays(stop, rng.randint(3, 15)), None))
            extendable = statutory.unit is TimeUnit.WORKDAYS and (
                hours or promised.unit is TimeUnit.WORKDAYS
            )
            by = TimeLimit.workdays(15 if joint else 10)
            last = steps[-1][1] if steps else accepted
            if extendable and intent == "late_extension":
                steps.append(("extend", cal.add_workdays(due(statutory), rng.randint(1, 3)), by))
            elif extendable and (
                intent == "second_extension" or (intent is None and rng.random() < 0.03)
            ):
                current = due(statutory) if hours else min(due(statutory), due(promised))
                first = max(cal.add_workdays(current, -3), cal.add_workdays(last, 1))
                if first <= current:
                    extended = _workday_between(rng, cal, first, current)
                    steps.append(("extend", extended, by))
                    if intent == "second_extension":
                        current = due(statutory) if hours else min(due(statutory), due(promised))
                        again = cal.add_workdays(extended, 1)
                        if again <= current:
                            steps.append(
                                (
                                    "extend",
                                    _workday_between(rng, cal, again, current),
                                    TimeLimit.workdays(10),
                                )
                            )
            statutory_due = due(statutory)
            if statutory_due > END:
                raise _Retry
            promised_due = statutory_due if hours else due(promised)
            last = max([accepted, *(on for _, on, _ in steps)])
            low = max(cal.add_workdays(accepted, 1), last)
            clean = min(statutory_due, promised_due)
            if not unlisted:
                for other in info.versions.values():
                    if other.promised_limit.unit is not TimeUnit.HOURS:
                        clean = min(clean, due(other.promised_limit))
            if notice is not None and notice > cal.add_workdays(day, 5):
                # Deemed accepted on the day the materials came (art. 32 (4)).
                clean = min(clean, due(statutory, day))
                if not hours:
                    clean = min(clean, due(promised, day))
            if intent == "late_law":
                decided_on = cal.add_workdays(statutory_due, rng.randint(1, 10))
            elif intent == "late_promise" and promised_due < statutory_due:
                gap = cal.workdays_between(promised_due, statutory_due)
                decided_on = max(low, cal.add_workdays(promised_due, rng.randint(1, gap)))
            elif intent == "late_extension":
                decided_on = _workday_between(rng, cal, last, max(last, clean))
            else:
                high = max(low, clean)
                span = cal.workdays_between(low, high)
                decided_on = cal.add_workdays(low, round(span * rng.betavariate(1.4, 2.2)))
            if decided_on > END:
                raise _Retry
        elif intent != "without_acceptance" and due(statutory) > END:
            raise _Retry

        # ---- withdrawal, opinions of co-departments, the decision
        if intent is None and timed and rng.random() < 0.02:
            events.append((decided_on, 11, Withdrawn(decided_on, "申请人主动撤回申请")))
            return finish(self._labels(None, None))
        outcome = Outcome.DENIED if rng.random() < 0.04 else Outcome.APPROVED
        if joint is not None:
            for co in joint.co:
                limit = next(
                    (
                        self.items[c].versions[version].promised_limit
                        for c in item_ids[1:]
                        if self.items[c].department == co
                    ),
                    None,
                )
                high = decided_on
                if limit is not None:
                    high = min(
                        high,
                        accepted
                        if limit.unit is TimeUnit.HOURS
                        else _replay(limit, accepted, (), cal).due,
                    )
                opinion_on = _workday_between(
                    rng, cal, min(cal.add_workdays(accepted, 1), high), high
                )
                opinion = Outcome.DENIED if rng.random() < 0.02 else Outcome.APPROVED
                if opinion is Outcome.DENIED:
                    outcome = Outcome.DENIED
                _, official = self._authority(self.depts[co], item_ids[0], opinion_on)
                events.append((opinion_on, 7, OpinionGiven(opinion_on, co, opinion, official)))
        decision_site = site_id
        if intent == "outside_hall":
            assert dept.premises is not None
            decision_site = dept.premises
        letter_id, official_id = self._authority(dept, item_ids[0], decided_on)
        unit_id = dept.office_id
        if intent == "section_decides":
            approving = [s for s in dept.sections if s in self._approving_sections]
            unit_id = approving[0] if approving else rng.choice(dept.sections[:-1] or dept.sections)
            official_id = dept.section_staff[unit_id]
        if intent == "expired_letter":
            letter_id = rng.choice(dept.expired_letters)
        seal_id = dept.dedicated_seal
        if item.seal_exception and not unlisted:
            seal_id = next(s for w, s in self._statutory_seals.items() if w in item.seal_exception)
        if intent == "abolished_seal":
            seal_id = rng.choice(dept.abolished_seals)
        reasons = ""
        if outcome is Outcome.DENIED:
            first = item.legal_basis[0]
            basis = "法定" if unlisted else f"《{first.title}》{first.article}"
            reasons = f"不符合{basis}规定的条件，依法不予许可"
        decision = Decided(
            decided_on,
            outcome,
            dept.spec.key,
            official_id,
            decision_site,
            unit_id,
            letter_id,
            seal_id,
            reasons,
        )
        events.append((decided_on, 9, decision))
        if outcome is Outcome.APPROVED and info.spec.fee and not unlisted:
            fee_paid = self._fee(
                index,
                info.spec.fee,
                decided_on,
                at_window,
                decision_site,
                dept,
                intent == "fee_outside_hall",
            )
            events.append((decided_on, 8, fee_paid))
        if outcome is Outcome.APPROVED and item.kind is not ItemKind.FEE:
            delivered = decided_on
            if rng.random() < 0.5:
                delivered = cal.add_workdays(decided_on, rng.randint(1, 5))
            if delivered > END:
                delivered = decided_on
            method = rng.choice(("窗口领取", "邮寄送达", "电子证照"))
            events.append((delivered, 10, Delivered(delivered, method)))
        labels = self._labels(decision, fee_paid)
        if intent == "without_acceptance":
            labels.append("without_acceptance")
        if unlisted:
            labels.append("not_in_catalogue")
        return finish(labels)

    def _time_labels(self, application: Application) -> list[str]:
        """The case's time violations as its legal timeline (:mod:`shenpi.timeline`)
        reads them: a late supplement notice (art. 32 (4)), steps the law does not let
        move the period (arts. 42, 45), decisions late against the law or the promise."""
        if application.accepted_on is None and application.decision is None:
            return []
        line = Timeline.of(application, self.reference, as_of=END, calendar=self.calendar)
        labels = []
        answer = line.intake_answer
        due = line.intake_due
        events = application.events
        if (
            answer is not None
            and due is not None
            and isinstance(events[answer], SupplementRequested)
            and events[answer].on > due.on
        ):
            labels.append("late_supplement")
        for fault, label in STEP_LABELS.items():
            if line.faults(fault):
                labels.append(label)
        for decision in line.decisions:
            statutory, promised = decision.statutory, decision.promised
            if statutory is not None and statutory.late:
                labels.append("late_law")
            elif promised is not None and promised.late:
                labels.append("late_promise")
        return labels

    def _labels(self, decision: Decided | None, fee_paid: FeePaid | None) -> list[str]:
        """The violations a case shows, read from its data the way a rule would."""
        labels = []
        if fee_paid is not None and not fee_paid.payment.collected_at.unified:
            labels.append("fee_outside_hall")
        if decision is not None:
            assert decision.site_id is not None
            if not self._site_inside[decision.site_id]:
                labels.append("outside_hall")
            if decision.unit_id in self._section_ids:
                labels.append("section_decides")
            if decision.letter_id is None:
                labels.append("decision_without_letter")
            elif not self._letters[decision.letter_id].in_force(decision.on):
                labels.append("expired_letter")
            assert decision.seal_id is not None
            if not self._seals[decision.seal_id].active(decision.on):
                labels.append("abolished_seal")
        return labels

    # ------------------------------------------------------------ parts of a case
    def _applicant(self, who: str, trades: tuple[str, ...]) -> Applicant:
        rng = self.rng
        if who == "both":
            who = "person" if rng.random() < 0.6 else "org"
        if who == "person":
            given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 20000))
            area = rng.choice(AREA_CODES) if born.year >= 1983 else OLD_AREA_CODE
            body = f"{area}{born:%Y%m%d}{rng.randint(1, 999):03d}"
            number = body + ric.calc_check_digit(body + "0")
            return Applicant(
                ApplicantType.PERSON,
                rng.choice(SURNAMES) + given,
                number,
                IdentifierKind.RESIDENT_ID,
            )
        kind = ApplicantType.LEGAL_PERSON
        if who == "social":
            name, prefix = CITY + rng.choice(SOCIAL_NAMES), rng.choice(("51", "52"))
            kind = ApplicantType.OTHER_ORGANIZATION
        elif who == "gov":
            name, prefix = CITY + rng.choice(GOV_NAMES), rng.choice(("11", "12"))
        else:
            suffix = "股份有限公司" if rng.random() < 0.03 else "有限公司"
            name = f"{CITY}{rng.choice(FIRM_NAMES)}{rng.choice(trades)}{suffix}"
            prefix = "91"
        code = "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
        body = f"{prefix}{rng.choice(AREA_CODES)}{code}"
        return Applicant(kind, name, body + uscc.calc_check_digit(body), IdentifierKind.USCC)

    def _fee(
        self,
        index: int,
        key: str,
        on: dt.date,
        at_window: bool,
        site_id: str,
        dept: DeptInfo,
        by_department: bool,
    ) -> FeePaid:
        rng = self.rng
        specs = FEES[key]
        spec = specs[0] if len(specs) == 1 or rng.random() < 0.8 else specs[1]
        rule = spec.rule
        quantity = None
        if rule.kind is RuleKind.FIXED:
            assert rule.amount is not None
            amount = rule.amount
        elif rule.kind is RuleKind.RANGE:
            assert rule.minimum is not None
            assert rule.maximum is not None
            amount = (
                decimal.Decimal(rng.randint(int(rule.minimum) // 100, int(rule.maximum) // 100))
                * 100
            )
        else:
            assert spec.quantity is not None
            quantity = decimal.Decimal(rng.randint(*spec.quantity))
            amount = rule.charge(quantity)
        point = CollectionPoint.HALL_CASHIER if at_window else CollectionPoint.HALL_ONLINE
        where: str | None = site_id if at_window else None
        method = rng.choice(("银行卡", "扫码支付")) if at_window else "网上缴费"
        if by_department or not dept.spec.stationed:
            point, where, method = CollectionPoint.DEPARTMENT, dept.premises, "部门财务室收取"
        payment = Payment(
            amount,
            point,
            f"fs-{spec.department}",
            spec.standard_id,
            quantity,
            where,
            method,
            f"QLFS{on:%Y}{index + 1:08d}",
        )
        return FeePaid(on, payment)

    def _complaint(
        self,
        index: int,
        application: Application,
        dept: DeptInfo,
        labels: list[str],
        refused: bool,
    ) -> Complaint | None:
        rng, cal = self.rng, self.calendar
        if "late_law" in labels or "late_promise" in labels:
            chance, summary = 0.18, "办件超过承诺时限仍未办结"
        elif refused:
            chance, summary = 0.05, "对不予受理决定有异议"
        elif labels:
            chance, summary = (
                0.03,
                rng.choice(("窗口要求到局机关办理", "被要求重复提交材料", "收费未开具统一票据")),
            )
        else:
            chance, summary = 0.002, rng.choice(("窗口等候时间过长", "网上申报系统操作不便"))
        if rng.random() >= chance:
            return None
        received = application.events[-1].on + dt.timedelta(days=rng.randint(1, 30))
        if received > END:
            return None
        channel = rng.choice(tuple(ComplaintChannel))
        handled: dt.date | None = cal.add_workdays(
            received, rng.randint(6, 15) if rng.random() < 0.08 else rng.randint(1, 5)
        )
        assert handled is not None
        if handled > END or rng.random() < 0.03:
            handled = None
        outcome = (
            ""
            if handled is None
            else rng.choice(
                ("已核实，责成部门限期整改并回访", "经核实不属实，已向投诉人说明", "已协调办结")
            )
        )
        return Complaint(
            f"TS-{index + 1:07d}",
            channel,
            received,
            dept.spec.key,
            application.id,
            summary,
            handled,
            outcome,
        )


# ============================================================== helpers
ONE_DAY = dt.timedelta(days=1)
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
MONTH_FACTOR = (0.9, 0.8, 1.1, 1.1, 1.0, 1.05, 0.95, 0.9, 1.05, 0.95, 1.05, 1.1)
WEEKDAY_FACTOR = (1.15, 1.05, 1.0, 1.0, 0.9, 1.0, 1.0)
REFUSALS = (
    ("申请事项依法不需要取得行政许可", ""),
    ("申请事项不属于本机关职权范围", "请向省级主管部门提出申请"),
    ("申请人隐瞒有关情况，提供的材料不真实", ""),
)
EXTENSION_REASONS = (
    "情况复杂，经本机关负责人批准延长十个工作日（行政许可法 第四十二条）",
    "经本级人民政府负责人批准延长十五个工作日（行政许可法 第四十二条）",
)
STEP_LABELS = {
    Fault.LATE_EXTENSION: "late_extension",
    Fault.SECOND_EXTENSION: "second_extension",
    Fault.UNFOUNDED_SUSPENSION: "unfounded_suspension",
}
"""The answer key's labels of the steps the timeline finds at fault."""


class _Retry(Exception):
    """This draw does not fit in the calendar's data; draw the case again."""


class _Pool:
    """Items to draw from, by weight."""

    def __init__(self, rows: Sequence[tuple[ItemInfo, float]]) -> None:
        self.items = [info for info, _ in rows]
        self.cumulative: list[float] = []
        total = 0.0
        for _, weight in rows:
            total += weight
            self.cumulative.append(total)

    def pick(self, rng: random.Random) -> ItemInfo:
        target = rng.random() * self.cumulative[-1]
        return self.items[min(bisect.bisect_right(self.cumulative, target), len(self.items) - 1)]


def _arrival_weight(day: dt.date, cal: WorkCalendar) -> float:
    """How many cases arrive on ``day``, relatively: seasons, weekdays, the Spring
    Festival; on rest days only online submissions (a few percent)."""
    weight = MONTH_FACTOR[day.month - 1] * (1 + 0.06 * (day.year - 2024))
    if not cal.is_workday(day):
        return weight * 0.06
    weight *= WEEKDAY_FACTOR[day.weekday()]
    for festival in SPRING_FESTIVALS:
        delta = (day - festival).days
        if -12 <= delta < 0:
            weight *= 0.55
        elif 0 <= delta <= 12:
            weight *= 0.65
    return weight


def _pause_basis(reason: Suspension | None) -> str:
    return "" if reason is None else f"行政许可法 第四十五条（{reason.label_zh}）"


def _replay(
    limit: TimeLimit, start: dt.date, steps: Sequence[tuple[str, dt.date, Any]], cal: WorkCalendar
) -> Clock:
    """The clock for ``limit`` from ``start`` as the law leaves it after the suspensions
    and extensions (:func:`shenpi.timeline.lawful_clock`: a step the law does not allow
    does not move it), to place the case's next events."""
    kinds = {"suspend": EventKind.SUSPEND, "resume": EventKind.RESUME, "extend": EventKind.EXTEND}
    raw = [
        ClockStep(
            i,
            kinds[kind],
            on,
            value if kind == "suspend" else None,
            _pause_basis(value) if kind == "suspend" else "",
            value if kind == "extend" else None,
            approved=True,
        )
        for i, (kind, on, value) in enumerate(steps)
    ]
    clock, _ = lawful_clock(Clock.start(limit, on=start, calendar=cal), raw, cap=_JOINT_CAP)
    return clock


_JOINT_CAP = TimeLimit.workdays(15)
"""The cap of an extension the generator places (art. 42: 10, joint handling 15)."""


# ============================================================== entry points
def build_reference(seed: int = DEFAULT_SEED) -> Jurisdiction:
    """The city's reference data (no cases, no complaints about cases) for ``seed``."""
    return CityStream(seed, 0).reference


def build_city(seed: int = DEFAULT_SEED, applications: int = DEFAULT_APPLICATIONS) -> Jurisdiction:
    """The whole city for ``seed`` with ``applications`` cases, in memory.

    Deterministic: the same arguments give an equal value (and equal files).
    """
    city = CityStream(seed, applications)
    cases = list(city.cases())
    return city.jurisdiction(cases)


@dataclasses.dataclass
class Written:
    """What :func:`write_city` wrote and how long the cases took."""

    directory: Path
    applications: int
    seconds: float
    files: dict[str, int]
    counts: dict[str, int]

    @property
    def rate(self) -> float:
        """Cases generated and written per second."""
        return self.applications / self.seconds if self.seconds else 0.0


def write_city(
    directory: Path,
    seed: int = DEFAULT_SEED,
    applications: int = DEFAULT_APPLICATIONS,
    *,
    compress: bool = False,
) -> Written:
    """Write ``reference.json``, ``applications.jsonl`` (``.jsonl.gz`` with ``compress``)
    and ``violations.json`` to ``directory``, streaming the cases."""
    directory.mkdir(parents=True, exist_ok=True)
    city = CityStream(seed, applications)
    name = "applications.jsonl.gz" if compress else "applications.jsonl"
    for stale in ("applications.jsonl", "applications.jsonl.gz"):
        if stale != name:
            (directory / stale).unlink(missing_ok=True)
    started = time.perf_counter()
    written = io.dump_applications(city.cases(), directory / name)
    seconds = time.perf_counter() - started
    io.dump_reference(city.jurisdiction(), directory / "reference.json")
    manifest = json.dumps(city.violations(), ensure_ascii=False, indent=1) + "\n"
    (directory / "violations.json").write_text(manifest, encoding="utf-8", newline="\n")
    files = {
        path.name: path.stat().st_size
        for path in sorted(directory.iterdir())
        if path.name in ("reference.json", name, "violations.json")
    }
    counts = {k: len(v) for k, v in city.labels.items()}
    return Written(directory, written, seconds, files, counts)


def bundle(root: Path) -> tuple[Written, Path]:
    """Write the default city to ``examples/city`` and its package copy (cases
    gzip-compressed when :data:`PACKAGE_GZIP`) to ``src/shenpi/data/city``."""
    plain = write_city(root / BUNDLE_DIRS[0])
    package = root / BUNDLE_DIRS[1]
    package.mkdir(parents=True, exist_ok=True)
    for name in ("reference.json", "violations.json"):
        shutil.copyfile(plain.directory / name, package / name)
    for stale in ("applications.jsonl", "applications.jsonl.gz"):
        (package / stale).unlink(missing_ok=True)
    target = package / ("applications.jsonl.gz" if PACKAGE_GZIP else "applications.jsonl")
    io.dump_applications(io.iter_applications(plain.directory / "applications.jsonl"), target)
    return plain, package


def _same(directory: Path, bundled: Path) -> bool:
    names = ("reference.json", "applications.jsonl", "violations.json")
    return all(
        (bundled / n).exists() and filecmp.cmp(directory / n, bundled / n, shallow=False)
        for n in names
    )


def _report(written: Written, out: Any = sys.stdout) -> None:
    sizes = ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in written.files.items())
    print(f"{CITY}: {written.applications} cases in {written.directory}", file=out)
    print(f"  files: {sizes}", file=out)
    print(
        f"  cases generated and written in {written.seconds:.2f} s ({written.rate:,.0f} cases/s)",
        file=out,
    )
    counts = ", ".join(f"{k} {v}" for k, v in written.counts.items())
    print(f"  violations: {counts}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--applications", type=int, default=DEFAULT_APPLICATIONS)
    parser.add_argument("--out", type=Path, help="write here (default: a temporary directory)")
    parser.add_argument("--gzip", action="store_true", help="write applications.jsonl.gz")
    parser.add_argument(
        "--bundle", action="store_true", help="rewrite the bundled city (default seed and size)"
    )
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    if args.bundle:
        written, package = bundle(root)
        _report(written)
        print(f"  package copy: {package}")
        return 0
    if args.out is not None:
        _report(write_city(args.out, args.seed, args.applications, compress=args.gzip))
        return 0
    with tempfile.TemporaryDirectory(prefix="qinglan-") as tmp:
        written = write_city(Path(tmp), args.seed, args.applications, compress=args.gzip)
        _report(written)
        default = (args.seed, args.applications, args.gzip) == (
            DEFAULT_SEED,
            DEFAULT_APPLICATIONS,
            False,
        )
        if default:
            same = _same(Path(tmp), root / BUNDLE_DIRS[0])
            print(f"  equals the bundled copy in {BUNDLE_DIRS[0]}: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
