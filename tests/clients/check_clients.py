#!/usr/bin/python3
"""Feeds what refs exports to the programs people feed it to, and checks they
take it without a warning: pandoc --citeproc (BibTeX and CSL-JSON), biber's
data-model validation (BibLaTeX), bibtexparser (BibTeX read back field by
field), kramdown and cmark-gfm (the Markdown export and the output of
`refs cite`, every footnote linked).

The library is the sample post (resolved offline) plus the import corpus.
Usage: check_clients.py REFS_BINARY SOURCE_DIR
"""
import json
import os
import re
import sys
import tempfile

import bibtexparser
from bibtexparser.bparser import BibTexParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from script_checks import Checks, run  # noqa: E402
import script_checks  # noqa: E402

REFS, SOURCE = sys.argv[1], sys.argv[2]
check = Checks()


def refs(work, *args):
    return script_checks.refs(REFS, work, *args)


def written_fields(bib):
    """Our own BibTeX, read by its fixed layout: key -> {field: raw value}."""
    entries = {}
    for block in bib.strip().split("\n\n"):
        lines = block.split("\n")
        key = re.match(r"@\w+\{(.*),$", lines[0]).group(1)
        fields = {}
        for line in lines[1:-1]:
            name, value = re.match(r"  (\w+) = (.*),$", line).groups()
            fields[name.lower()] = value[1:-1] if value.startswith("{") else value
        entries[key] = fields
    return entries


def footnotes_linked(html, labels, renderer):
    """Whether every label has a rendered note and a reference linking to it."""
    missing = []
    for label in labels:
        if renderer == "kramdown":
            note, ref = f'id="fn:{label}"', f'href="#fn:{label}"'
        else:
            note, ref = f'id="fn-{label}"', f'href="#fn-{label}"'
        if note not in html or ref not in html:
            missing.append(label)
    return missing


with tempfile.TemporaryDirectory() as work:
    refs(work, "resolve", os.path.join(SOURCE, "tests", "data", "ai-trends-2023-11.md"))
    refs(work, "import", os.path.join(SOURCE, "tests", "fixtures", "bibtex", "corpus.bib"))
    items = json.loads(refs(work, "export", "--csl-json"))
    keys = [i["id"] for i in items]
    check("library holds sample and corpus", len(keys) == 99, len(keys))
    for name, args in [("refs.bib", ["--bibtex"]), ("refs-biblatex.bib", ["--biblatex"]),
                       ("refs.json", ["--csl-json"]), ("notes.md", ["--markdown"])]:
        with open(os.path.join(work, name), "w") as f:
            f.write(refs(work, "export", *args))
    with open(os.path.join(work, "all.md"), "w") as f:
        f.write("---\nnocite: |\n  @*\n---\n\nEvery work.\n")

    # pandoc --citeproc: one bibliography entry per citation, no warning.
    for bibliography in ["refs.bib", "refs.json"]:
        result = run(["pandoc", "--citeproc", "--bibliography", bibliography, "-t", "html", "all.md"], work)
        check(f"pandoc reads {bibliography}", result.returncode == 0 and result.stderr == "", result.stderr)
        entries = result.stdout.count('class="csl-entry"')
        check(f"pandoc renders every entry of {bibliography}", entries == len(keys), entries)

    # biber: the data model holds; the only warnings are a missing author or
    # date where the library has none either.
    result = run(["biber", "--tool", "--validate-datamodel", "--output-file", "biber-out.bib", "refs-biblatex.bib"],
                 work)
    check("biber accepts the BibLaTeX export", result.returncode == 0 and "ERROR" not in result.stdout,
          result.stdout + result.stderr)
    by_key = {i["id"]: i for i in items}
    for line in result.stdout.splitlines():
        if not line.startswith("WARN"):
            continue
        m = re.search(r"Entry '([^']+)' \([^)]*\): Missing mandatory field (?:'author'|- one of 'date, year' must be defined)$",
                      line)
        item = by_key.get(m.group(1)) if m else None
        allowed = item is not None and (("'author'" in line and "author" not in item and "editor" not in item)
                                        or ("date" in line and "issued" not in item))
        check("biber warns only of what the source lacks", allowed, line)

    # bibtexparser reads every entry back with every field we wrote.
    with open(os.path.join(work, "refs.bib")) as f:
        bib = f.read()
    parser = BibTexParser(common_strings=True)
    parser.ignore_nonstandard_types = False
    parser.homogenize_fields = False
    parsed = {e["ID"]: e for e in bibtexparser.loads(bib, parser=parser).entries}
    written = written_fields(bib)
    check("bibtexparser reads every entry", sorted(parsed) == sorted(written) and len(parsed) == len(keys),
          (len(parsed), len(written)))
    for key, fields in written.items():
        got = {k: v for k, v in parsed.get(key, {}).items() if k not in ("ID", "ENTRYTYPE")}
        if fields.get("month") and re.fullmatch(r"[a-z]{3}", fields["month"]):
            fields["month"] = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
                               "jun": "June", "jul": "July", "aug": "August", "sep": "September",
                               "oct": "October", "nov": "November", "dec": "December"}[fields["month"]]
        check(f"bibtexparser keeps every field of {key}", got == fields, {"parsed": got, "written": fields})

    # kramdown and cmark-gfm: the Markdown export inside a document citing
    # every key (both drop unreferenced definitions), then refs cite's output.
    with open(os.path.join(work, "notes.md")) as f:
        notes = f.read()
    labels = [re.match(r"\[\^([^\]]+)\]:", line).group(1) for line in notes.splitlines()]
    check("markdown export has a definition per citation", len(labels) == len(keys), len(labels))
    wrapper = "Every work" + "".join(f"[^{label}]" for label in labels) + ".\n\n" + notes
    cited_post = "# Cited\n\n" + "".join(f"Work [see @{k}, p. {n}] and [@{k}].\n" for n, k in enumerate(keys, 1))
    with open(os.path.join(work, "post.md"), "w") as f:
        f.write(cited_post)
    cited = refs(work, "cite", "post.md")
    cited_labels = [re.match(r"\[\^([^\]]+)\]:", line).group(1) for line in cited.splitlines()
                    if line.startswith("[^")]
    check("refs cite adds a footnote per marker", len(cited_labels) == 2 * len(keys), len(cited_labels))
    for name, text, want in [("markdown export", wrapper, labels), ("refs cite output", cited, cited_labels)]:
        html = run(["kramdown", "-i", "GFM", "-o", "html"], work, text)
        check(f"kramdown renders the {name}", html.returncode == 0 and html.stderr == "", html.stderr)
        missing = footnotes_linked(html.stdout, want, "kramdown")
        check(f"kramdown links every footnote of the {name}", missing == [], missing)
        html = run(["cmark-gfm", "--extension", "footnotes", "--unsafe"], work, text)
        check(f"cmark-gfm renders the {name}", html.returncode == 0 and html.stderr == "", html.stderr)
        missing = footnotes_linked(html.stdout, want, "cmark-gfm")
        check(f"cmark-gfm links every footnote of the {name}", missing == [], missing)

check.finish()
