"""The editorial workflow through the CLI: check, bad claims files, baselines, explain, config."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from claimcheck.cli import app

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = REPO_ROOT / "seeds"
SHEET = "claims/mai-thinking-1.yaml"
BAD = "tests/fixtures/claims_bad"
S000 = "seeds/000_1a73ffd962d6b0cf.txt"  # "The claimed 53 percent score on SWE-Bench Pro" (line 16)
S001 = "seeds/001_6a0efc53e5151edd.txt"  # "... and scores 53% on SWE-Bench Pro" (line 15)
S004 = "seeds/004_0ef679e93bf0b198.txt"  # "SWE-Bench Pro: At 52.8%" (line 48)
SWE_PRO = "mai-thinking-1/swe-bench-pro"

Doc = dict[str, Any]


def run(*args: str) -> Result:
    """Invoke the CLI; no run may end in a traceback or an unexpected exception."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def one_line_error(result: Result) -> str:
    """The contract for errors: exit 2, nothing on stdout, exactly one line on stderr."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def finding(doc: Doc, subject: str, metric: str, qualifier: str = "") -> Doc:
    """The one finding for (subject, metric, qualifier)."""
    found: list[Doc] = [
        f
        for f in doc["findings"]
        if (f["subject"], f["metric"], f["qualifier"]) == (subject, metric, qualifier)
    ]
    assert len(found) == 1, (subject, metric, qualifier, [f["id"] for f in doc["findings"]])
    return found[0]


def where(f: Doc) -> list[tuple[str, int, float]]:
    return sorted((c["path"], c["line"], c["value"]) for c in f["claims"])


@pytest.fixture(autouse=True)
def no_config_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO_ROOT)
    return REPO_ROOT


# --- check against the fact sheet ------------------------------------------------------


@pytest.fixture
def checked(at_root: Path) -> tuple[Result, Doc]:
    result = run("check", "seeds/", "--facts", SHEET, "--format", "json", "--isolated")
    return result, json.loads(result.stdout)


def test_check_swe_bench_pro_is_rounding(checked: tuple[Result, Doc]) -> None:
    f = finding(checked[1], "MAI-Thinking-1", "SWE-Bench Pro")
    assert f["verdict"] == "rounding"
    assert f["severity"] == "warning"
    assert f["id"] == "sheet:" + SWE_PRO
    assert where(f) == [(S000, 16, 53), (S001, 15, 53), (S004, 48, 52.8)]
    assert f["summary"].startswith("Rounds the fact sheet: 52.8% (Microsoft announcement at Build")


def test_check_active_parameters_agree(checked: tuple[Result, Doc]) -> None:
    f = finding(checked[1], "MAI-Thinking-1", "active parameters")
    assert f["verdict"] == "agree"
    assert {c["value"] for c in f["claims"]} == {35e9}
    assert len({c["path"] for c in f["claims"]}) == 3


def test_check_aime_2025_agrees(checked: tuple[Result, Doc]) -> None:
    f = finding(checked[1], "MAI-Thinking-1", "AIME", "2025")
    assert f["verdict"] == "agree"
    assert {c["value"] for c in f["claims"]} == {97}
    assert {c["qualifier"] for c in f["claims"]} == {"2025"}


def test_check_figure_not_on_the_sheet(checked: tuple[Result, Doc]) -> None:
    f = finding(checked[1], "MAI-Code-1-Flash", "total parameters")
    assert f["verdict"] == "not-on-sheet"
    assert where(f) == [(S001, 15, 5e9)]
    assert f["summary"].startswith("Not on the fact sheet: ")


def test_check_has_no_conflict_on_the_seeds(checked: tuple[Result, Doc]) -> None:
    verdicts = [f["verdict"] for f in checked[1]["findings"]]
    assert "conflict" not in verdicts
    assert verdicts.count("rounding") == 1


@pytest.mark.parametrize(("fail_on", "code"), [([], 0), (["--fail-on", "rounding"], 1)])
def test_check_exit_codes(at_root: Path, fail_on: list[str], code: int) -> None:
    result = run("check", "seeds/", "--facts", SHEET, "--isolated", *fail_on)
    assert result.exit_code == code, result.stderr
    assert "SWE-Bench Pro" in result.stdout


# --- bad claims files ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "compare"])
@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("malformed.yaml", 6, "malformed YAML: expected ',' or '}', but got ':'"),
        ("unknown_key.yaml", 11, "figure: unknown field 'valeu' (did you mean 'value'?)"),
        ("unknown_unit.yaml", 12, "figure: unknown unit 'parsecs'"),
    ],
    ids=["malformed", "unknown-key", "unknown-unit"],
)
def test_bad_claims_file(at_root: Path, command: str, name: str, line: int, message: str) -> None:
    path = f"{BAD}/{name}"
    result = run(command, "seeds/", "--facts", path, "--isolated")
    assert one_line_error(result) == f"claimcheck: {path}:{line}: {message}"


# --- baselines -------------------------------------------------------------------------


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom folder holding a copy of the seeds; the run happens there."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make_baseline(desk: Path) -> Doc:
    result = run("baseline", "seeds/", "-o", "baseline.yaml", "--isolated")
    assert result.exit_code == 0, result.stderr
    data: Doc = yaml.safe_load((desk / "baseline.yaml").read_text(encoding="utf-8"))
    assert (
        result.stderr == f"claimcheck: baseline.yaml: recorded {len(data['accepted'])} finding(s)\n"
    )
    return data


def compare(*args: str) -> tuple[Result, Doc]:
    result = run("compare", "seeds/", "--format", "json", "--isolated", *args)
    assert result.stdout, result.stderr
    return result, json.loads(result.stdout)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def entry_line(desk: Path, finding_id: str) -> int:
    """The line number of the '- fingerprint:' item that records `finding_id`."""
    lines = (desk / "baseline.yaml").read_text(encoding="utf-8").splitlines()
    id_index = lines.index(f"  id: {finding_id}")
    assert lines[id_index - 1].startswith("- fingerprint: sha256:")
    return id_index  # the item starts one line up: index id_index - 1, line id_index


def test_baseline_writes_the_accepted_findings(desk: Path) -> None:
    data = make_baseline(desk)
    entries = {e["id"]: e for e in data["accepted"]}
    swe = entries[SWE_PRO]
    assert swe["verdict"] == "rounding"
    assert swe["values"] == ["52.8=", "53="]
    assert swe["sources"] == [S000, S001, S004]
    assert swe["fingerprint"].startswith("sha256:")
    assert {e["verdict"] for e in data["accepted"]} <= {"rounding", "single-source"}
    assert all(e["reason"] == "" for e in data["accepted"])


def test_baseline_refuses_to_write_over_an_input(desk: Path) -> None:
    target = desk / S000
    before = target.read_bytes()
    line = one_line_error(run("baseline", "seeds/", "-o", S000, "--isolated"))
    assert line == f"claimcheck: {S000}: refusing to write the baseline over an input file"
    assert target.read_bytes() == before


def test_compare_with_baseline_leaves_accepted_findings_out(desk: Path) -> None:
    data = make_baseline(desk)
    before, _ = compare("--fail-on", "rounding")
    assert before.exit_code == 1
    result, doc = compare("--baseline", "baseline.yaml", "--fail-on", "rounding")
    assert result.exit_code == 0, result.stderr
    assert [f for f in doc["findings"] if f["verdict"] != "agree"] == []
    assert SWE_PRO not in {f["id"] for f in doc["findings"]}
    accepted = len(data["accepted"])
    assert result.stderr == (
        f"claimcheck: baseline.yaml: {accepted} finding(s) accepted by the baseline\n"
    )


def test_an_edited_figure_is_a_new_finding(desk: Path) -> None:
    make_baseline(desk)
    edit(desk / S004, "At 52.8%", "At 55.0%")
    result, doc = compare("--baseline", "baseline.yaml")
    assert result.exit_code == 1, result.stderr
    f = finding(doc, "MAI-Thinking-1", "SWE-Bench Pro")
    assert f["verdict"] == "conflict"
    assert where(f) == [(S000, 16, 53), (S001, 15, 53), (S004, 48, 55)]
    line = entry_line(desk, SWE_PRO)
    assert f"baseline.yaml:{line}: stale entry {SWE_PRO} matches no finding" in result.stderr


def test_a_stale_entry_is_listed_and_strict_baseline_fails(desk: Path) -> None:
    make_baseline(desk)
    # The outlets now print the announced figure: the accepted rounding is gone.
    edit(desk / S000, "claimed 53 percent", "claimed 52.8 percent")
    edit(desk / S001, "scores 53% on", "scores 52.8% on")
    result, doc = compare("--baseline", "baseline.yaml", "--fail-on", "rounding")
    assert result.exit_code == 0, result.stderr
    assert finding(doc, "MAI-Thinking-1", "SWE-Bench Pro")["verdict"] == "agree"
    stale = [line for line in result.stderr.splitlines() if "stale entry" in line]
    line = entry_line(desk, SWE_PRO)
    assert stale == [f"claimcheck: baseline.yaml:{line}: stale entry {SWE_PRO} matches no finding"]
    strict, _ = compare("--baseline", "baseline.yaml", "--fail-on", "rounding", "--strict-baseline")
    assert strict.exit_code == 1
    assert stale[0] in strict.stderr


def test_strict_baseline_passes_when_nothing_is_stale(desk: Path) -> None:
    make_baseline(desk)
    result, _ = compare("--baseline", "baseline.yaml", "--fail-on", "rounding", "--strict-baseline")
    assert result.exit_code == 0, result.stderr
    assert "stale" not in result.stderr


def test_moving_a_paragraph_keeps_the_entry(desk: Path) -> None:
    make_baseline(desk)
    article = desk / S000
    lines = article.read_text(encoding="utf-8").split("\n")
    moved = lines.pop(15)  # line 16: "The claimed 53 percent score on SWE-Bench Pro ..."
    assert moved.startswith("The claimed 53 percent score on SWE-Bench Pro")
    lines.insert(3, moved)
    article.write_text("\n".join(lines), encoding="utf-8")
    _, plain = compare()
    swe = finding(plain, "MAI-Thinking-1", "SWE-Bench Pro")
    assert where(swe) == [(S000, 4, 53), (S001, 15, 53), (S004, 48, 52.8)]
    assert swe["verdict"] == "rounding"
    result, doc = compare(
        "--baseline", "baseline.yaml", "--fail-on", "rounding", "--strict-baseline"
    )
    assert result.exit_code == 0, result.stderr
    assert "stale" not in result.stderr
    assert SWE_PRO not in {f["id"] for f in doc["findings"]}


def test_baseline_matches_however_the_folder_is_named(desk: Path) -> None:
    make_baseline(desk)
    result = run(
        "compare",
        str(desk / "seeds"),
        "--baseline",
        "baseline.yaml",
        "--fail-on",
        "rounding",
        "--isolated",
        "--format",
        "json",
    )
    assert "stale" not in result.stderr
    assert result.exit_code == 0


# --- explain ---------------------------------------------------------------------------


def test_explain_lists_every_mention(at_root: Path) -> None:
    result = run("explain", SWE_PRO, "seeds/", "--isolated")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{SWE_PRO} — MAI-Thinking-1 · SWE-Bench Pro\n")
    assert "verdict: rounding (warning)" in out
    assert "mentions (3 from 3 sources):" in out
    listed = re.findall(r"^  (seeds/\S+?):(\d+):\d+  \"([^\"]+)\"$", out, re.MULTILINE)
    assert listed == [(S000, "16", "53 percent"), (S001, "15", "53%"), (S004, "48", "52.8%")]
    assert re.search(r"^  52\.8% \[52\.75, 52\.85\) vs 53.*: rounding, ", out, re.MULTILINE)


def test_explain_unknown_id_exits_2(at_root: Path) -> None:
    line = one_line_error(run("explain", "mai-thinking-1/no-such-metric", "seeds/", "--isolated"))
    assert "mai-thinking-1/no-such-metric" in line
    assert line.startswith("claimcheck: ")


# --- config ----------------------------------------------------------------------------


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder (no claims/, no config) to put configuration files in."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def setting(output: str, key: str) -> tuple[str, str]:
    """(value, origin) of one line of `claimcheck config`."""
    match = re.search(rf"^{re.escape(key)} +(\S.*?)  \((.*)\)$", output, re.MULTILINE)
    assert match, output
    return match.group(1), match.group(2)


def test_config_shows_a_setting_and_its_file(office: Path) -> None:
    (office / "claimcheck.yaml").write_text("fail-on: rounding\n", encoding="utf-8")
    result = run("config")
    assert result.exit_code == 0, result.stderr
    value, origin = setting(result.stdout, "fail-on")
    assert value == "rounding"
    assert origin.endswith("claimcheck.yaml")
    assert Path(origin).resolve() == (office / "claimcheck.yaml").resolve()
    assert setting(result.stdout, "format") == ("table", "default")
    assert re.search(r"^fail-on +rounding  \(.*claimcheck\.yaml\)$", result.stdout, re.MULTILINE)


def test_config_file_sets_the_threshold_and_flags_win(office: Path) -> None:
    seeds = str(SEEDS)
    before = run("compare", seeds)
    assert before.exit_code == 0, before.stderr  # rounding only: below the default threshold
    (office / "claimcheck.yaml").write_text("fail-on: rounding\n", encoding="utf-8")
    assert run("compare", seeds).exit_code == 1
    assert run("compare", seeds, "--fail-on", "conflict").exit_code == 0


def test_pyproject_is_found_from_a_subfolder(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (office / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.claimcheck]\nfail-on = "rounding"\n',
        encoding="utf-8",
    )
    deeper = office / "drafts" / "june"
    deeper.mkdir(parents=True)
    monkeypatch.chdir(deeper)
    result = run("config")
    assert result.exit_code == 0, result.stderr
    value, origin = setting(result.stdout, "fail-on")
    assert value == "rounding"
    assert Path(origin).resolve() == (office / "pyproject.toml").resolve()
    assert run("compare", str(SEEDS)).exit_code == 1


def test_pyproject_without_the_table_is_not_a_config(office: Path) -> None:
    (office / "pyproject.toml").write_text('[project]\nname = "newsroom"\n', encoding="utf-8")
    result = run("config")
    assert result.stdout.startswith("# configuration file: none found\n")
    assert setting(result.stdout, "fail-on") == ("conflict", "default")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("claimcheck.yaml", "fail-onn: rounding\n"),
        ("pyproject.toml", '[tool.claimcheck]\nfial-on = "rounding"\n'),
    ],
    ids=["yaml", "pyproject"],
)
@pytest.mark.parametrize("command", [["config"], ["compare", str(SEEDS)]])
def test_unknown_setting_exits_2(office: Path, name: str, content: str, command: list[str]) -> None:
    (office / name).write_text(content, encoding="utf-8")
    line = one_line_error(run(*command))
    assert name in line
    assert re.search(r"did you mean 'fail[-_]on'\?", line), line


def test_pyproject_suggestion_uses_the_documented_spelling(office: Path) -> None:
    (office / "pyproject.toml").write_text('[tool.claimcheck]\nfial-on = "rounding"\n')
    assert "did you mean 'fail-on'?" in one_line_error(run("config"))


def test_isolated_ignores_the_config_file(office: Path) -> None:
    (office / "claimcheck.yaml").write_text("fail-on: rounding\n", encoding="utf-8")
    result = run("config", "--isolated")
    assert result.exit_code == 0
    assert result.stdout.startswith("# configuration file: none found\n")
    assert setting(result.stdout, "fail-on") == ("conflict", "default")
    assert run("compare", str(SEEDS), "--isolated").exit_code == 0


def test_isolated_ignores_even_a_broken_config_file(office: Path) -> None:
    (office / "claimcheck.yaml").write_text("fail-onn: rounding\n", encoding="utf-8")
    assert run("compare", str(SEEDS)).exit_code == 2
    assert run("compare", str(SEEDS), "--isolated").exit_code == 0
