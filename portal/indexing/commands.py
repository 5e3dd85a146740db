import click
from flask.cli import AppGroup

from portal.careers.search import rebuild_careers_index
from portal.indexing.services import ensure_index, get_index, rebuild_index, sync_index

cli = AppGroup("search", help="The vacancy search index on this machine.")


@cli.command("rebuild")
def rebuild():
    """Rebuild the vacancy and careers indexes from the database into new directories and swap them in."""
    rebuild_index()
    click.echo(f"Search index rebuilt: {get_index().doc_count()} live vacancies")
    rebuild_careers_index()
    click.echo("Careers index rebuilt")


@cli.command("sync")
def sync():
    """Apply changes recorded since the index last caught up."""
    index = get_index()
    ensure_index(index)
    total, cursor = 0, None
    while cursor != index.cursor:
        cursor = index.cursor
        total += sync_index(index)
    click.echo(f"Applied {total} changes; index at change {get_index().cursor}")
