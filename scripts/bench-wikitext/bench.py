"""Times mwparserfromhell on the benchmark pages: parse each page and read
the parameters of its infobox templates. Prints pages/s (one thread)."""
import json
import sys
import time

import mwparserfromhell

pages = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
min_secs = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0

n = 0
start = time.process_time()
while True:
    for text in pages:
        code = mwparserfromhell.parse(text)
        for t in code.filter_templates(recursive=False):
            if str(t.name).strip().lower().startswith("infobox"):
                {str(p.name).strip(): p.value.strip_code().strip() for p in t.params}
        n += 1
    if time.process_time() - start >= min_secs:
        break
secs = time.process_time() - start
print(f"mwparserfromhell {mwparserfromhell.__version__} (C tokenizer: {mwparserfromhell.parser.use_c}): "
      f"{len(pages)} pages, {n / secs:.0f} pages per CPU-second (parse + infoboxes)")
