#!/usr/bin/python3
"""Our YAML reader against an independent one: every YAML template under the given folders must
read into the same tree with `stackcanvas export --to cfn-json` as with PyYAML (Debian's
python3-yaml), short forms taken to their long forms the way CloudFormation does. PyYAML reads
every scalar as text here (BaseLoader); a value we read as a number, boolean or null must be one
that text spells. A silent misread by yaml-cpp would show up as a difference.

usage: reader_agreement.py STACKCANVAS FOLDER..."""

import json
import math
import pathlib
import subprocess
import sys

import yaml

FUNCTIONS = {"Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
             "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Contains",
             "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "Implies",
             "Length", "ToJsonString", "ForEach"}


class Loader(yaml.BaseLoader):
    pass


def tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix in ("Ref", "Condition"):
        return {suffix: value}
    if suffix in FUNCTIONS:
        if suffix == "GetAtt" and isinstance(value, str) and "." in value:
            resource, _, attribute = value.partition(".")
            value = [resource, attribute]
        return {"Fn::" + suffix: value}
    return {"!" + suffix: value}


Loader.add_multi_constructor("!", tagged)


def spells(ours, text):
    if isinstance(ours, str):
        return ours == text
    if isinstance(ours, bool):
        return text in (("true", "True", "TRUE") if ours else ("false", "False", "FALSE"))
    if ours is None:
        return text in ("", "~", "null", "Null", "NULL")
    try:
        return math.isclose(float(text), float(ours))
    except ValueError:
        return False


def compare(ours, theirs, path, out):
    if isinstance(theirs, dict):
        if not isinstance(ours, dict) or list(ours) != list(theirs):
            out.append(f"{path}: keys {list(ours)[:6] if isinstance(ours, dict) else ours!r} "
                       f"against {list(theirs)[:6]}")
            return
        for key in theirs:
            compare(ours[key], theirs[key], f"{path}/{key}", out)
    elif isinstance(theirs, list):
        if not isinstance(ours, list) or len(ours) != len(theirs):
            out.append(f"{path}: {ours!r:.60} against a list of {len(theirs)}")
            return
        for i, (a, b) in enumerate(zip(ours, theirs)):
            compare(a, b, f"{path}/{i}", out)
    elif not spells(ours, theirs):
        out.append(f"{path}: {ours!r:.60} against {theirs!r:.60}")


def main():
    stackcanvas, folders = sys.argv[1], sys.argv[2:]
    files = sorted(p for folder in folders for p in pathlib.Path(folder).rglob("*")
                   if p.suffix in (".yaml", ".yml") and "expected" not in p.parts)
    differing = 0
    for path in files:
        theirs = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        run = subprocess.run([stackcanvas, "export", "--to", "cfn-json", str(path)],
                             capture_output=True, text=True)
        if run.returncode >= 2:
            print(f"{path}: stackcanvas refused it: {run.stderr.strip()}")
            differing += 1
            continue
        differences = []
        compare(json.loads(run.stdout), theirs, "", differences)
        if differences:
            differing += 1
            print(f"{path}:")
            for line in differences[:5]:
                print(f"  {line}")
    print(f"{len(files)} YAML templates, {differing} read differently")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
