import multiprocessing
import threading

import pytest
from whoosh.index import open_dir
from whoosh.util.filelock import FileLock

from search import IndexUnavailable, VacancyIndex
from search.index import APPLY_LOCK, FORMAT_VERSION, POINTER, STATE


def generation(index_dir):
    return index_dir / (index_dir / POINTER).read_text().strip()


def generations(index_dir):
    return sorted(p.name for p in index_dir.glob("gen-*"))


def test_create_empty(kit, index_dir):
    index = VacancyIndex(index_dir)
    assert not index.exists()
    index.create_empty(cursor=12)
    assert index.exists()
    assert index.cursor == 12
    assert index.doc_count() == 0
    result = index.search(kit.query(text="nurse", facets=["sector"]))
    assert (result.total, result.hits, result.facets) == (0, [], {"sector": {}})
    assert index.search(kit.query(sort="closing")).total == 0


def test_apply_adds_replaces_and_deletes(kit, build):
    index = build([kit.make_doc(1, title="Porter")])
    assert index.apply([kit.make_doc(2, title="Nurse")], [], cursor=1)
    assert index.apply([kit.make_doc(2, title="Nurse")], [], cursor=2)
    assert index.doc_count() == 2
    assert kit.ids(index.search(kit.query(text="nurse"))) == [2]

    assert index.apply([kit.make_doc(1, title="Healthcare Assistant")], [], cursor=3)
    assert index.search(kit.query(text="porter")).total == 0
    assert kit.ids(index.search(kit.query(text="healthcare"))) == [1]

    assert index.apply([], [2, 99], cursor=4)
    assert index.apply([], [2], cursor=5)
    assert kit.ids(index.search(kit.query())) == [1]
    assert index.doc_count() == 1


def test_updates_across_segments_keep_sets_consistent(kit, build):
    index = build([kit.make_doc(i, sector="nhs") for i in range(1, 6)])
    for cursor, i in enumerate(range(6, 12), start=1):
        index.apply([kit.make_doc(i, sector="voluntary", title="Nurse")], [], cursor=cursor)
    index.apply([kit.make_doc(3, sector="voluntary", title="Nurse")], [4], cursor=20)
    result = index.search(kit.query(facets=["sector"], per_page=100))
    assert sorted(kit.ids(result)) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]
    assert kit.ids(result) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]  # newest first
    assert result.facets["sector"] == {"voluntary": 7, "nhs": 3}
    assert sorted(kit.ids(index.search(kit.query(text="nurse", per_page=100)))) == [3, 6, 7, 8, 9, 10, 11]


def test_distance_and_relevance_across_segments(kit, build):
    index = build([kit.make_doc(1, title="Nurse", locations=[kit.YORK]), kit.make_doc(2, locations=[])])
    index.apply([kit.make_doc(3, title="Nurse", locations=[kit.BRADFORD])], [], cursor=1)
    index.apply([kit.make_doc(4, title="Nurse Nurse", text="nurse", locations=[kit.LEEDS])], [], cursor=2)
    assert kit.ids(index.search(kit.query(near=kit.LEEDS, sort="distance"))) == [4, 3, 1, 2]
    assert kit.ids(index.search(kit.query(text="nurse")))[0] == 4


def test_changes_from_another_instance_are_seen(kit, build, index_dir):
    index = build([kit.make_doc(1)])
    assert index.search(kit.query()).total == 1
    other = VacancyIndex(index_dir)
    other.apply([kit.make_doc(2)], [], cursor=1)
    assert index.search(kit.query()).total == 2
    assert index.cursor == 1
    other.close()


def test_cursor_is_persisted(kit, build, index_dir):
    index = build([kit.make_doc(1)], cursor=5)
    assert index.cursor == 5
    assert index.apply([kit.make_doc(2)], [], cursor=9)
    assert VacancyIndex(index_dir).cursor == 9
    assert index.apply([], [], cursor=10)
    assert VacancyIndex(index_dir).cursor == 10
    index.rebuild([kit.make_doc(1)], cursor=7)
    assert VacancyIndex(index_dir).cursor == 7


