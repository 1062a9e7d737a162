"""Shared pieces of the strategies: ids, names, days, money, identifiers of applicants.

By default every day a strategy draws lies in the official calendar's coverage
(2004-01-01 … 2026-12-31), so the calendar can count every value it makes.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import functools
import random
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue

T = TypeVar("T")

FIRST_DAY = _dt.date(2004, 1, 1)
"""The first day of the official calendar's data: the default lower bound of every day."""
LAST_DAY = _dt.date(2026, 12, 31)
"""The last day of the official calendar's data: no generated day comes after it."""

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹"
GIVEN_NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国立新海燕玉兰志红"
DEPARTMENT_NAMES = (
    "市场监督管理局",
    "住房和城乡建设局",
    "自然资源局",
    "生态环境局",
    "交通运输局",
    "卫生健康委员会",
    "教育局",
    "公安局",
    "民政局",
    "农业农村局",
    "文化广电旅游局",
    "商务局",
    "水利局",
    "人力资源和社会保障局",
    "应急管理局",
    "林业局",
)
ITEM_NAMES = (
    "食品经营许可",
    "建筑工程施工许可",
    "排污许可",
    "道路运输经营许可",
    "医疗机构执业登记",
    "民办学校办学许可",
    "户外广告设置许可",
    "取水许可",
    "娱乐场所经营许可",
    "特种设备使用登记",
    "危险化学品经营许可",
    "公共场所卫生许可",
    "林木采伐许可",
    "渔业捕捞许可",
    "出版物零售许可",
    "犬类登记",
)
MATERIAL_NAMES = (
    "申请书",
    "营业执照",
    "法定代表人身份证明",
    "经营场所使用证明",
    "设备设施清单",
    "技术方案",
    "环境影响评价文件",
    "授权委托书",
    "平面布局图",
    "管理制度文本",
    "从业人员健康证明",
    "检验检测报告",
)
CONDITIONS = (
    "具有与经营项目相适应的场所",
    "具有相应的专业技术人员",
    "具有健全的管理制度",
    "符合规划和安全要求",
)
PROCEDURE_STEPS = ("受理", "审查", "现场核查", "决定", "送达")
LAW_TITLES = (
    "中华人民共和国行政许可法",
    "中华人民共和国食品安全法",
    "中华人民共和国建筑法",
    "中华人民共和国水法",
    "中华人民共和国道路运输条例",
    "特种设备安全监察条例",
    "吉林省城市市容和环境卫生管理条例",
    "国务院对确需保留的行政审批项目设定行政许可的决定",
)


@functools.cache
def official() -> WorkCalendar:
    """The official calendar (built once; importing the kit reads no calendar data)."""
    return WorkCalendar.official()


def nonblank(value: str) -> str:
    """``value`` if it has a visible character, else ``value`` prefixed with one."""
    return value if value.strip() else "名" + value


AWKWARD_TEXT = (
    "换行\n之后",
    '引号"与\\反斜杠',
    "emoji 😀",
    "零宽\u200b字符",
    "制表\t符",
    "NUL\x00字符",
    "从右到左\u202e",
    "扩展B区𠀀字",
    "  前后有空格  ",
    "<b>&amp;</b>",
    "ǅ ß ﬁ",
)
"""Non-blank texts that trip serializers: control characters, astral and bidi
characters, quotes, markup, surrounding spaces."""
AWKWARD_IDS = tuple(t.strip() for t in AWKWARD_TEXT)
"""The same texts as ids (stripped: an id has no surrounding spaces)."""


@functools.cache
def free_text() -> st.SearchStrategy[str]:
    """Any short, non-blank text: mostly awkward characters, sometimes drawn freely."""
    return st.one_of(st.sampled_from(AWKWARD_TEXT), st.text(min_size=1, max_size=6).map(nonblank))


@functools.cache
def names(pool: tuple[str, ...] | str) -> st.SearchStrategy[str]:
    """A realistic name from ``pool``, or now and then an awkward one."""
    return st.sampled_from((*tuple(pool), *AWKWARD_TEXT[:4]))


@functools.cache
def person_names() -> st.SearchStrategy[str]:
    """A Chinese personal name: one surname and one or two given-name characters."""
    return SEEDS.map(lambda seed: Looks(seed).person())


