"""What a rule's page shows besides the rule itself: the law's text and two examples.

A rule declares them beside its code (``@rule(..., notes=RuleNotes(...))``); the pages in
``docs/rules/`` are rendered from them by :mod:`shenpi.rules.docs`, and every example
runs as a test.
"""

from __future__ import annotations

import attrs

__all__ = ["Example", "Quote", "RuleNotes"]


@attrs.frozen
class Quote:
    """A sentence of the seed or an article of the law, in Chinese with a translation.

    The seed (the 2008 reform plan) is written in traditional characters; its sentences
    are quoted in simplified characters, like all of shenpi's Chinese. The law is quoted
    verbatim from the 2019 text.
    """

    source: str
    zh: str
    en: str


@attrs.frozen
class Example:
    """A runnable example: what it shows, and a doctest (source with its output)."""

    caption: str
    doctest: str


@attrs.frozen
class RuleNotes:
    """What a rule's page adds to the rule: quotes and a failing and a passing example.

    ``selecting`` replaces the usual note on selecting the rule (TIME000, which the
    engine reports for the rule that could not judge).
    """

    quotes: tuple[Quote, ...]
    failing: Example
    passing: Example
    selecting: str = ""
