"""The command line as a person uses it: every bad-input case from the error-handling issue, run
through the real `sitegen` binary on a copy of the fixture site."""
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
FIXTURE = REPO / "Tests/Fixtures/minisite"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(FIXTURE / "Content", tmp_path / "Content")
    shutil.copytree(FIXTURE / "Templates", tmp_path / "Templates")
    return tmp_path


def run(project, *args):
    return subprocess.run([str(SITEGEN), *args], cwd=project, capture_output=True, text=True, timeout=60)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_good_build_prints_one_line_and_exits_0(project):
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"Built \d+ pages, \d+ files \(\d+ written, \d+ unchanged\) into public/ in \d+ ms; "
                        r"search index [\d.]+ [KM]?B in \d+ files\n", result.stdout)
    assert result.stderr == ""
    again = run(project, "build")
    assert re.search(r"\(0 written, \d+ unchanged\)", again.stdout), again.stdout


CASES = {
    "yaml syntax": ("Content/about.md", "---\ntitle: About\nlist: [a, b\n---\nText\n",
                    r"Content/about\.md:4:1: error: YAML: "),
    "unclosed front matter": ("Content/about.md", "---\ntitle: About\nText\n",
                              r"Content/about\.md:1:1: error: front matter opened here is never closed"),
    "missing required field": ("Content/people/carol.md", "---\ntitle: Carol\n---\n",
                               r"Content/people/carol\.md:1:1: error: missing required field 'role'"),
    "value not allowed": ("Content/topics/zeta.md", "---\ntitle: Zeta\nkind: huge\n---\n",
                          r"Content/topics/zeta\.md:3:7: error: 'huge' is not an allowed kind: use one of 'big', 'small'"),
    "impossible date": ("Content/people/carl.md", "---\ntitle: Carl\nrole: Writer\ndate: 2023-02-30\n---\n",
                        r"Content/people/carl\.md:4:7: error: date '2023-02-30' is not a date: February 2023 has 28 days, not 30"),
    "malformed date": ("Content/people/carl.md", "---\ntitle: Carl\nrole: Writer\ndate: June 28\n---\n",
                       r"Content/people/carl\.md:4:7: error: date 'June 28' must be a date written YYYY-MM-DD"),
    "missing link target": ("Content/about.md", "---\ntitle: About\n---\n\nSee [x](people/nobody.md).\n",
                            r"Content/about\.md:5:9: error: link to 'people/nobody\.md': no such content file"),
    "same URL twice": ("Content/people/dup.md", "---\ntitle: Dup\nrole: x\nslug: ada\n---\n",
                       r"Content/people/dup\.md:4:7: error: writes the same URL /people/ada/ as Content/people/ada\.md"),
    "slug leaving its folder": ("Content/people/evil.md", "---\ntitle: Evil\nrole: x\nslug: ../../etc\n---\n",
                                r"Content/people/evil\.md:4:7: error: slug '\.\./\.\./etc' leaves its folder"),
    "slug with NUL": ("Content/people/evil.md", "---\ntitle: Evil\nrole: x\nslug: \"a\\0b\"\n---\n",
                      r"Content/people/evil\.md:4:7: error: slug must not contain control characters or NUL"),
    "empty file": ("Content/people/empty.md", "",
                   r"Content/people/empty\.md:1:1: error: empty file"),
    "template syntax": ("Templates/layouts/people/single.mustache", "{{<base}}{{$main}}\n{{#page.title}}\n{{/main}}{{/base}}\n",
                        r"Templates/layouts/people/single\.mustache:\d+:\d+: error: "),
    "misspelled template name": ("Templates/layouts/people/single.mustache", "{{<base}}{{$main}}\n  {{page.titel}}{{/main}}{{/base}}\n",
                                 r"Templates/layouts/people/single\.mustache:2:3: error: .*page\.titel"),
    "missing partial": ("Templates/layouts/people/single.mustache", "{{<base}}{{$main}}{{>nothere}}{{/main}}{{/base}}\n",
                        r"Templates/layouts/people/single\.mustache:1:19: error: .*nothere"),
    "missing layout": ("Content/about.md", "---\ntitle: About\nlayout: fancy\n---\n",
                       r"Content/about\.md:3:9: error: layout 'fancy' does not exist"),
    "shortcode with a missing ref": ("Content/about.md", "---\ntitle: About\n---\n\n- {{< card ref=\"people/nobody.md\" >}}\n",
                                     r"Content/about\.md:5:12: error: shortcode 'card': ref: link to 'people/nobody\.md': no such content file"),
    "unknown shortcode": ("Content/about.md", "---\ntitle: About\n---\n\n> Quote {{< nothere >}}\n",
                          r"Content/about\.md:5:9: error: shortcode 'nothere': no such shortcode"),
    "unclosed shortcode": ("Content/about.md", "---\ntitle: About\n---\nText {{< card ref=\"a.md\"\n",
                           r"Content/about\.md:4:6: error: shortcode 'card': no '>}}' on this line"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_reported_at_its_position_and_public_is_untouched(project, name):
    assert run(project, "build").returncode == 0
    before = snapshot(project / "public")
    path, text, expected = CASES[name]
    (project / path).parent.mkdir(parents=True, exist_ok=True)
    (project / path).write_text(text)
    result = run(project, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(expected, result.stderr), result.stderr
    assert re.search(r"^\d+ errors?$", result.stderr, re.M), result.stderr
    # The offending line is quoted, with a caret under the column.
    assert re.search(r"\n *\^\n", result.stderr), result.stderr
    assert snapshot(project / "public") == before
    assert not [p for p in project.iterdir() if "sitegen-staging" in p.name]


def test_invalid_utf8_is_reported_with_its_position(project):
    (project / "Content/about.md").write_bytes(b"---\ntitle: About\n---\nfine\nbad \xff byte\n")
    result = run(project, "build")
    assert result.returncode == 1
    assert "Content/about.md:5:5: error: file is not valid UTF-8" in result.stderr


def test_every_error_of_the_run_is_reported(project):
    (project / "Content/people/carol.md").write_text("---\ntitle: Carol\n---\n")
    (project / "Content/topics/zeta.md").write_text("---\ntitle: Zeta\nkind: huge\n---\n")
    (project / "Content/about.md").write_text("---\ntitle: About\n---\n[x](nobody.md)\n")
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stderr.count(": error: ") == 3
    assert result.stderr.rstrip().endswith("3 errors")


def test_tolerated_input(project):
    (project / "Content/about.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: About   \r\ndescription: d  \r\n---")
    result = run(project, "build")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("output", [".", "Content", "Templates", "Content/public", "/", "~"])
def test_dangerous_output_folders_are_refused(project, output):
    output = os.path.expanduser(output)
    result = run(project, "build", "--output", output)
    assert result.returncode == 1
    assert "refusing to write the site into" in result.stderr
    assert (project / "Content/site.yml").exists()


def test_a_folder_sitegen_did_not_write_is_not_replaced(project):
    (project / "docs").mkdir()
    (project / "docs/notes.txt").write_text("mine")
    result = run(project, "build", "--output", "docs")
    assert result.returncode == 1
    assert "did not write" in result.stderr
    assert (project / "docs/notes.txt").read_text() == "mine"


def test_symbolic_link_loops_are_reported(project):
    os.symlink("..", project / "Content/people/loop")
    result = run(project, "build")
    assert result.returncode == 1
    assert "symbolic link loop" in result.stderr


def test_a_killed_build_leaves_public_and_is_cleaned_up(project):
    assert run(project, "build").returncode == 0
    before = snapshot(project / "public")
    staging = project / ".public.sitegen-staging-424242"
    (staging / "half").mkdir(parents=True)
    (staging / "half/index.html").write_text("half-written")
    assert snapshot(project / "public") == before
    assert run(project, "build").returncode == 0
    assert not staging.exists()


def test_deleted_content_leaves_no_stale_page(project):
    assert run(project, "build").returncode == 0
    assert (project / "public/topics/gamma/index.html").exists()
    (project / "Content/topics/gamma.md").unlink()
    assert run(project, "build").returncode == 0
    assert not (project / "public/topics/gamma").exists()


def test_check_reports_broken_template_links(project):
    base = project / "Templates/partials/base.mustache"
    base.write_text(base.read_text().replace("<footer>", '<footer><a href="{{site.root}}nowhere/index.html">x</a><a href="#missing">y</a>'))
    result = run(project, "check")
    assert result.returncode == 1
    assert re.search(r"public/about/index\.html:\d+:\d+: error: link '\.\./nowhere/index\.html' points at nowhere/index\.html", result.stderr)
    assert "has no element with id 'missing'" in result.stderr
    assert not (project / "public").exists()


def test_check_passes_on_the_fixture(project):
    result = run(project, "check", "--strict")
    assert result.returncode == 0, result.stderr


def test_a_second_build_of_the_same_output_waits_or_fails_under_no_wait(project):
    import fcntl
    assert run(project, "build").returncode == 0
    before = snapshot(project / "public")
    with open(project / ".public.sitegen-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write("4242\n")
        lock.flush()
        refused = run(project, "build", "--no-wait")
        assert refused.returncode == 1
        assert "public: error: another sitegen build of public/ is running, pid 4242 (--no-wait)" in refused.stderr
        waiting = subprocess.Popen([str(SITEGEN), "build"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_line = waiting.stderr.readline()
        assert first_line == "waiting for another sitegen build of public/, pid 4242\n"
        assert waiting.poll() is None
        assert snapshot(project / "public") == before
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert out.startswith("Built ")


def test_a_link_leading_out_of_content_is_an_error_and_nothing_is_published(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\nThe launch codes.\n")
    os.symlink(outside, project / "Content/leak")
    os.symlink("/etc/passwd", project / "Content/passwd.md")
    result = run(project, "build")
    assert result.returncode == 1
    assert f"Content/leak: error: symbolic link leads outside Content (to '{outside}'): not followed" in result.stderr
    assert "Content/passwd.md: error: symbolic link leads outside Content (to '/etc/passwd'): not followed" in result.stderr
    assert "root:" not in result.stderr
    assert not (project / "public").exists()


def test_a_fifo_is_an_error_not_a_hang(project):
    os.mkfifo(project / "Content/fifo.md")
    result = run(project, "build")
    assert result.returncode == 1
    assert "Content/fifo.md: error: file is a FIFO (named pipe), not a regular file: not read" in result.stderr


def test_a_misspelt_setting_is_an_error_with_a_suggestion(project):
    site = project / "Content/site.yml"
    site.write_text(site.read_text().replace("title:", "titel: x\ntitle:", 1))
    result = run(project, "build")
    assert result.returncode == 1
    assert re.search(r"Content/site\.yml:\d+:1: error: unknown setting 'titel': did you mean 'title'\?\ntitel: x\n\^", result.stderr)


def test_a_misspelt_field_warns_and_fails_under_strict(project):
    (project / "Content/extra.md").write_text("---\ntitle: Extra\nweigth: 3\n---\nText.\n")
    plain = run(project, "build")
    assert plain.returncode == 0
    assert "Content/extra.md:3:1: warning: unknown field 'weigth': did you mean 'weight'?" in plain.stderr
    assert run(project, "build", "--strict").returncode == 1


def test_a_shortcode_renders_its_template_and_stays_as_written_in_code(project):
    (project / "Templates/shortcodes").mkdir()
    (project / "Templates/shortcodes/person.mustache").write_text(
        '{{#ref}}<span class="person"><a href="{{url}}">{{title}}</a>, {{params.role}}</span>{{/ref}}\n')
    (project / "Content/about.md").write_text(
        "---\ntitle: About\n---\n- Meet {{< person ref=\"people/ada.md\" >}}\n\n```\n{{< person ref=\"nobody.md\" >}}\n```\n")
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    html = (project / "public/about/index.html").read_text()
    assert '<li>Meet <span class="person"><a href="../people/ada/index.html">Ada</a>, Engineer</span></li>' in html
    assert "{{&lt; person ref=&quot;nobody.md&quot; &gt;}}" in html
    assert run(project, "check", "--strict").returncode == 0


def test_taxonomy_terms_are_built_and_an_undeclared_term_is_an_error_at_its_position(project):
    site = project / "Content/site.yml"
    site.write_text(site.read_text() + "taxonomies:\n  tags: {title: Tags, values: [Design, Tea]}\n")
    (project / "Content/people/ada.md").write_text("---\ntitle: Ada\nrole: Engineer\ntags: [Dèsign, tea]\n---\nText.\n")
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Dèsign (1) in" in (project / "public/tags/design/index.html").read_text()
    assert 'href="../../tags/tea/index.html">tea</a>' in (project / "public/people/ada/index.html").read_text()
    before = snapshot(project / "public")
    (project / "Content/people/ada.md").write_text("---\ntitle: Ada\nrole: Engineer\ntags:\n  - Design\n  - Weaving\n---\nText.\n")
    (project / "Content/about.md").write_text("---\ntitle: About\ntags: Pottery\n---\nText.\n")
    result = run(project, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert ("Content/people/ada.md:6:5: error: 'Weaving' is not a declared term of 'tags': use one of 'Design', 'Tea'"
            in result.stderr), result.stderr
    assert "Content/about.md:3:7: error: 'Pottery' is not a declared term of 'tags'" in result.stderr
    assert re.search(r"  - Weaving\n *\^\n", result.stderr), result.stderr
    assert result.stderr.rstrip().endswith("2 errors")
    assert snapshot(project / "public") == before
