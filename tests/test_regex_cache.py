"""The persistent regex cache: patterns built from it behave as `re.compile`'s, and no trouble with
its file ever reaches the caller."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from annales.common import regex_cache as rc

pytestmark = pytest.mark.skipif(not rc._SUPPORTED, reason="the cache needs CPython's re internals")

PAD = "(?:" + "|".join(f"zz{i}q" for i in range(60)) + ")?"  # pushes a pattern past MIN_PATTERN_LENGTH
LETTERS = "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha())

# (pattern, flags): named groups, flags given and inline, IGNORECASE on non-ASCII, huge Unicode
# classes, lookarounds, backreferences, VERBOSE, MULTILINE/DOTALL, ASCII, possessive-free repeats.
PATTERNS: list[tuple[str, int]] = [
    (rf"(?P<day>\d{{1,2}})\s+(?P<month>janvier|février|mars|avril|mai|juin)\s+(?P<year>\d{{4}}){PAD}", 0),
    (rf"(?P<word>[{LETTERS}]+)(?:-(?P=word))?{PAD}", re.IGNORECASE),
    (rf"(?i)\b(?:général|colonel|capitaine)\s+(?P<name>[A-ZÉÈ][{LETTERS}a-z]+){PAD}", 0),
    (rf"[^{LETTERS}\s]+|(?<=\s)[{LETTERS}]{{2,}}(?=[,.;])|{PAD}", 0),
    (rf"""(?P<num> \d+ (?:[.,]\d+)? )   # a number
          \s* (?P<unit> km | kilomètres? | m )  # its unit
          {PAD}""", re.VERBOSE | re.IGNORECASE),
    (rf"^(?P<line>.*?)$(?:\n|\Z){PAD}", re.MULTILINE | re.DOTALL),
    (rf"(\w+)\s+\1{PAD}", re.ASCII),
    (rf"(?:ÉTÉ|Été|été){{1,3}}?(?!x)[\u0300-\u036f]*{PAD}", re.UNICODE),
]
SAMPLES = [
    "Le 3 mai 1940, le régiment quitta Reims.",
    "le 14 JUILLET 1789 ; Saint-Saint-Étienne, le général Ney arriva. colonel Éric Dupont",
    "12,5 km puis 3 kilomètres et 40 m, la la route",
    "ligne une\nligne deux\n\nÉTÉ Été été\u0301 fin",
    "zz3q zz59q ÀÉÎÕÜ àéîõü ĀāĂă ŁłŃń",
    "",
]


@pytest.fixture
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    """A fresh cache directory; the process-level stores and re's own cache are emptied around it,
    so that every activation really goes to disk and really compiles."""
    rc._stores.clear()
    re.purge()
    yield tmp_path / "cache"
    rc._stores.clear()
    re.purge()


def fresh_process() -> None:
    """Forget what this process read or compiled, as a new process would."""
    rc._stores.clear()
    re.purge()


def behaviour(pattern: re.Pattern[str]) -> list[object]:
    seen: list[object] = [pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)]
    for text in SAMPLES:
        seen.append([(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)])
        match = pattern.match(text)
        seen.append(match and (match.span(), match.groups()))
        seen.append(pattern.sub("<>", text))
        seen.append(pattern.split(text))
    return seen


def test_patterns_are_long_enough_to_be_cached() -> None:
    assert all(len(p) >= rc.MIN_PATTERN_LENGTH for p, _ in PATTERNS)


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_cached_pattern_behaves_as_re_compile(cache_dir: Path, pattern: str, flags: int) -> None:
    expected = behaviour(re.compile(pattern, flags))
    fresh_process()
    with rc.regex_cache(cache_dir):
        cold = re.compile(pattern, flags)
    fresh_process()
    with rc.regex_cache(cache_dir):
        warm = re.compile(pattern, flags)
    assert behaviour(cold) == expected
    assert behaviour(warm) == expected


def test_a_hit_skips_parsing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    parse = rc._re_parser.parse

    def counting(pattern: str, flags: int = 0) -> object:
        calls.append(pattern)
        return parse(pattern, flags)

    monkeypatch.setattr(rc._re_parser, "parse", counting)
    with rc.regex_cache(cache_dir):
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    assert len(calls) == len(PATTERNS)
    assert rc.cache_file(cache_dir).is_file()

    calls.clear()
    fresh_process()
    with rc.regex_cache(cache_dir):
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    assert calls == []


def test_short_patterns_are_compiled_as_usual(cache_dir: Path) -> None:
    with rc.regex_cache(cache_dir):
        assert re.compile(r"(?P<x>a+)b").match("aab").group("x") == "aa"
    assert not rc.cache_file(cache_dir).exists()  # nothing worth keeping, nothing written


def test_the_patch_is_undone_and_reentrant(cache_dir: Path) -> None:
    original = rc._re_compiler.compile
    with rc.regex_cache(cache_dir):
        with rc.regex_cache(cache_dir):
            assert rc._re_compiler.compile is rc._compile
            re.compile(*PATTERNS[0])
        assert rc._re_compiler.compile is rc._compile
        assert not rc.cache_file(cache_dir).exists()  # only the outermost exit writes
    assert rc._re_compiler.compile is original
    assert rc.cache_file(cache_dir).is_file()


def test_an_invalid_pattern_raises_as_without_cache(cache_dir: Path) -> None:
    bad = "(?P<a>x)" + PAD + "(?P<a>y)"
    with pytest.raises(re.error) as without:
        re.compile(bad)
    with rc.regex_cache(cache_dir), pytest.raises(re.error) as within:
        re.compile(bad)
    assert str(within.value) == str(without.value)


@pytest.mark.parametrize("content", [b"", b"not json\n{}", b"\x00\xff" * 100, b'{"environment": 1}\n[]'])
def test_a_corrupt_file_is_ignored(cache_dir: Path, content: bytes) -> None:
    cache_dir.mkdir()
    rc.cache_file(cache_dir).write_bytes(content)
    pattern, flags = PATTERNS[1]
    with rc.regex_cache(cache_dir):
        compiled = re.compile(pattern, flags)
    fresh_process()
    assert behaviour(compiled) == behaviour(re.compile(pattern, flags))
    # rewritten whole, and usable by the next process
    fresh_process()
    with rc.regex_cache(cache_dir):
        assert behaviour(re.compile(pattern, flags)) == behaviour(compiled)


def _rewrite_entries(path: Path, change: object) -> None:
    header_line, body = path.read_bytes().split(b"\n", 1)
    entries = json.loads(body)
    for entry in entries.values():
        change(entry)  # type: ignore[operator]
    body = json.dumps(entries).encode()
    header = json.loads(header_line)
    header["sha256"] = __import__("hashlib").sha256(body).hexdigest()  # damaged yet consistent
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


@pytest.mark.parametrize("damage", [
    lambda e: e.__setitem__("code", [1, 2, 3, 4]),          # code CPython refuses
    lambda e: e.__setitem__("code", ["x"]),                 # not integers
    lambda e: e.__setitem__("groups", e["groups"] + 5),     # groups that do not add up
    lambda e: e.pop("flags"),                               # a missing field
])
def test_a_damaged_entry_is_a_miss(cache_dir: Path, damage: object) -> None:
    pattern, flags = PATTERNS[0]
    with rc.regex_cache(cache_dir):
        re.compile(pattern, flags)
    _rewrite_entries(rc.cache_file(cache_dir), damage)
    fresh_process()
    with rc.regex_cache(cache_dir):
        compiled = re.compile(pattern, flags)
    fresh_process()
    assert behaviour(compiled) == behaviour(re.compile(pattern, flags))


def test_an_altered_file_fails_its_checksum(cache_dir: Path) -> None:
    pattern, flags = PATTERNS[0]
    with rc.regex_cache(cache_dir):
        re.compile(pattern, flags)
    path = rc.cache_file(cache_dir)
    path.write_bytes(path.read_bytes()[:-10] + b"0000000000")
    assert rc._read(path) == {}


def test_a_file_from_another_python_is_ignored(cache_dir: Path) -> None:
    pattern, flags = PATTERNS[0]
    with rc.regex_cache(cache_dir):
        re.compile(pattern, flags)
    path = rc.cache_file(cache_dir)
    header_line, body = path.read_bytes().split(b"\n", 1)
    header = json.loads(header_line)
    header["environment"]["magic"] += 1
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert rc._read(path) == {}


def test_an_unwritable_directory_is_ignored(tmp_path: Path) -> None:
    rc._stores.clear()
    re.purge()
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    pattern, flags = PATTERNS[2]
    with rc.regex_cache(blocker / "annales"):
        compiled = re.compile(pattern, flags)
    rc._stores.clear()
    re.purge()
    assert behaviour(compiled) == behaviour(re.compile(pattern, flags))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-directory"]


def test_writing_leaves_no_temporary_file(cache_dir: Path) -> None:
    with rc.regex_cache(cache_dir):
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    assert [p.name for p in cache_dir.iterdir()] == [rc.cache_file(cache_dir).name]


def test_the_file_is_bounded(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rc, "MAX_ENTRIES", 3)
    with rc.regex_cache(cache_dir):
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    assert len(rc._read(rc.cache_file(cache_dir))) == 3

    monkeypatch.setattr(rc, "MAX_ENTRIES", 100)
    monkeypatch.setattr(rc, "MAX_BYTES", 1)
    fresh_process()
    with rc.regex_cache(cache_dir):
        re.compile(PATTERNS[0][0] + "x", PATTERNS[0][1])
    assert rc._read(rc.cache_file(cache_dir)) == {}


def test_the_entries_used_last_are_kept(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rc, "MAX_ENTRIES", 2)
    first, second, third = PATTERNS[:3]
    with rc.regex_cache(cache_dir):
        re.compile(*first)
        re.compile(*second)
    fresh_process()
    with rc.regex_cache(cache_dir):
        re.compile(*first)  # used again: the older one now is `second`
        re.compile(*third)
    kept = rc._read(rc.cache_file(cache_dir))
    assert set(kept) == {rc._key(first[0], first[1]), rc._key(third[0], third[1])}


def test_the_default_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ANNALES_CACHE_DIR", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert rc.default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("ANNALES_CACHE_DIR")
    assert rc.default_cache_dir() == tmp_path / "xdg" / "annales"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec says: ignore it
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert rc.default_cache_dir() == tmp_path / "home" / ".cache" / "annales"