@functools.cache
def ids(prefix: str) -> st.SearchStrategy[str]:
    """An identifier: mostly ``prefix`` plus a number, sometimes an awkward text."""
    return st.one_of(
        st.integers(0, 999).map(lambda n: f"{prefix}{n}"), st.sampled_from(AWKWARD_IDS)
    )


def id_from(values: Sequence[str] | None, prefix: str) -> st.SearchStrategy[str]:
    """An id drawn from ``values``, or any id when ``values`` is None."""
    if values is None:
        return ids(prefix)
    pool = tuple(values)
    if not pool:
        raise InvalidValue(prefix, pool, "give at least one id to draw from.", "至少提供一个编号。")
    return _sampled(pool)


@functools.lru_cache(maxsize=512)
def _sampled(pool: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(pool)


def check_ids(name: str, values: object) -> tuple[str, ...]:
    """``values`` as a tuple of distinct ids, or an error naming the argument ``name``.

    Refuses a bare string (``department_ids="D0"`` would be read as ids ``"D"``, ``"0"``),
    an empty sequence, duplicates, and anything that is not an id (non-empty text without
    surrounding spaces).
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InvalidType(
            name, values, "expected a sequence of ids, such as a list.", "应为编号序列（如列表）。"
        )
    pool = tuple(values)
    if not pool:
        raise InvalidValue(name, pool, "give at least one id.", "至少提供一个编号。")
    for i, value in enumerate(pool):
        if not isinstance(value, str):
            raise InvalidType(f"{name}[{i}]", value, "expected an id (text).", "应为编号（文本）。")
        if not value or value != value.strip():
            raise InvalidValue(
                f"{name}[{i}]",
                value,
                "an id must be non-empty with no surrounding spaces.",
                "编号不能为空，且首尾不能有空格。",
            )
    if len(set(pool)) != len(pool):
        twice = sorted({x for x in pool if pool.count(x) > 1})
        raise InvalidValue(name, pool, f"repeats {', '.join(twice)}.", "编号重复。")
    return pool


def check_days(first: _dt.date, last: _dt.date, low: str = "start", high: str = "end") -> None:
    """Refuse bounds that are not dates, lie outside the calendar's data, or are reversed."""
    for name, value in ((low, first), (high, last)):
        if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
            raise InvalidType(name, value, "expected a date.", "应为日期。")
        if not FIRST_DAY <= value <= LAST_DAY:
            raise InvalidValue(
                name,
                value,
                f"lies outside the official calendar's data ({FIRST_DAY} … {LAST_DAY}).",
                "超出官方日历数据范围。",
            )
    if last < first:
        raise InvalidValue(high, last, f"is before {low}={first}.", "结束日期早于开始日期。")


def workday_on_or_after(day: _dt.date) -> _dt.date:
    """``day`` if it is a working day, else the first working day after it."""
    cal = official()
    return day if cal.is_workday(day) else cal.add_workdays(day, 1)


def workday_on_or_before(day: _dt.date) -> _dt.date:
    """``day`` if it is a working day, else the last working day before it."""
    cal = official()
    return day if cal.is_workday(day) else cal.add_workdays(day, -1)


def days_between(first: _dt.date, last: _dt.date) -> st.SearchStrategy[_dt.date]:
    """Any day in ``[first, last]``."""
    return st.dates(min_value=first, max_value=last)


def workdays_between(first: _dt.date, last: _dt.date) -> st.SearchStrategy[_dt.date]:
    """A working day in ``[first, last]`` drawn by index (no rejection); ``first`` is
    returned when the range holds no working day."""
    cal = official()
    begin = workday_on_or_after(first)
    if begin > last:
        return st.just(first)
    count = cal.workdays_between(begin, last)
    return st.integers(0, count).map(lambda k: cal.add_workdays(begin, k))


@functools.cache
def money(maximum: int = 100_000) -> st.SearchStrategy[decimal.Decimal]:
    """An amount in yuan: a non-negative ``Decimal`` with at most two places."""
    return st.integers(0, maximum * 100).map(lambda cents: decimal.Decimal(cents).scaleb(-2))


@functools.cache
def positive_money(maximum: int = 10_000) -> st.SearchStrategy[decimal.Decimal]:
    """A positive amount in yuan with at most two places."""
    return st.integers(1, maximum * 100).map(lambda cents: decimal.Decimal(cents).scaleb(-2))


# --------------------------------------------------------------------- identifiers
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The characters of a unified social credit code (GB 32100-2015: no I, O, S, V, Z)."""
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"

USCC_PREFIXES = {
    "legal_person": ("91", "92", "93", "11", "12", "13", "51", "52", "53"),
    "other_organization": ("19", "59", "92", "93", "31", "39"),
}
"""Registering authority and entity type (digits 1-2): 9 市场监管 (1 企业, 2 个体工商户,
3 农民专业合作社), 1 机构编制 (1 机关, 2 事业单位, 3 中央编办直接管理, 9 其他),
5 民政 (1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他), 3 司法行政."""

REGION_CODES = (
    ("110101", 1940),
    ("110102", 1940),
    ("110105", 1940),
    ("110108", 1940),
    ("120101", 1940),
    ("120103", 1940),
    ("310101", 1940),
    ("310104", 1940),
    ("310105", 1940),
    ("310106", 1940),
    ("220102", 1983),
    ("220104", 1983),
    ("440305", 1983),
    ("320102", 1983),
    ("330106", 1983),
    ("420102", 1983),
)
"""Administrative division codes (GB/T 2260) with the first birth year each is valid for."""


def organization_check(body: str) -> str:
    """The check character of a 9-character organization code (GB 11714-1997)."""
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def uscc_check(first17: str) -> str:
    """The 18th (check) character of a unified social credit code (GB 32100-2015)."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id_check(first17: str) -> str:
    """The 18th (check) character of a resident identity number (GB 11643-1999)."""
    remainder = (1 - 2 * int(first17, 13)) % 11
    return "X" if remainder == 10 else str(remainder)


class Looks(random.Random):
    """Seeded choices for what no rule looks at: names, wording, receipts, identifiers.

    A world draws one seed and takes its cosmetic details from it, so that Hypothesis
    spends its choices (and its shrinking) on structure: counts, kinds, days, limits.
    """

    def pick(self, pool: Sequence[T]) -> T:
        """One element of ``pool``."""
        return pool[self.randrange(len(pool))]

    def some(self, pool: Sequence[T], most: int = 2) -> tuple[T, ...]:
        """One to ``most`` distinct elements of ``pool``, in pool order."""
        chosen = sorted(self.sample(range(len(pool)), self.randint(1, min(most, len(pool)))))
        return tuple(pool[i] for i in chosen)

    def person(self) -> str:
        """A Chinese personal name."""
        given = "".join(self.pick(GIVEN_NAMES) for _ in range(self.randint(1, 2)))
        return self.pick(SURNAMES) + given

    def day(self, first: _dt.date, last: _dt.date) -> _dt.date:
        """A day in ``[first, last]``."""
        return first + _dt.timedelta(days=self.randint(0, (last - first).days))

    def uscc(self, prefixes: Sequence[str] = ()) -> str:
        """A unified social credit code with valid organization-code and USCC check
        characters (GB 11714, GB 32100)."""
        prefix = self.pick(prefixes or USCC_PREFIXES["legal_person"])
        body = "".join(self.pick(_ORG_BODY) for _ in range(8))
        first17 = prefix + self.pick(REGION_CODES)[0] + body + organization_check(body)
        return first17 + uscc_check(first17)

    def resident_id(self) -> str:
        """A resident identity number (GB 11643) with a real region, birth day and check."""
        region, first_year = self.pick(REGION_CODES)
        born = self.day(_dt.date(first_year, 1, 1), _dt.date(2006, 12, 31))
        first17 = f"{region}{born:%Y%m%d}{self.randint(1, 999):03d}"
        return first17 + resident_id_check(first17)


SEEDS = st.integers(0, 2**32 - 1)
"""The seed of a :class:`Looks`."""


def looks() -> st.SearchStrategy[Looks]:
    """A seeded :class:`Looks` (one draw)."""
    return SEEDS.map(Looks)


def usccs(*prefixes: str) -> st.SearchStrategy[str]:
    """A unified social credit code (统一社会信用代码) whose check character is valid
    (and whose embedded organization code is too); ``prefixes`` are the registering
    authority and entity type (default: those of legal persons, such as ``"91"``)."""
    return SEEDS.map(lambda seed: Looks(seed).uscc(prefixes))


def resident_ids() -> st.SearchStrategy[str]:
    """A resident identity number (居民身份证号码) with a real region code, a birth day
    from 1940 to 2006 and a valid check character."""
    return SEEDS.map(lambda seed: Looks(seed).resident_id())
