"""Career pathways: the list, each pathway with its steps and map."""
from flask import abort

from portal.careers import bp


@bp.get("/careers/pathways/<slug>")
def pathway(slug: str):
    abort(404)
