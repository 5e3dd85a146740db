from datetime import timedelta

import lxml.etree

from portal.time import utcnow

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def entries(response):
    feed = lxml.etree.fromstring(response.get_data())
    return feed, feed.xpath("atom:entry", namespaces=ATOM)


def test_the_feed_lists_the_newest_matching_jobs_with_links_to_them(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Oak Lodge")
    older = make_vacancy(organisation, title="Night Nurse", published_at=utcnow() - timedelta(days=1))
    newer = make_vacancy(organisation, title="Day Nurse", published_at=utcnow())
    make_vacancy(organisation, title="Porter")

    response = client.get("/jobs/feed.atom?q=nurse&sort=closing&page=3")

    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed, found = entries(response)
    assert feed.findtext("atom:title", namespaces=ATOM).startswith("Jobs matching \u201cnurse\u201d")
    assert feed.xpath("atom:link[@rel='self']/@href", namespaces=ATOM) == ["http://localhost/jobs/feed.atom?q=nurse"]
    assert [entry.findtext("atom:title", namespaces=ATOM) for entry in found] == [
        "Day Nurse - Oak Lodge", "Night Nurse - Oak Lodge",
    ]
    assert [entry.xpath("atom:link/@href", namespaces=ATOM)[0] for entry in found] == [
        f"http://localhost/jobs/{newer.id}/{newer.slug}", f"http://localhost/jobs/{older.id}/{older.slug}",
    ]
    assert "Closes" in found[0].findtext("atom:summary", namespaces=ATOM)


def test_the_feed_holds_the_fifty_newest(client, make_organisation, make_vacancy):
    organisation = make_organisation()
    start = utcnow()
    for n in range(52):
        make_vacancy(organisation, title=f"Job {n}", published_at=start - timedelta(minutes=n))

    _, found = entries(client.get("/jobs/feed.atom"))

    assert len(found) == 50
    assert found[0].findtext("atom:title", namespaces=ATOM).startswith("Job 0 ")


def test_an_empty_feed_is_still_valid(client):
    feed, found = entries(client.get("/jobs/feed.atom?location=Nowhere"))

    assert found == []
    assert feed.findtext("atom:updated", namespaces=ATOM)
