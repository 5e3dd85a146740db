"""The role explorer: the careers hub, browsing roles, each role's page and comparing roles."""
from flask import current_app, redirect, render_template, request, url_for

from portal.careers import bp
from portal.careers.explorer import (
    MAX_COMPARED, apprenticeship_roles, compared_roles, entry_bucket_labels, live_vacancies, passport_requirements,
    role_cards, role_pay, roles_we_need_most, sector_names,
)
from portal.careers.jsonld import occupation
from portal.careers.pathways import role_graph, role_map, role_progression
from portal.careers.services import published_content
from portal.extensions import db
from portal.lookups import found_or_404
from portal.reference.models import JobRole
from portal.templating import script_json

MAX_PLACE_LENGTH = 100


@bp.get("/careers")
def hub():
    return render_template("careers/hub.html", content=published_content(), needed=roles_we_need_most(),
                           entry_buckets=entry_bucket_labels())


@bp.get("/roles")
def roles_redirect():
    return redirect(url_for("careers.roles", **request.args), 301)


@bp.get("/careers/roles")
def roles():
    content = published_content()
    sectors = sector_names()
    buckets = entry_bucket_labels()
    chosen = {
        "interest": _choice("interest", {interest.code for interest in content.interests}),
        "sector": _choice("sector", sectors),
        "entry": _choice("entry", buckets),
    }
    cards = role_cards(content, **chosen)
    return render_template(
        "careers/roles.html", content=content, cards=cards, chosen=chosen, sectors=sectors, entry_buckets=buckets,
        chosen_interest=content.interest(chosen["interest"]), letters=sorted({card.letter for card in cards}),
    )


def _choice(name: str, allowed) -> str:
    value = request.args.get(name, "")
    return value if value in allowed else ""


@bp.get("/careers/roles/<code>")
def role(code: str):
    job_role = found_or_404(db.session.get(JobRole, code[:60]))
    content = published_content()
    role = content.roles.get(job_role.code)
    place = request.args.get("place", "").strip()[:MAX_PLACE_LENGTH]
    pay = role_pay(job_role, role)
    graph = role_graph(content)
    page_url = url_for("careers.role", code=job_role.code, _external=True)
    return render_template(
        "careers/role.html",
        job_role=job_role, role=role, content=content, pay=pay, place=place,
        vacancies=live_vacancies((job_role.code,), place),
        apprenticeships=live_vacancies(apprenticeship_roles(content, job_role.code), place, apprenticeships=True,
                                       shown=0),
        requirements=passport_requirements(job_role.code),
        sectors=sector_names(),
        progression=role_progression(content, job_role.code, graph),
        drawn=role_map(content, job_role.code, graph),
        page_url=page_url,
        markup=script_json(occupation(job_role, role, pay, page_url, current_app.config["REGION_NAME"])),
    )


@bp.get("/careers/compare")
def compare():
    content = published_content()
    asked = [code for code in request.args.getlist("role") if code][: MAX_COMPARED + 1]
    too_many = len(asked) > MAX_COMPARED
    compared = compared_roles(content, asked[:MAX_COMPARED])
    return render_template(
        "careers/compare.html", compared=compared, too_many=too_many, content=content,
        all_roles=role_cards(content), max_compared=MAX_COMPARED, sectors=sector_names(),
        unknown=len(compared) < len(dict.fromkeys(asked[:MAX_COMPARED])),
    )
