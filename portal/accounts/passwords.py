"""Passwords: Argon2id hashing, and the rule a new password must meet."""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200
# zxcvbn refuses longer input; what follows the first 72 characters only makes a password harder to guess.
ZXCVBN_MAX_LENGTH = 72
# zxcvbn's scores run from 0 (guessed at once) to 4; 3 holds out against an attacker who has the hashes.
MIN_STRENGTH_SCORE = 3
ADVICE = "Try three or four random words."
TOO_SHORT = f"Password must be at least {MIN_PASSWORD_LENGTH} characters"
PERSONAL = "Do not use your name or email address in your password"
SITE_NAME_USED = "Do not use the name of this website in your password"
TOO_EASY = "This password is too easy to guess"
# zxcvbn's warnings, said for the people who use this site.
PLAIN_WARNINGS = {
    "This is a top-10 common password.": "This is one of the most common passwords",
    "This is a top-100 common password.": "This is one of the most common passwords",
    "This is a very common password.": "This is a very common password",
    "This is similar to a commonly used password.": "This is too like a common password",
    "A word by itself is easy to guess.": "A single word is easy to guess",
    "Names and surnames by themselves are easy to guess.": "Names are easy to guess",
    "Common names and surnames are easy to guess.": "Names are easy to guess",
    "Straight rows of keys are easy to guess.": "Rows of keys, like qwerty, are easy to guess",
    "Short keyboard patterns are easy to guess.": "Patterns of keys are easy to guess",
    'Repeats like "aaa" are easy to guess.': "Repeated letters, like aaa, are easy to guess",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        "Repeated letters or words are easy to guess",
    'Sequences like "abc" or "6543" are easy to guess.': "Sequences, like abc or 6543, are easy to guess",
    "Recent years are easy to guess.": "Years are easy to guess",
    "Dates are often easy to guess.": "Dates are easy to guess",
}

# Argon2id's costs: RFC 9106's second recommendation (64 MiB, 3 passes) wherever people sign in; the test
# configuration asks for the cheapest, as argon2-cffi advises, since tests hash thousands of passwords.
HASHING_PROFILES = {"standard": profiles.RFC_9106_LOW_MEMORY, "cheapest": profiles.CHEAPEST}
# zxcvbn keeps the words it is given in a module-wide dictionary while it scores, so two requests
# scoring at once would each see the other's name and email.
_zxcvbn_lock = threading.Lock()


@cache
def _hashing(profile: str) -> tuple[PasswordHasher, str]:
    """The hasher for a profile, and a hash verified against when the email is unknown, so that both
    answers take the same time."""
    hasher = PasswordHasher.from_parameters(HASHING_PROFILES[profile])
    return hasher, hasher.hash("no account has this password")


def _hasher() -> tuple[PasswordHasher, str]:
    return _hashing(current_app.config["PASSWORD_HASHING"])


def hash_password(password: str) -> str:
    return _hasher()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    hasher, unknown_user_hash = _hasher()
    try:
        return hasher.verify(password_hash or unknown_user_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher()[0].check_needs_rehash(password_hash)


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text.lower())


def _words_of(details: Iterable[str]) -> set[str]:
    """Each detail whole, its words, and (for an email) its name part, as zxcvbn matches them."""
    words = set()
    for detail in details:
        detail = detail.strip().lower()
        words.update({detail, detail.partition("@")[0], _letters(detail)})
        words.update(re.split(r"[\W\d_]+", detail))
    return {word for word in words if len(word) > 1}


def _runs_of_words(name: str) -> set[str]:
    """'Proud to Care' gives proud, proudto, proudtocare, to, tocare and care."""
    words = [_letters(word) for word in name.split() if _letters(word)]
    return {"".join(words[start:end]) for start in range(len(words)) for end in range(start + 1, len(words) + 1)}


def password_problem(password: str, owner_details: Iterable[str | None] = ()) -> str | None:
    """What is wrong with ``password`` as a new password, in words for the person choosing it, or None.

    ``owner_details`` are the person's own email address and name: a password made from them is refused.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return TOO_SHORT
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Password must be {MAX_PASSWORD_LENGTH} characters or fewer"
    personal = _words_of(detail for detail in owner_details if detail)
    # Letters all taken from the person's name or email, whatever digits and symbols are added.
    letters = _letters(password)
    if len(letters) > 3 and any(letters in _letters(detail) for detail in personal):
        return f"{PERSONAL}. {ADVICE}"
    site_words = _runs_of_words(current_app.config["SITE_NAME"])
    with _zxcvbn_lock:
        result = zxcvbn(password[:ZXCVBN_MAX_LENGTH], user_inputs=sorted(personal | site_words))
    if result["score"] >= MIN_STRENGTH_SCORE:
        return None
    sequence = result["sequence"]
    matched = {match.get("matched_word") for match in sequence if match.get("dictionary_name") == "user_inputs"}
    if matched & personal:
        return f"{PERSONAL}. {ADVICE}"
    if matched & site_words:
        return f"{SITE_NAME_USED}. {ADVICE}"
    return f"{PLAIN_WARNINGS.get(result['feedback']['warning'], TOO_EASY)}. {ADVICE}"
