"""The audit trail: security events and administrators' actions, kept as rows and written as log lines."""
from flask import Blueprint

bp = Blueprint("audit", __name__)
