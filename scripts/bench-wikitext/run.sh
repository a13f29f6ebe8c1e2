#!/usr/bin/env bash
# Side-by-side wikitext benchmark (run by hand, not in CI): annalist,
# wtf_wikipedia (npm) and mwparserfromhell (Debian python3-mwparserfromhell)
# parse the same pages -- the 2,004 pages of the Latgalian Wikipedia dump
# plus the Thirty Years' War -- and extract their infoboxes; then annalist
# streams the dump compressed with bzip2.
#
#   bash scripts/bench-wikitext/run.sh [SHARED_CORPUS_WIKITEXT_DIR]
#
# Needs: node+npm, /usr/bin/python3 with mwparserfromhell
# (apt-get install -y python3-mwparserfromhell), the bzip2 tool.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:-$root/../shared/corpus/wikitext}"
secs="${BENCH_SECONDS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
[ -d "$here/node_modules/wtf_wikipedia" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)

go build -o "$work/bench" ./scripts/bench-wikitext
"$work/bench" -export "$work/pages.jsonl" "$corpus/smallwiki-pages-articles.xml" "$corpus/thirty-years-war.wikitext.xmlescaped"

echo "== parsing the same pages, one core each =="
GOMAXPROCS=1 "$work/bench" -bench "$work/pages.jsonl" -time "${secs}s"
node "$here/bench.js" "$work/pages.jsonl" "$((secs * 1000))"
/usr/bin/python3 "$here/bench.py" "$work/pages.jsonl" "$secs"

echo "== streaming a .bz2 dump =="
bzip2 -9 -c "$corpus/smallwiki-pages-articles.xml" > "$work/ltgwiki-pages-articles.xml.bz2"
size=$(stat -c %s "$work/ltgwiki-pages-articles.xml.bz2")
TIMEFORMAT='%R %U %S'
t=$( { time bzip2 -dc "$work/ltgwiki-pages-articles.xml.bz2" > /dev/null; } 2>&1 )
echo "$t" | awk -v s="$size" '{ printf "bzip2 -d (reference): %.2f MB/s compressed wall, %.2f MB per CPU-second\n", s/1e6/$1, s/1e6/($2+$3) }'
"$work/bench" -stream "$work/ltgwiki-pages-articles.xml.bz2"

echo "== the same dump as a multistream .bz2 with its index (streams decoded in parallel) =="
"$work/bench" -multistream "$corpus/smallwiki-pages-articles.xml"
