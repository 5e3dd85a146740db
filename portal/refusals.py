"""Refusals: what the portal will not do for a person, and why, in words written for them.

Every domain refuses by raising a subclass of :class:`Refused`, never by returning a message. A view may
catch one to put its message beside a form field or on the page it shows next; whatever no view catches
reaches one error handler (``portal.pages.errors``), which answers the API with its JSON error and a page
with the message. Failures of the portal itself (a file store or the search index not answering) are not
refusals: the person did nothing wrong, so they keep exceptions of their own and answer 503.
"""
from __future__ import annotations


class Refused(Exception):
    """The request is understood but not carried out. ``str(refusal)`` is the message for the person;
    ``field`` names the form field or API field it is about, when it is about one; ``status`` is the HTTP
    status it answers when no view handles it. Subclasses set a default message, field and status."""

    message = "That cannot be done."
    field: str | None = None
    status = 400

    def __init__(self, message: str | None = None, *, field: str | None = None, status: int | None = None):
        super().__init__(message or self.message)
        self.message = str(self.args[0])
        if field is not None:
            self.field = field
        if status is not None:
            self.status = status

    def __str__(self) -> str:
        return self.message

    def headers(self) -> dict[str, str]:
        """HTTP headers the answer carries, such as when to try again."""
        return {}


class Conflict(Refused):
    """The record's current state does not allow it (a closed vacancy, a verified record, a duplicate)."""

    status = 409


class Forbidden(Refused):
    """This person may not do it, whatever the record's state."""

    status = 403
