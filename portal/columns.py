"""Column types shared by the domains' models."""
from __future__ import annotations

from enum import Enum

from sqlalchemy import Enum as EnumType


def stored_enum(enum: type[Enum], length: int) -> EnumType:
    """A column of one of ``enum``'s members, stored as the member's value in a VARCHAR(``length``).

    Rows read back hold the enum's members, and a value outside the enum is refused before it reaches
    the database. The schema is a plain VARCHAR, as for a string column: no database enum type and no
    CHECK constraint, so adding a member needs no migration.
    """
    return EnumType(
        enum,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
        create_constraint=False,
    )
