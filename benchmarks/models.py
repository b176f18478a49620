"""Lists the checker benchmark models, one per line: name, folder, spec, config, TLC seconds.

The TLC fixtures marked "benchmark" (without liveness) with TLC's recorded wall time, the
larger variants of fixtures listed in benchmarks/models/extra.tsv (with their own configs and
TLC times), then (unless --quick) the largest model of every spec of specs/, i.e. the entries
of ci/benchmarks.yaml, with "-" for TLC's time (TLC cannot run here).
Usage: models.py FIXTURES_DIR BENCHMARKS_YAML [--quick] [--only NAME,NAME...]
"""
import json
import os
import re
import sys

args = sys.argv[1:]
fixtures, manifest = args[0], args[1]
quick = "--quick" in args
wanted = set()
if "--only" in args:
    wanted = set(filter(None, args[args.index("--only") + 1].split(",")))
rows = []
if os.path.isfile(fixtures + "/manifest.json"):
    for m in json.load(open(fixtures + "/manifest.json")):
        if m.get("benchmark") and not m.get("liveness"):
            rows.append((m["dir"], fixtures + "/specs/" + m["dir"], m["spec"], m["config"],
                         str(m["tlcSeconds"])))
    extra = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")
    for line in open(os.path.join(extra, "extra.tsv")):
        if line.strip() and not line.startswith("#"):
            name, folder, spec, cfg, tlc = line.rstrip("\n").split("\t")
            specdir = fixtures + "/specs/" + folder
            rows.append((name, specdir, spec, os.path.relpath(os.path.join(extra, cfg), specdir), tlc))
else:
    print(f"no {fixtures}/manifest.json, skipping the TLC fixtures", file=sys.stderr)
if not quick:
    # ci/benchmarks.yaml: a list of "- name:" entries with "spec:" and "config:" paths.
    base = os.path.dirname(os.path.dirname(os.path.abspath(manifest)))
    entry = {}
    for line in open(manifest):
        m = re.match(r"\s*(-\s+)?(name|spec|config):\s*(\S+)", line)
        if not m:
            continue
        if m.group(1):
            entry = {}
        entry[m.group(2)] = m.group(3)
        if {"name", "spec", "config"} <= entry.keys() and not entry.get("done"):
            spec = os.path.join(base, entry["spec"])
            cfg = os.path.join(base, entry["config"])
            rows.append((entry["name"], os.path.dirname(spec), os.path.basename(spec),
                         os.path.relpath(cfg, os.path.dirname(spec)), "-"))
            entry["done"] = True
for r in rows:
    if not wanted or r[0] in wanted:
        print("\t".join(r))
