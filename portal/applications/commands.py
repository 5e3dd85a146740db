import click
from flask.cli import AppGroup

from portal.applications.notices import send_summaries
from portal.site_address import links_to_site

cli = AppGroup("applications", help="Emails about applications.")


@cli.command("send-summaries")
@links_to_site
def send_summaries_command():
    """Email recruiters their daily summary of new applications, and retry any email about a new
    application that could not be sent at once (run daily; safe to overlap)."""
    run = send_summaries()
    click.echo(f"Sent {run.emails_sent} emails listing {run.applications_listed} applications")
    if run.failures:
        raise click.ClickException(f"{run.failures} emails could not be sent; they are retried on the next run")
