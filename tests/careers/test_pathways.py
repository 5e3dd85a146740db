"""Career pathways: the graph of roles, its maps, and the pathway pages.

Decided here: each pathway never loops (content.py refuses it), and neither do all the pathways' steps
taken together. Roles' ``leads_to`` may, because sideways moves are real (a phlebotomist can go back to
being a healthcare support worker); so the system graph may have loops, and every map drawn from it
must stay finite and correct, which the tests below check for every role.
"""
from __future__ import annotations

import re

import lxml.html
import pytest

from portal.careers import pathways
from portal.careers.content import ContentInvalid, ContentKind, Vocabulary, graph_problems, parse_pathway
from portal.careers.pathways import Node, layers_of, layout
from portal.careers.services import find_document, published_content, save
from portal.extensions import db
from portal.reference.models import JobRole

SLUG = "care-worker-to-registered-nurse"


def _step(start, end, kind="experience", extra=""):
    return f'[[steps]]\nfrom = "{start}"\nto = "{end}"\nkind = "{kind}"\nwhat = "Do it."\ntime = "A year"\n{extra}\n'


def _pathway(*steps: str) -> str:
    return ('+++\ntitle = "A test pathway"\nsummary = "From one role to another."\nsectors = ["acute_trust"]\n\n'
            + "".join(steps) + "+++\nAn introduction.\n")


KNOWN = Vocabulary(roles=frozenset({"a", "b", "c", "d"}), sectors=frozenset({"acute_trust"}))


@pytest.fixture
def content(app, careers_content):
    with app.app_context():
        yield published_content()


# The published graph ---------------------------------------------------------------------------------

def test_every_role_in_the_graph_is_in_the_role_list_and_has_a_page(content):
    graph = pathways.role_graph(content)
    listed = set(db.session.scalars(db.select(JobRole.code)))
    assert graph.roles, "the graph has roles"
    assert graph.roles <= listed
    assert graph.roles <= set(content.roles)
    for pathway in content.pathways.values():
        for step in pathway.steps:
            assert {step.from_role, step.to_role} <= listed & set(content.roles), (pathway.slug, step)
    for role in content.roles.values():
        assert set(role.leads_to) <= listed & set(content.roles), role.code


def test_every_pathway_step_is_an_edge_with_its_details_and_leads_to_adds_bare_edges(content):
    graph = pathways.role_graph(content)
    detailed = {(s.from_code, s.to_code) for s in graph.steps if s.has_details}
    for pathway in content.pathways.values():
        for step in pathway.steps:
            assert (step.from_role, step.to_role) in detailed
    bare = [s for s in graph.steps if not s.has_details]
    assert bare, "some leads_to join roles no pathway does"
    for step in bare:
        assert step.to_code in content.roles[step.from_code].leads_to
        assert (step.from_code, step.to_code) not in detailed


def test_the_pathways_taken_together_never_loop(content):
    pairs = sorted({(s.from_role, s.to_role) for p in content.pathways.values() for s in p.steps})
    codes = sorted({code for pair in pairs for code in pair})
    _layer, back = layers_of(codes, pairs)
    assert back == set()


def test_sideways_moves_make_loops_in_the_system_graph_but_every_role_map_stays_finite_and_correct(content):
    graph = pathways.role_graph(content)
    _layer, back = layers_of(sorted(graph.roles), sorted(graph.pairs))
    assert back, "the content has sideways moves (A leads to B and B to A): the maps must cope"
    for code in content.roles:
        progression = pathways.role_progression(content, code, graph)
        drawn = pathways.role_map(content, code, graph)
        if progression.is_empty:
            assert drawn is None
            continue
        neighbours = {s.from_code for s in progression.into} | {s.to_code for s in progression.onward}
        codes = [box.code for box in drawn.boxes]
        assert sorted(codes) == sorted(neighbours | {code}), code
        assert [box.code for box in drawn.boxes if box.current] == [code]
        assert drawn.layers <= 3
        assert all(code in (arrow.from_code, arrow.to_code) for arrow in drawn.arrows)
        assert {(a.from_code, a.to_code) for a in drawn.arrows} == (
            {(s.from_code, code) for s in progression.into} | {(code, s.to_code) for s in progression.onward})


