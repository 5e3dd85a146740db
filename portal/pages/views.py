from flask import abort, current_app, render_template

from portal.api.docs import document_for_this_site, operations
from portal.careers.explorer import roles_we_need_most
from portal.careers.services import published_content
from portal.pages import bp
from portal.pages.services import cookies_set, home_figures, sitemap_entries, sitemap_part_count

XML = {"Content-Type": "application/xml; charset=utf-8"}


@bp.get("/")
def home():
    return render_template("pages/home.html", figures=home_figures(), careers=published_content(),
                           needed=roles_we_need_most())


@bp.get("/help", endpoint="help")
def help_page():
    return render_template("pages/help.html")


@bp.get("/contact")
def contact():
    return render_template("pages/contact.html", support_email=current_app.config["SUPPORT_EMAIL"])


@bp.get("/accessibility")
def accessibility():
    return render_template("pages/accessibility.html", support_email=current_app.config["SUPPORT_EMAIL"])


@bp.get("/cookies")
def cookies():
    return render_template("pages/cookies.html", cookies=cookies_set(current_app.config))


@bp.get("/terms")
def terms():
    return render_template("pages/terms.html", support_email=current_app.config["SUPPORT_EMAIL"])


@bp.get("/developers")
def api_docs():
    document = document_for_this_site()
    return render_template("pages/api_docs.html", document=document, operations=operations(document))


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
