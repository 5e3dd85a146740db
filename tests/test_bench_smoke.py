"""bench/search.py runs end to end at a tiny size and prints its figures (timings are not checked)."""
import importlib.util
import io
import re
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "search.py"


def test_search_benchmark_prints_its_figures(tmp_path):
    spec = importlib.util.spec_from_file_location("search_benchmark", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = io.StringIO()

    assert bench.main(["--sizes", "300", "--rounds", "1", "--dir", str(tmp_path / "bench")], out=out) == 0

    printed = out.getvalue()
    assert "test client" in printed
    assert re.search(r"== 300 vacancies \(\d+ published\) ==", printed)
    assert re.search(r"Index build: [\d.]+ s", printed)
    assert re.search(r"Index size: [\d.]+ MB", printed)
    assert re.search(r"p50 [\d.]+ ms, p95 [\d.]+ ms, max [\d.]+ ms", printed)
    assert re.search(r"Target p95 < 25 ms at 300: (PASS|FAIL)", printed)
    assert re.search(r"Posted vacancy searchable after \d+ ms at 300 .*: (PASS|FAIL)", printed)


def test_careers_benchmark_prints_its_figures():
    spec = importlib.util.spec_from_file_location("careers_benchmark", BENCH.parent / "careers.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = io.StringIO()

    assert bench.main(["--rounds", "1"], out=out) == 0

    printed = out.getvalue()
    assert "not measured" not in printed
    for group in ("role page", "pathway page", "quiz results", "compare three roles"):
        assert re.search(rf"{group}: \d+ pages, p50 [\d.]+ ms, p95 [\d.]+ ms, max [\d.]+ ms; target p95 < 100 ms: "
                         r"(PASS|FAIL)", printed), group