def test_role_progression_names_both_ways_with_each_steps_details_and_pathways(content):
    progression = pathways.role_progression(content, "senior_care_worker")
    assert progression.name == "Senior care worker (enhanced care worker)"
    onward = {step.to_code: step for step in progression.onward}
    step = onward["apprentice_nursing_associate"]
    assert step.to_name == "Apprentice nursing associate (Level 5)"
    assert (step.kind_label, step.level, step.standard, step.time) == ("Apprenticeship", 5, "ST0508", "About 2 years")
    assert step.takes == "Apprenticeship at level 5 (standard ST0508)"
    assert SLUG in {link.slug for link in step.pathways}
    assert "care_worker" in {step.from_code for step in progression.into}
    registration = next(s for s in pathways.role_progression(content, "nursing_associate").into if s.body)
    assert registration.takes == "Registration with the Nursing and Midwifery Council (NMC)"


def test_a_step_shared_by_two_pathways_is_one_step_naming_both():
    class Content:
        roles = {}
        pathways = {
            slug: parse_pathway(slug, _pathway(_step("a", "b"), _step("b", "c")), KNOWN) for slug in ("one", "two")
        }

    graph = pathways.role_graph(Content(), names={"a": "A", "b": "B", "c": "C"})
    assert len(graph.steps) == 2
    assert [link.slug for link in graph.onward("a")[0].pathways] == ["one", "two"]


# Refusals in the content ---------------------------------------------------------------------------

@pytest.mark.parametrize(("steps", "problem"), [
    ((_step("a", "b"), _step("b", "c"), _step("c", "a")), "loop"),
    ((_step("a", "b"), _step("b", "a")), "loop"),
    ((_step("a", "b"), _step("c", "d")), "separate pieces"),
    ((_step("a", "b"), _step("a", "b", kind="qualification")), "same pair"),
])
def test_graph_problems_refuse_loops_pieces_and_repeats(steps, problem):
    with pytest.raises(ContentInvalid) as refused:
        parse_pathway("a-test", _pathway(*steps), KNOWN)
    assert any(problem in text for text in refused.value.problems), refused.value.problems


@pytest.mark.parametrize(("steps", "problem"), [
    ((_step("a", "nobody"), _step("b", "a")), "“to” must be a role code from the role list (not “nobody”)"),
    ((_step("a", "a"), _step("a", "b")), "a step must join two different roles"),
    ((_step("a", "b"),), "at least 2 [[steps]] needed"),
    ((_step("a", "b", kind="apprenticeship"), _step("b", "c")), "“level” must be a whole number from 2 to 7"),
    ((_step("a", "b", kind="registration"), _step("b", "c")), "“body” is missing"),
    ((_step("a", "b", kind="promotion"), _step("b", "c")), "“kind” must be one of"),
])
def test_a_step_with_a_missing_role_or_bad_details_is_refused(steps, problem):
    with pytest.raises(ContentInvalid) as refused:
        parse_pathway("a-test", _pathway(*steps), KNOWN)
    assert any(problem in text for text in refused.value.problems), refused.value.problems


def test_graph_problems_accepts_branches_that_join():
    steps = parse_pathway("a-test", _pathway(_step("a", "b"), _step("a", "c"), _step("b", "d"), _step("c", "d")),
                          KNOWN).steps
    assert graph_problems(steps) == []


# Layout ----------------------------------------------------------------------------------------------

