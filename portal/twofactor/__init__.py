"""A second sign-in step: a code from an authenticator app (TOTP), or a one-time recovery code."""
from flask import Blueprint

bp = Blueprint("twofactor", __name__)