def test_writer_lock_held_by_whoosh_writer(kit, build, index_dir):
    index = build([kit.make_doc(1)], cursor=1)
    writer = open_dir(str(generation(index_dir))).writer()
    try:
        assert index.apply([kit.make_doc(2)], [], cursor=2, lock_timeout=0.2) is False
        assert index.cursor == 1
        # Searching never waits for writers.
        assert kit.ids(index.search(kit.query())) == [1]
    finally:
        writer.cancel()
    assert index.apply([kit.make_doc(2)], [], cursor=2, lock_timeout=0.2) is True
    assert index.doc_count() == 2


def test_writer_lock_held_by_another_apply(kit, build, index_dir):
    index = build([kit.make_doc(1)], cursor=1)
    lock = FileLock(str(generation(index_dir) / APPLY_LOCK))
    assert lock.acquire()
    try:
        assert index.apply([], [1], cursor=2, lock_timeout=0.1) is False
        assert index.cursor == 1
        assert index.doc_count() == 1
    finally:
        lock.release()
    assert index.apply([], [1], cursor=2, lock_timeout=0.1) is True


def test_rebuild_swaps_while_old_generation_answers(kit, build, index_dir):
    reader = build([kit.make_doc(i, title="Porter") for i in range(1, 4)], cursor=3)
    writer = VacancyIndex(index_dir)
    seen_during = []

    def docs():
        for i in range(10, 15):
            # Midway through the rebuild the old generation still answers.
            seen_during.append(reader.search(kit.query(text="porter")).total)
            yield kit.make_doc(i, title="Nurse")

    writer.rebuild(docs(), cursor=30)
    assert seen_during == [3] * 5
    assert reader.search(kit.query(text="porter")).total == 0
    assert kit.ids(reader.search(kit.query(text="nurse"))) == [10, 11, 12, 13, 14]
    assert reader.cursor == 30
    writer.close()


def test_old_generations_are_removed_keeping_the_previous(kit, build, index_dir):
    index = build([kit.make_doc(1)])
    first = generations(index_dir)
    index.rebuild([kit.make_doc(2)], cursor=1)
    second = generations(index_dir)
    index.rebuild([kit.make_doc(3)], cursor=2)
    third = generations(index_dir)
    assert len(first) == 1 and len(second) == 2 and len(third) == 2
    assert first[0] not in third
    assert generation(index_dir).name in third
    assert kit.ids(index.search(kit.query())) == [3]


def test_generation_with_a_writer_is_not_removed(kit, build, index_dir):
    index = build([kit.make_doc(1)])
    oldest = generation(index_dir)
    lock = FileLock(str(oldest / APPLY_LOCK))
    assert lock.acquire()
    try:
        index.rebuild([kit.make_doc(2)], cursor=1)
        index.rebuild([kit.make_doc(3)], cursor=2)
        assert oldest.exists()
    finally:
        lock.release()
    index.rebuild([kit.make_doc(4)], cursor=3)
    assert not oldest.exists()


def test_a_rebuild_leaves_a_newer_generation_being_built_alone(kit, build, index_dir):
    """With the directory deleted under a running rebuild, its lock went too and a second rebuild can run
    beside it; neither may remove the other's generation."""
    index = build([kit.make_doc(1)])
    later = index_dir / "gen-99999999999999999999-1"
    later.mkdir()
    index.rebuild([kit.make_doc(2)], cursor=1)
    index.rebuild([kit.make_doc(3)], cursor=2)
    assert later.exists()
    assert kit.ids(index.search(kit.query())) == [3]


def test_rebuild_skips_repeated_ids(kit, build):
    index = build([kit.make_doc(1, title="First"), kit.make_doc(1, title="Second")])
    assert index.doc_count() == 1
    assert kit.ids(index.search(kit.query(text="first"))) == [1]


def test_failed_rebuild_keeps_the_live_generation(kit, build, index_dir):
    index = build([kit.make_doc(1)], cursor=4)
    before = generations(index_dir)

    def docs():
        yield kit.make_doc(2)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        index.rebuild(docs(), cursor=8)
    assert generations(index_dir) == before
    assert index.cursor == 4
    assert kit.ids(index.search(kit.query())) == [1]


