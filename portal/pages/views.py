from flask import abort, render_template

from portal.pages import bp
from portal.pages.services import home_figures, sitemap_entries, sitemap_part_count

XML = {"Content-Type": "application/xml; charset=utf-8"}


@bp.get("/")
def home():
    return render_template("pages/home.html", figures=home_figures())


@bp.get("/sitemap.xml")
def sitemap():
    parts = sitemap_part_count()
    if parts > 1:
        return render_template("pages/sitemap_index.xml", parts=parts), 200, XML
    return render_template("pages/sitemap.xml", entries=sitemap_entries()), 200, XML


@bp.get("/sitemap-<int:part>.xml")
def sitemap_part(part: int):
    if not 1 <= part <= sitemap_part_count():
        abort(404)
    return render_template("pages/sitemap.xml", entries=sitemap_entries(part)), 200, XML
