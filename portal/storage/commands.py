from datetime import timedelta

import click
from flask.cli import AppGroup

from portal.storage.services import remove_orphans

cli = AppGroup("files", help="Uploaded files in local or S3 storage.")


@cli.command("remove-orphans")
@click.option(
    "--older-than-minutes",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="Leave newer files alone: their upload may still be in progress or not yet committed.",
)
def remove_orphans_command(older_than_minutes: int):
    """Delete stored files that no record refers to, and half-written uploads (run hourly)."""
    sweep = remove_orphans(timedelta(minutes=older_than_minutes))
    click.echo(
        f"Removed {sweep.orphans} orphaned {'file' if sweep.orphans == 1 else 'files'} and "
        f"{sweep.partial_writes} half-written {'upload' if sweep.partial_writes == 1 else 'uploads'}"
    )