def test_layout_puts_each_steps_target_in_a_later_layer_for_every_pathway(content):
    for slug, pathway in content.pathways.items():
        drawn = pathways.pathway_view(content, slug).map
        layer = {box.code: box.layer for box in drawn.boxes}
        assert set(layer) == set(pathway.roles)
        for step in pathway.steps:
            assert layer[step.to_role] > layer[step.from_role], (slug, step)
            assert layer[step.to_role] == max(layer[s.from_role] for s in pathway.steps if s.to_role == step.to_role) + 1
        assert all(not arrow.back for arrow in drawn.arrows)
        assert len(drawn.arrows) == len(pathway.steps)


def test_layout_places_boxes_without_overlap_inside_the_picture(content):
    for slug in content.pathways:
        drawn = pathways.pathway_view(content, slug).map
        for box in drawn.boxes:
            assert 0 <= box.x and box.x + box.width <= drawn.width
            assert 0 <= box.y and box.y + box.height <= drawn.height
        for first in drawn.boxes:
            for second in drawn.boxes:
                if first is not second and first.layer == second.layer:
                    assert first.x + first.width <= second.x or second.x + second.width <= first.x


def test_a_long_arrow_bends_round_the_layers_it_passes():
    nodes = [Node(code, code.upper()) for code in "abcd"]
    drawn = layout(nodes, [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")])
    long = next(arrow for arrow in drawn.arrows if (arrow.from_code, arrow.to_code) == ("a", "d"))
    middle_x = {drawn.box(code).centre_x for code in "bc"}
    assert len(long.points) == 6
    assert all(x not in middle_x for x, _y in long.points[1:-1])


def test_barycentre_ordering_removes_a_crossing():
    # Two chains written so that, kept in the author's order, their arrows cross.
    nodes = [Node(code, code) for code in ("a1", "b1", "b2", "a2")]
    drawn = layout(nodes, [("a1", "a2"), ("b1", "b2")])
    rows = [[box.code for box in drawn.boxes if box.layer == n] for n in range(drawn.layers)]
    assert rows[0].index("a1") == rows[1].index("a2")
    assert rows[0].index("b1") == rows[1].index("b2")


def test_a_loop_given_to_the_layout_is_set_aside_so_the_map_is_finite():
    nodes = [Node(code, code) for code in "abc"]
    drawn = layout(nodes, [("a", "b"), ("b", "c"), ("c", "a")])
    assert drawn.layers == 3
    assert [arrow.back for arrow in drawn.arrows] == [False, False, True]
    back = drawn.arrows[2]
    assert back.points[0][1] > back.points[-1][1], "the arrow back goes up, from c to a"


def test_long_names_wrap_onto_at_most_three_lines():
    assert pathways.wrap("Care worker") == ("Care worker",)
    assert pathways.wrap("Registered nurse degree apprentice (Level 6)") == (
        "Registered nurse", "degree apprentice", "(Level 6)")
    lines = pathways.wrap("A very long name " * 6)
    assert len(lines) == 3 and lines[-1].endswith("…")


# The drawing and the pages ----------------------------------------------------------------------------

def _without_nonces(html: str) -> str:
    return re.sub(r'nonce="[^"]*"', "", html)


def _svg(page):
    return page.xpath(".//svg[contains(@class, 'portal-map__svg')]")[0]


def test_the_map_has_a_title_a_description_and_a_link_for_every_role(client, content):
    view = pathways.pathway_view(content, SLUG)
    page = lxml.html.fromstring(client.get(f"/careers/pathways/{SLUG}").get_data(as_text=True))
    svg = _svg(page)
    title, desc = svg.find("title"), svg.find("desc")
    assert title.text == "Map: From care worker to registered nurse"
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert "Senior care worker (enhanced care worker) leads to Apprentice nursing associate (Level 5) or " \
           "Registered nurse degree apprentice (Level 6)." in desc.text
    links = [a.get("href") for a in svg.iter("a")]
    assert sorted(links) == sorted(f"/careers/roles/{code}" for code, _name in view.roles)
    assert len(svg.xpath(".//path[@class='portal-map__arrow']")) == len(view.steps)
    assert svg.get("viewbox") and svg.get("width") == "100%"
    region = svg.getparent()
    assert region.get("tabindex") == "0" and page.get_element_by_id(region.get("aria-labelledby")) is not None


def test_the_step_list_names_every_step_and_comes_before_the_map(client, content):
    view = pathways.pathway_view(content, SLUG)
    html = client.get(f"/careers/pathways/{SLUG}").get_data(as_text=True)
    page = lxml.html.fromstring(html)
    items = page.xpath(".//ol[contains(@class, 'portal-steps')]/li")
    assert len(items) == len(view.steps) == 7
    for item, step in zip(items, view.steps):
        text = item.text_content()
        for words in (step.from_name, step.to_name, step.what, step.time, step.takes):
            assert words in text
    assert "Degree apprenticeship at level 6 (standard ST0781)" in html
    assert html.index('class="nhsuk-list portal-steps"') < html.index("<svg")


def test_every_published_pathway_has_a_page_and_the_list_names_them_all(client, content):
    listing = client.get("/careers/pathways")
    assert listing.status_code == 200
    text = listing.get_data(as_text=True)
    assert len(content.pathways) >= 8
    for slug, pathway in content.pathways.items():
        assert f'href="/careers/pathways/{slug}"' in text
        assert pathway.summary in text
        response = client.get(f"/careers/pathways/{slug}")
        assert response.status_code == 200, slug
        page = lxml.html.fromstring(response.get_data(as_text=True))
        assert len(page.xpath(".//h1")) == 1
        breadcrumbs = [a.text_content().strip() for a in page.xpath(".//*[contains(@class, 'nhsuk-breadcrumb')]//a")]
        assert breadcrumbs[:3] == ["Home", "Careers", "Pathways"]
    assert "Care assistant (new to care)" in text and "Residential care home" in text


@pytest.mark.parametrize("address", [
    "/careers/pathways/no-such-pathway", "/careers/pathways/CARE-WORKER-TO-REGISTERED-NURSE",
    "/careers/pathways/%00", "/careers/pathways/" + "a" * 5000,
])
def test_an_unknown_pathway_is_a_404(client, content, address):
    assert client.get(address).status_code == 404


def test_pathways_redirects_for_good_to_the_careers_pathways(client):
    response = client.get("/pathways")
    assert response.status_code == 301
    assert response.location == "/careers/pathways"


def test_the_pages_work_before_any_content_is_loaded(client):
    assert client.get("/careers/pathways").status_code == 200
    assert client.get(f"/careers/pathways/{SLUG}").status_code == 404


def test_the_map_follows_the_data_when_the_team_publish_an_edit(app, client, content, make_admin):
    admin = make_admin()
    before = client.get(f"/careers/pathways/{SLUG}").get_data(as_text=True)
    assert "/careers/roles/healthcare_support_worker" not in before
    with app.app_context():
        document = find_document(ContentKind.PATHWAY, SLUG)
        text = document.published.text.replace(
            '+++\nYou do not', _step("care_worker", "healthcare_support_worker", "qualification")
            .replace("Do it.", "Move to a hospital ward as a support worker.") + '+++\nYou do not', 1)
        save(ContentKind.PATHWAY, SLUG, text, db.session.get(type(admin), admin.id), publish=True,
             version=document.version)
        db.session.commit()
    page = lxml.html.fromstring(client.get(f"/careers/pathways/{SLUG}").get_data(as_text=True))
    svg = _svg(page)
    assert "/careers/roles/healthcare_support_worker" in [a.get("href") for a in svg.iter("a")]
    assert "Care worker leads to Senior care worker (enhanced care worker) or Healthcare support worker." \
        in svg.find("desc").text
    assert len(svg.xpath(".//path[@class='portal-map__arrow']")) == 8
    assert "Move to a hospital ward as a support worker." in page.xpath(".//ol[contains(@class, 'portal-steps')]")[0].text_content()


def test_a_refused_edit_leaves_the_page_and_map_as_they_were(app, client, content, make_admin):
    admin = make_admin()
    before = client.get(f"/careers/pathways/{SLUG}").get_data(as_text=True)
    with app.app_context():
        document = find_document(ContentKind.PATHWAY, SLUG)
        looped = document.published.text.replace(
            '+++\nYou do not', _step("registered_nurse_adult", "care_worker") + '+++\nYou do not', 1)
        with pytest.raises(ContentInvalid, match="loop"):
            save(ContentKind.PATHWAY, SLUG, looped, db.session.get(type(admin), admin.id), publish=True,
                 version=document.version)
        db.session.rollback()
    after = client.get(f"/careers/pathways/{SLUG}").get_data(as_text=True)
    assert _without_nonces(after) == _without_nonces(before)


def test_a_role_map_highlights_the_role_by_more_than_colour(app, content):
    drawn = pathways.role_map(content, "senior_care_worker")
    current = drawn.box("senior_care_worker")
    assert current.current and current.layer == 1
    with app.test_request_context():
        template = app.jinja_env.from_string(
            '{% from "careers/macros/pathways.html" import pathway_map %}{{ pathway_map(m, "Map", m.summary) }}')
        page = lxml.html.fromstring(template.render(m=drawn))
    link = page.xpath(".//a[contains(@class, 'portal-map__role--current')]")[0]
    assert link.get("href") == "/careers/roles/senior_care_worker"
    assert link.find("rect").get("stroke-width") == "6"
    texts = [t.text for t in link.iter("text")]
    assert texts[0] == "You are here:" and all(t.get("font-weight") == "700" for t in link.iter("text"))
    assert "You are here: Senior care worker (enhanced care worker)." in drawn.summary


def test_a_role_nobody_moves_to_or_from_has_no_map(content):
    graph = pathways.role_graph(content)
    alone = next((code for code in content.roles if code not in graph.roles), None)
    if alone is None:
        pytest.skip("every role is on the graph")
    assert pathways.role_map(content, alone, graph) is None
    assert pathways.role_progression(content, alone, graph).is_empty


def test_the_role_section_lists_both_ways_then_the_map(app, content):
    progression = pathways.role_progression(content, "nursing_associate")
    drawn = pathways.role_map(content, "nursing_associate")
    with app.test_request_context():
        template = app.jinja_env.from_string(
            '{% from "careers/macros/pathways.html" import role_progression_section %}'
            '{{ role_progression_section(p, m, heading_level=3) }}')
        html = template.render(p=progression, m=drawn)
    page = lxml.html.fromstring(f"<div>{html}</div>")
    assert [h.text for h in page.xpath(".//h3")] == ["Where you could go from here", "How people get here"]
    lists = page.xpath(".//ol[contains(@class, 'portal-steps')]")
    assert len(lists[0].xpath("./li")) == len(progression.onward)
    assert len(lists[1].xpath("./li")) == len(progression.into)
    assert f'href="/careers/pathways/{SLUG}"' in html, "each step names the pathways it is part of"
    assert html.index("portal-steps") < html.index("<svg")
    assert "You are here:" in html


def test_a_step_no_pathway_describes_still_shows_in_the_role_section(app, content):
    graph = pathways.role_graph(content)
    bare = next(step for step in graph.steps if not step.has_details)
    progression = pathways.role_progression(content, bare.from_code, graph)
    with app.test_request_context():
        html = app.jinja_env.from_string(
            '{% from "careers/macros/pathways.html" import step_list %}{{ step_list(s) }}').render(s=progression.onward)
    assert bare.to_name in html and "People often move on to this role" in html


def test_a_move_both_ways_draws_two_arrows_side_by_side():
    drawn = layout([Node("a", "A"), Node("b", "B")], [("a", "b"), ("b", "a")], current="b")
    there, back = drawn.arrows
    assert back.back and not there.back
    assert {x for x, _y in there.points}.isdisjoint({x for x, _y in back.points})

