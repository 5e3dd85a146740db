import click
from flask.cli import AppGroup

from portal.mail.sender import deliver_due

cli = AppGroup("mail", help="The mail outbox.")


@cli.command("send")
def send_command():
    """Deliver every email that is due: new ones, and retries whose time has come (run every minute;
    safe to overlap with another run and with the web processes' senders)."""
    run = deliver_due()
    click.echo(f"Sent {run.sent} emails; {run.retrying} failed and will be tried again; {run.dead} failed for good")
    if run.stopped is not None:
        raise click.ClickException(
            f"The mail server could not be reached ({run.stopped}); the emails wait for the next run"
        )
