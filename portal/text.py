"""Text from outside, made safe to store and to show: one rule for forms, query strings, JSON bodies,
CSV files and what reaches the database.

Control characters have no place in anything a person types: PostgreSQL refuses NUL in text, XML
cannot carry most of them at all (so one stray character would break a whole feed), and the rest are
invisible in a browser. Tab, newline and carriage return are kept, with line ends made ``\\n``.
"""
from __future__ import annotations

import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items

# C0 controls except tab and newline (carriage returns are handled by LINE_ENDS first), DEL, C1
# controls, lone surrogates (which cannot be encoded as UTF-8) and the two noncharacters XML forbids.
UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_ENDS = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """``text`` without control characters, with every line ending as ``\\n``."""
    if text.isascii() and text.isprintable():
        return text
    return UNWANTED.sub("", LINE_ENDS.sub("\n", text))


def clean_value(value):
    """Strings cleaned wherever they are in a JSON-like value (dicts, lists, keys included)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(key): clean_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(item) for item in value)
    return value


class CleanMultiDict(ImmutableMultiDict):
    """A query string or form as werkzeug parses it, with every key and string value cleaned."""

    def __init__(self, mapping=None):
        super().__init__([
            (clean_text(key), clean_text(value) if isinstance(value, str) else value)
            for key, value in iter_multi_items(mapping or ())
        ])


class CleanRequest(Request):
    """Every way text comes in to a view (query string, form, JSON body) arrives cleaned."""

    parameter_storage_class = CleanMultiDict

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True):
        return clean_value(super().get_json(force=force, silent=silent, cache=cache))


def clean_parameters(parameters):
    """Statement parameters (one set, or a list of sets for executemany) with their strings cleaned."""
    if isinstance(parameters, dict):
        return {name: clean_text(value) if isinstance(value, str) else value for name, value in parameters.items()}
    if isinstance(parameters, tuple):
        return tuple(clean_text(value) if isinstance(value, str) else value for value in parameters)
    if isinstance(parameters, list):
        return [clean_parameters(item) for item in parameters]
    return parameters
