"""The role explorer: the careers hub, browsing roles, each role's page and comparing roles."""
from flask import abort

from portal.careers import bp


@bp.get("/careers/roles/<code>")
def role(code: str):
    abort(404)
