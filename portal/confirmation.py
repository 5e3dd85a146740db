"""A page of its own that asks before anything is closed, removed or stopped.

The question is asked by a GET at the very address the action posts to, so the list pages only link to it
and the action itself stays a POST behind the CSRF check; it works without JavaScript.
"""
from flask import render_template, request


def confirmation_page(question: str, consequences: list[str], confirm: str, cancel_url: str, *,
                      warning: bool = True, template: str = "confirm.html", **context):
    return render_template(
        template,
        question=question,
        consequences=consequences,
        confirm=confirm,
        action=request.path,
        cancel_url=cancel_url,
        warning=warning,
        **context,
    )
