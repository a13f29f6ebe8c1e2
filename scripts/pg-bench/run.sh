#!/usr/bin/env bash
# Ingest throughput of the SQLite default against PostgreSQL, directly and
# through the River job queue with 1, 2 and 3 worker processes (one of the
# three killed with SIGKILL mid-run), on the same
# inputs: the 2,004-page dump of ../shared/corpus/wikitext/ rewritten as a
# multistream dump (streams of 100 pages, with its index) and 2,000 copies
# of the sample article. Every run's exports must equal the SQLite run's
# (lines sorted). Run by hand, not in CI: bash scripts/pg-bench/run.sh
# (The dump is a small Latgalian Wikipedia without the conflict infobox:
# its pages are read and skipped, so its jobs exercise the splitting and
# the reading; what is stored comes from the copies, which all have one
# title, so which copy's source is kept depends on the input order.)
#
# Needs Debian's postgresql (.ci/setup-postgres) and bzip2. The server is a
# throwaway cluster in a temporary directory, run as the postgres user
# when run as root. KEEP=1 keeps the work directory (inputs, exports,
# worker logs) for a look at what differs.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
work=$(mktemp -d /tmp/annalist-pg-bench.XXXXXX)
chmod 755 "$work"
go build -o "$work/annalist" ./cmd/annalist
A="$work/annalist"

# The inputs.
python3 - "$shared/corpus/wikitext/smallwiki-pages-articles.xml" "$work" <<'PY'
import bz2, re, sys
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
first = text.index("<page>")
last = text.rindex("</page>") + len("</page>\n")
pages = re.findall(r"<page>.*?</page>\n?", text[first:last], re.S)
dump = out + "/smallwiki-pages-articles-multistream.xml.bz2"
with open(dump, "wb") as f, open(out + "/smallwiki-pages-articles-multistream-index.txt", "w") as idx:
    f.write(bz2.compress(text[:first].encode()))
    for i in range(0, len(pages), 100):
        off = f.tell()
        for p in pages[i:i+100]:
            pid = re.search(r"<id>(\d+)</id>", p).group(1)
            title = re.search(r"<title>(.*?)</title>", p).group(1)
            idx.write(f"{off}:{pid}:{title}\n")
        f.write(bz2.compress("".join(pages[i:i+100]).encode()))
    f.write(bz2.compress(text[last:].encode()))
print(f"{len(pages)} pages in {(len(pages)+99)//100} streams")
PY
# COPIES=N changes how many copies; DISTINCT=1 gives each copy a title of
# its own, so that every copy is extracted and stored as an article and
# its clashes merged with the other copies' (without it, the copies are
# one article and the later ones are skipped as unchanged).
mkdir -p "$work/copies"
for i in $(seq "${COPIES:-2000}"); do
  if [ -n "${DISTINCT:-}" ]; then
    sed "1s/ =\$/ (copy $i) =/" "$shared/corpus/soviet-japanese-border-conflicts.txt" > "$work/copies/sample-$i.txt"
  else
    cp "$shared/corpus/soviet-japanese-border-conflicts.txt" "$work/copies/sample-$i.txt"
  fi
done
inputs=("$work/smallwiki-pages-articles-multistream.xml.bz2" "$work/copies")

# A throwaway PostgreSQL cluster.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as=(runuser -u postgres --); fi
"${as[@]}" "$bin/initdb" -D "$work/data" -U annalist -A trust -E UTF8 --locale C --no-sync >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
if [ "${KEEP:-}" = 1 ]; then
  echo "keeping $work"
  trap '"${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null' EXIT
else
  trap '"${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT
fi
pg() { echo "postgres://annalist@127.0.0.1:$port/$1?sslmode=disable"; }
newdb() { psql -q "$(pg postgres)" -c "CREATE DATABASE $1"; }

secs() { python3 -c "import time; print(time.time())"; }
report() { # name start
  local end; end=$(secs)
  python3 -c "print(f'$1: {($end-$2):.1f} s')"
}
exports() { # db -> file
  for f in csv jsonl; do "$A" export --db "$1" --format "$f" | sort; done
  "$A" export --db "$1" --format jsonl --documents | sort
}

t=$(secs); ("$A" ingest --db "$work/ref.db" "${inputs[@]}" || true) | tail -1; report "sqlite, one process" "$t"
exports "$work/ref.db" > "$work/ref.txt"

newdb direct
t=$(secs); ("$A" ingest --db "$(pg direct)" "${inputs[@]}" || true) | tail -1; report "postgres, one process" "$t"
same() { # db name
  exports "$1" > "$work/$2.txt"
  if cmp -s "$work/$2.txt" "$work/ref.txt"; then
    echo "  exports equal sqlite's"
  else
    echo "  EXPORTS DIFFER from sqlite's:"
    diff "$work/ref.txt" "$work/$2.txt" | cut -c1-300 | head -20 | sed 's/^/    /' || true
  fi
}
same "$(pg direct)" direct

for n in 1 2 3; do
  db=queue$n; newdb $db
  t=$(secs)
  "$A" ingest --queue "$(pg $db)" "${inputs[@]}"
  pids=()
  # A short job timeout, so that the job of the worker killed below is
  # rescued and retried within seconds rather than after the default.
  for w in $(seq $n); do "$A" worker --db "$(pg $db)" --until-done --job-timeout 20s 2>"$work/worker-$db-$w.log" >/dev/null & pids+=($!); done
  if [ "$n" = 3 ]; then
    # The issue's check: a worker killed mid-run changes nothing; its job
    # is retried once River rescues it, by the workers left.
    sleep 2; kill -9 "${pids[0]}" 2>/dev/null && echo "  killed worker 1 with SIGKILL"
  fi
  wait || true
  report "postgres, queue + $n worker(s)" "$t"
  "$A" status --queue "$(pg $db)" || true
  same "$(pg $db)" $db
done
