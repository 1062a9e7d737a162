"""Rules that detect and prevent what the reform plan forbids (the rules issue builds them)."""

__all__: list[str] = []
