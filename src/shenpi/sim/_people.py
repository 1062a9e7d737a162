"""Invented applicants for simulated cases, with valid identifiers (check digits by
python-stdnum), drawn from the run's own random stream."""

from __future__ import annotations

from typing import Any

from stdnum.cn import ric, uscc

from shenpi.applications import Applicant, ApplicantType, IdentifierKind

__all__ = ["applicant_pool"]

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
_FIRMS = ("恒达", "宏图", "瑞丰", "华信", "鑫源", "博远", "安康", "永盛", "嘉禾", "青松")
_TRADES = ("商贸", "科技", "实业", "建设", "餐饮", "物流")
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_AREAS = ("220202", "220203", "220204", "220211")
POOL = 256
"""Applicants in a run's pool."""


def applicant_pool(rng: Any, city: str) -> list[Applicant]:
    """``POOL`` applicants, half persons (居民身份证) and half firms of ``city``
    (统一社会信用代码), drawn with the NumPy generator ``rng``."""
    people: list[Applicant] = []
    for n in range(POOL):
        area = _AREAS[int(rng.integers(len(_AREAS)))]
        if n % 2 == 0:
            name = _SURNAMES[int(rng.integers(len(_SURNAMES)))] + "".join(
                _GIVEN[int(rng.integers(len(_GIVEN)))] for _ in range(1 + int(rng.integers(2)))
            )
            year, month, day = (
                1950 + int(rng.integers(55)),
                1 + int(rng.integers(12)),
                1 + int(rng.integers(28)),
            )
            body = f"{area}{year:04d}{month:02d}{day:02d}{int(rng.integers(1, 1000)):03d}"
            number = body + ric.calc_check_digit(body + "0")
            people.append(Applicant(ApplicantType.PERSON, name, number, IdentifierKind.RESIDENT_ID))
        else:
            firm = _FIRMS[int(rng.integers(len(_FIRMS)))] + _TRADES[int(rng.integers(len(_TRADES)))]
            code = "".join(_USCC[int(rng.integers(len(_USCC)))] for _ in range(9))
            body = f"91{area}{code}"
            people.append(
                Applicant(
                    ApplicantType.LEGAL_PERSON,
                    f"{city}{firm}有限公司",
                    body + uscc.calc_check_digit(body),
                    IdentifierKind.USCC,
                )
            )
    return people
