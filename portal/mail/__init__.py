"""Outgoing email, through an outbox that is never lost and never keeps a request waiting.

``send_email`` renders a message and adds it to the mail outbox in the current transaction, so it is
sent exactly when the change that caused it is committed (a rollback sends nothing). A sender then
delivers it: in the web process right after the commit, and by the scheduled ``flask mail send``,
retrying with growing delays until it goes or is given up as a dead letter (see ``sender``). The
workforce team see and retry dead letters at /admin/mail.
"""
from flask import Blueprint

from portal.mail.services import MAIL_POLICY, send_email

bp = Blueprint("mail", __name__)

__all__ = ["MAIL_POLICY", "bp", "send_email"]
