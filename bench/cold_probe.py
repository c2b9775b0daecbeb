"""One cold ``factcheck`` command in a fresh process, with its import floor timed apart in the same process.

Two fresh processes (the floor alone, then the command) differ by ±1.5 s on this shared host from the disk
cache and CPU steal alone, more than the difference being measured. Here the floor (``import torch,
sentence_transformers, haystack``) is timed first and the command after it, in one process, so both share
the same conditions. Prints ``{"floor_s": ..., "above_floor_s": ..., "exit": ...}`` as the last stderr line.

    .venv/bin/python bench/cold_probe.py ask "Where is the embassy?" --json
"""

import contextlib
import importlib
import io
import json
import sys
import time

import pipeline  # noqa: F401  (only the offline environment, set before the model libraries read it)

# In this order, as ``bench.import_floor`` imports them: the split moves with the order (Haystack first
# leaves part of torch's imports to the command, about 0.4 s).
FLOOR_MODULES = ("torch", "sentence_transformers", "haystack")

started = time.perf_counter()
for name in FLOOR_MODULES:
    importlib.import_module(name)
floor = time.perf_counter() - started

from pipeline.cli import main  # noqa: E402

with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
above = time.perf_counter() - started - floor
print(json.dumps({"floor_s": round(floor, 3), "above_floor_s": round(above, 3), "exit": code}), file=sys.stderr)
sys.exit(code)
