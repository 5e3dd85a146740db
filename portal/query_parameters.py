"""The API's rule for query strings: a parameter it does not read, a second value of a single one, or
an empty value is refused, so a client never gets results it did not ask for."""
from __future__ import annotations

from collections.abc import Collection, Mapping

from werkzeug.datastructures import MultiDict

UNKNOWN_PARAMETER = "We do not know this parameter. Check its name against the documentation"


def unexpected_parameters(
    args: MultiDict, known: Collection[str], repeatable: Collection[str] = (), hints: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Each parameter the rule refuses, with why; ``hints`` says what to send instead of a known mistake."""
    problems = {}
    for name in args:
        values = args.getlist(name)
        if name not in known:
            problems[name] = (hints or {}).get(name.lower(), UNKNOWN_PARAMETER)
        elif name not in repeatable and len(values) > 1:
            problems[name] = f"Give {name} once"
        elif not all(value.strip() for value in values):
            problems[name] = f"Give {name} a value, or leave it out"
    return problems
