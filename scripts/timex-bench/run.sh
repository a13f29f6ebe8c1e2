#!/usr/bin/env bash
# Side-by-side time-expression benchmark (run by hand, not in CI): the
# time expressions annalist finds ("annalist timex") and those the npm
# package chrono-node 2.x finds, in the 22 WikiWars articles, each scored
# by ../shared/tools/score-timex against the TIMEX2 gold in one run.
#
#   bash scripts/timex-bench/run.sh [SHARED_DIR]
#
# Needs: go, node+npm (chrono-node is installed into a temporary folder at
# each run; nothing is installed into the repository), python3 for the
# scorer. Skips with a message when the shared folder is absent.
# Prints the scorer's total lines for both, and for the articles 01-11 and
# 12-22 apart (the two halves of the development check).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${1:-$root/../shared}"
ww="$shared/corpus/wikiwars"
if [ ! -d "$ww/text" ] || [ ! -x "$shared/tools/score-timex" ]; then
  echo "timex-bench: skipped: no WikiWars corpus or scorer under $shared" >&2
  exit 0
fi
for tool in go node npm python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "timex-bench: skipped: $tool is not installed" >&2
    exit 0
  fi
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && go build -o "$work/annalist" ./cmd/annalist)
npm install --prefix "$work/npm" --no-audit --no-fund --silent chrono-node@2 >/dev/null
chrono_version=$(node -p "require('$work/npm/node_modules/chrono-node/package.json').version")
cp "$here/chrono.mjs" "$work/npm/chrono.mjs"

start=$(date +%s.%N)
"$work/annalist" timex "$ww"/text/*.txt > "$work/annalist.jsonl"
mid=$(date +%s.%N)
node "$work/npm/chrono.mjs" "$ww"/text/*.txt > "$work/chrono.jsonl"
end=$(date +%s.%N)

# The halves: a corpus folder of links holding only those articles.
half() { # folder first last (article numbers)
  mkdir -p "$work/$1/keyinline" "$work/$1/text"
  for f in "$ww"/keyinline/*.key.xml; do
    b=$(basename "$f" .key.xml)
    n=$((10#${b%%_*}))
    if [ "$n" -ge "$2" ] && [ "$n" -le "$3" ]; then
      ln -s "$f" "$work/$1/keyinline/"
      ln -s "$ww/text/$b.txt" "$work/$1/text/"
    fi
  done
}
half first 1 11
half second 12 22

score() { # label jsonl
  printf '%-22s all 22: %s\n' "$1" "$("$shared/tools/score-timex" --wikiwars "$ww" "$2" | tail -1)"
  printf '%-22s 01-11:  %s\n' "$1" "$("$shared/tools/score-timex" --wikiwars "$work/first" "$2" | tail -1)"
  printf '%-22s 12-22:  %s\n' "$1" "$("$shared/tools/score-timex" --wikiwars "$work/second" "$2" | tail -1)"
}
score "annalist timex" "$work/annalist.jsonl"
score "chrono-node $chrono_version" "$work/chrono.jsonl"
printf 'time: annalist %.2fs, chrono-node %.2fs; %d and %d expressions\n' \
  "$(awk "BEGIN { print $mid - $start }")" "$(awk "BEGIN { print $end - $mid }")" \
  "$(wc -l < "$work/annalist.jsonl")" "$(wc -l < "$work/chrono.jsonl")"
