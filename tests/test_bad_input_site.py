"""Issue 5 end to end: a seeds folder full of bad input still gives a site that passes --strict."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sitekit import PROJECT, build_site, make_project

BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n",
    "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(300),
    "scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "notes.md": b"# Not an article\n",
    ".#lock.txt": b"editor lock file",
    "draft.txt~": b"editor backup",
    "cp1252 Sévaré.txt": "Gunmen attacked Sévaré, killing five people, police said.".encode("cp1252"),
    "utf16.txt": "Gunmen stormed a café in Gao, killing three people, officials said.".encode("utf-16"),
    "mojibake.txt": "Gunmen attacked SÃ©varÃ© again, killing two soldiers, the army said.".encode(),
    "no story at all.txt": b"The weather was mild and the market was busy all week.",
    "one paragraph.txt": ("Gunmen killed four people in Kidal, officials said. " * 400).encode(),
    "../tricky name [1] #2.txt": b"Militants killed six soldiers in Menaka, the army said.",
}


def test_bad_input_builds_with_strict_and_reports_each_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", PROJECT / "seeds")
    seeds = project / "seeds"
    for name, content in BAD_FILES.items():
        (seeds / Path(name).name).write_bytes(content)
    shutil.copy(seeds / "001_bc9a96e95c9a8bcb.txt", seeds / "001 duplicate copy.txt")

    output = build_site(tmp_path / "site", "http://127.0.0.1:8000/", project=project)

    for name in ("empty.txt", "blank.txt", "photo.txt", "scan.txt", "notes.md", ".#lock.txt", "draft.txt~"):
        assert f"{name}: skipped" in output, name
    assert re.search(r"001 duplicate copy\.txt: skipped: duplicate of \S*001_bc9a96e95c9a8bcb\.txt", output)
    sources = sorted(p.name for p in (project / "docs" / "sources").glob("*.md"))
    assert "cp1252-sevare.md" in sources and "utf16.md" in sources and "no-story-at-all.md" in sources
    assert "tricky-name-1-2.md" in sources
    assert all(not name.startswith("001-duplicate") for name in sources)
    page = (project / "docs" / "sources" / "mojibake.md").read_text(encoding="utf-8")
    assert "Sévaré" in page and "Ã" not in page
    assert (tmp_path / "site" / "sources" / "no-story-at-all" / "index.html").exists()