def test_rebuild_reports_busy_when_another_rebuild_runs(kit, build, index_dir):
    index = build([kit.make_doc(1)])
    lock = FileLock(str(index_dir / "REBUILD.lock"))
    assert lock.acquire()
    try:
        assert index.rebuild([kit.make_doc(2)], cursor=1, lock_timeout=0.05) is False
    finally:
        lock.release()
    assert kit.ids(index.search(kit.query())) == [1]


def test_missing_index_is_unavailable(kit, tmp_path):
    index = VacancyIndex(tmp_path / "nowhere")
    assert not index.exists()
    with pytest.raises(IndexUnavailable):
        index.search(kit.query())
    with pytest.raises(IndexUnavailable):
        index.cursor
    with pytest.raises(IndexUnavailable):
        index.apply([kit.make_doc(1)], [], cursor=1)
    with pytest.raises(IndexUnavailable):
        index.doc_count()


def test_pointer_to_missing_generation(kit, build, index_dir):
    build([kit.make_doc(1)])
    (index_dir / POINTER).write_text("gen-00000000000000000000-1")
    index = VacancyIndex(index_dir)
    assert not index.exists()
    with pytest.raises(IndexUnavailable):
        index.search(kit.query())
    with pytest.raises(IndexUnavailable):
        index.apply([], [1], cursor=1)


@pytest.mark.parametrize("damage", ["delete_toc", "truncate_toc", "empty_toc", "delete_segment"])
def test_damaged_index_is_unavailable_until_rebuilt(kit, build, index_dir, damage):
    index = build([kit.make_doc(1), kit.make_doc(2)])
    gen = generation(index_dir)
    toc = next(gen.glob("_MAIN_*.toc"))
    if damage == "delete_toc":
        toc.unlink()
    elif damage == "truncate_toc":
        toc.write_bytes(toc.read_bytes()[:40])
    elif damage == "empty_toc":
        toc.write_bytes(b"")
    else:
        for segment in gen.glob("MAIN_*.seg"):
            segment.unlink()
    fresh = VacancyIndex(index_dir)
    assert fresh.exists() is (damage == "delete_segment")
    with pytest.raises(IndexUnavailable):
        fresh.search(kit.query())
    with pytest.raises(IndexUnavailable):
        fresh.apply([kit.make_doc(3)], [], cursor=1)
    fresh.rebuild([kit.make_doc(3)], cursor=1)
    assert kit.ids(fresh.search(kit.query())) == [3]
    assert kit.ids(index.search(kit.query())) == [3]


def test_open_index_notices_deleted_toc(kit, build, index_dir):
    index = build([kit.make_doc(1)])
    assert index.search(kit.query()).total == 1
    next(generation(index_dir).glob("_MAIN_*.toc")).unlink()
    with pytest.raises(IndexUnavailable):
        index.search(kit.query())


@pytest.mark.parametrize("state", ["", "{", '{"format": 1}', '{"format": 999, "cursor": 3}'])
def test_bad_state_file_is_unavailable(kit, build, index_dir, state):
    build([kit.make_doc(1)])
    (generation(index_dir) / STATE).write_text(state.replace("999", str(FORMAT_VERSION + 1)))
    index = VacancyIndex(index_dir)
    assert not index.exists()
    with pytest.raises(IndexUnavailable):
        index.search(kit.query())
    with pytest.raises(IndexUnavailable):
        index.cursor


def test_threads_search_while_another_applies(kit, build):
    index = build([kit.make_doc(i, title="Nurse") for i in range(1, 50)])
    errors = []
    stop = threading.Event()

    def searcher():
        try:
            while not stop.is_set():
                result = index.search(kit.query(text="nurse", facets=["sector"]))
                assert result.total >= 49
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for i in range(50, 60):
            assert index.apply([kit.make_doc(i, title="Nurse")], [], cursor=i, lock_timeout=5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert index.search(kit.query(text="nurse")).total == 59


def _apply_in_process(index_dir, first, cursor, make_doc):
    index = VacancyIndex(index_dir)
    for i in range(first, first + 5):
        assert index.apply([make_doc(i)], [], cursor=cursor, lock_timeout=10)


def test_processes_apply_concurrently(kit, build, index_dir):
    index = build([kit.make_doc(1)])
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_apply_in_process, args=(index_dir, first, first, kit.make_doc))
        for first in (100, 200, 300)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0, 0]
    assert index.doc_count() == 16
