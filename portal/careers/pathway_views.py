"""Career pathways: the list, each pathway with its steps and map."""
from flask import redirect, render_template, url_for

from portal.careers import bp
from portal.careers.pathways import pathway_view, pathway_views
from portal.careers.services import published_content
from portal.lookups import found_or_404


@bp.get("/pathways")
def pathways_elsewhere():
    return redirect(url_for(".pathways"), 301)


@bp.get("/careers/pathways")
def pathways():
    return render_template("careers/pathways/index.html", pathways=pathway_views(published_content()))


@bp.get("/careers/pathways/<slug>")
def pathway(slug: str):
    view = found_or_404(pathway_view(published_content(), slug))
    return render_template("careers/pathways/pathway.html", view=view)
