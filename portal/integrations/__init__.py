from flask import Blueprint

bp = Blueprint("integrations", __name__)

