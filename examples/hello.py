"""Smallest use of the package: catch every shenpi error at one level."""

from shenpi import InvalidValue, ShenpiError

try:
    raise InvalidValue("limit", -3, "must be positive.", "必须为正数。", "pass 20.")
except ShenpiError as error:
    print(error)
