"""shenpi (审批): the rules of China's one-stop administrative approval halls, executable."""

from shenpi.errors import InvalidType, InvalidValue, ShenpiError

__version__ = "0.1.0.dev0"

__all__ = ["InvalidType", "InvalidValue", "ShenpiError", "__version__"]
