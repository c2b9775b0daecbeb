"""factcheck: cited answers and quote checks over news articles.

Layout: ``corpus`` reads articles, ``components`` holds one Haystack component a file,
``indexing`` builds and caches the index, ``query`` wires the query pipelines, ``service`` is
the facade the CLI, UI and API call, and ``contract`` turns results into the JSON contract.
"""

import os

# Offline by construction: no model hub, no telemetry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# The model loads from disk in a second; a progress bar for it is noise on stderr.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
