"""Roles and pathways as the careers search index sees them."""
from __future__ import annotations

from portal.careers.content import Pathway, RoleContent
from portal.markdown import markdown_to_text
from portal.reference.models import JobRole


def role_document(content: RoleContent, role: JobRole) -> dict:
    """Named as the role list names it, with its summary, every section's text, its family and how to get in."""
    return {
        "kind": "role",
        "key": content.code,
        "title": role.name,
        "summary": content.summary,
        "text": "\n".join(markdown_to_text(body) for _heading, body in content.sections),
        "family": role.family.name,
        "routes": [route.title for route in content.entry_routes],
    }


def pathway_document(pathway: Pathway, role_names: dict[str, str]) -> dict:
    """A pathway with its introduction; the roles it passes through count as its entry routes do for a role."""
    return {
        "kind": "pathway",
        "key": pathway.slug,
        "title": pathway.title,
        "summary": pathway.summary,
        "text": markdown_to_text(pathway.introduction),
        "routes": [role_names[code] for code in pathway.roles if code in role_names],
    }
