#!/usr/bin/python3
"""Validates what refs writes as CSL-JSON against the CSL data schema and our
schema for `custom`, with negative cases that must be rejected.

Usage: validate_csl.py REFS_BINARY SOURCE_DIR
"""
import copy
import json
import os
import sys
import tempfile

import jsonschema

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from script_checks import Checks  # noqa: E402
import script_checks  # noqa: E402

REFS, SOURCE = sys.argv[1], sys.argv[2]
CSL = json.load(open(os.path.join(SOURCE, "schemas", "csl-data.json")))
CUSTOM = json.load(open(os.path.join(SOURCE, "schemas", "refs-custom.schema.json")))
check = Checks()


def refs(workdir, *args):
    return json.loads(script_checks.refs(REFS, workdir, *args))


def errors(items):
    """Every schema violation of an array of items, as text."""
    found = [e.message for e in jsonschema.Draft7Validator(CSL).iter_errors(items)]
    for item in items:
        found += [e.message for e in jsonschema.Draft7Validator(CUSTOM).iter_errors(item)]
    return found


with tempfile.TemporaryDirectory() as work:
    with open(os.path.join(work, "odd.md"), "w") as f:
        f.write("x[^n][^f][^d]\n\n[^n]: A note without a link.\n"
                "[^f]: [Old](ftp://ftp.example.org/a.ps)\n"
                "[^d]: [A DOI](https://doi.org/10.1126/science.169.3946.635)\n")
    sample = os.path.join(SOURCE, "tests", "data", "ai-trends-2023-11.md")
    resolved = refs(work, "resolve", "--json", sample, "odd.md")
    exported = refs(work, "export", "--csl-json")
    shown = refs(work, "show", "--json", "arxiv2023yarn")
    listed = refs(work, "list", "--json")

    for name, items in [("resolve --json", resolved), ("export --csl-json", exported),
                        ("show --json", shown), ("list --json", listed)]:
        check(name + " is valid", errors(items) == [], errors(items)[:3])
    check("export has every citation", len(exported) == 41, len(exported))

    # Negative cases: each mutation must be caught by one of the schemas.
    item = next(i for i in exported if i["id"] == "arxiv2023yarn")
    mutations = {
        "unknown CSL type": lambda i: i.update(type="preprint"),
        "field outside custom": lambda i: i.update(sources={}),
        "date as a string": lambda i: i.update(issued="2023-09"),
        "author without structure": lambda i: i.update(author=["Peng"]),
        "unknown identifier kind": lambda i: i["custom"]["identifiers"].append({"kind": "isbn", "value": "1"}),
        "unknown source": lambda i: i["custom"]["sources"].update(title="guess"),
        "missing key state": lambda i: i["custom"].pop("key-fixed"),
        "extra custom field": lambda i: i["custom"].update(colour="red"),
        "bad key": lambda i: i.update(id="has space"),
        "bad timestamp": lambda i: i["custom"].update(created="yesterday"),
    }
    for name, mutate in mutations.items():
        bad = copy.deepcopy(item)
        mutate(bad)
        check("rejects " + name, errors([bad]) != [])

    # The import test corpus: every BibTeX entry type and field refs reads.
    corpus = os.path.join(SOURCE, "tests", "fixtures", "bibtex", "corpus.bib")
    script_checks.refs(REFS, work, "import", corpus)
    everything = refs(work, "export", "--csl-json")
    check("corpus export is valid", errors(everything) == [], errors(everything)[:3])
    # 41 + 63, less the three works the posts cite too (joined on import).
    check("corpus export has every citation", len(everything) == 101, len(everything))
    book = copy.deepcopy(next(i for i in everything if i["id"] == "lecun1998efficient"))
    check("editors are exported", [e["family"] for e in book.get("editor", [])] == ["Orr", "Müller"], book)
    book["editor"] = "Orr"
    check("rejects editor without structure", errors([book]) != [])

check.finish()
