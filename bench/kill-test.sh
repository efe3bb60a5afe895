#!/usr/bin/env bash
# Kill test of the writer's atomic publish (not part of the test suite).
# Generates a corpus (bench/GenerateCorpus.java, SPECS specs, default 2,000), builds it (the "old"
# site), edits many specs (a paragraph added to every 3rd, the status of every 7th changed, every
# 97th deleted) and builds the "new" site from a copy of the old one, as references. Then KILLS
# times (default 20) it restores the old site (its cache too), starts the rebuild and kills it with
# `kill -9`: odd rounds at a random moment of the whole rebuild, even rounds at a random moment
# once its commit journal has appeared (the commit phase). After each kill the output folder
# (cache, lock, staging and journal aside) must be the old site or the new site whole, or else
# (a commit cut short) the next build must give the new site whole; the next build must always
# give the new site whole, with no staging folder or journal left. Also prints the publish window
# of the rebuild (first to last rename, measured in-process) and of a first build.
# Prints a line per kill and a summary; exits non-zero on any failure.
# Usage: bench/kill-test.sh            SPECS=2000 KILLS=20 WORK=/tmp/x bench/kill-test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SPECS="${SPECS:-2000}"
KILLS="${KILLS:-20}"
WORK="${WORK:-$(mktemp -d /tmp/specsite-kill-test.XXXXXX)}"
mkdir -p "$WORK"
EXCLUDE=(-x .specsite-cache -x .specsite-lock -x .specsite-staging -x '.specsite-journal*')

./specsite --version >/dev/null   # builds the tool if needed

build() {  # $1 output folder; exit status 0 or 1 (spec errors) is a finished build
  local rc=0
  ./specsite build -q --source "$WORK/src" --output "$1" >/dev/null 2>"$WORK/build.err" || rc=$?
  if [ "$rc" -gt 1 ]; then cat "$WORK/build.err" >&2; echo "build into $1 failed (exit $rc)" >&2; exit 1; fi
}
same() {  # $1 $2: the same site, cache files aside
  diff -rq "${EXCLUDE[@]}" "$1" "$2" >/dev/null 2>&1
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }

rm -rf "$WORK/src" "$WORK/src-old" "$WORK/src-new" "$WORK/old" "$WORK/new" "$WORK/out" "$WORK/old.pristine"
java bench/GenerateCorpus.java "$SPECS" "$WORK/src-old" >/dev/null
cp -a "$WORK/src-old" "$WORK/src-new"
i=0
while IFS= read -r f; do
  i=$((i + 1))
  if [ $((i % 97)) -eq 0 ]; then rm "$f"; continue; fi
  if [ $((i % 3)) -eq 0 ]; then printf '\nEdited for the kill test: round %d.\n' "$i" >> "$f"; fi
  if [ $((i % 7)) -eq 0 ]; then sed -i 's/^- \*\*Status\*\*: .*/- **Status**: Approved/' "$f"; fi
done < <(find "$WORK/src-new" -name '*.md' | sort)

# references: the old site, and the new one built from a copy of it (incrementally, with its cache)
cp -a "$WORK/src-old" "$WORK/src"
t0=$(ms); build "$WORK/old"; cold=$(( $(ms) - t0 ))
cp -a "$WORK/old" "$WORK/old.pristine"
rm -rf "$WORK/src"; cp -a "$WORK/src-new" "$WORK/src"
cp -a "$WORK/old.pristine" "$WORK/new"
t0=$(ms); build "$WORK/new"; rebuild=$(( $(ms) - t0 ))
if same "$WORK/old" "$WORK/new"; then echo "the edits changed nothing: no test" >&2; exit 1; fi
changed=$( { diff -rq "${EXCLUDE[@]}" "$WORK/old" "$WORK/new" || true; } | wc -l)
echo "corpus: $SPECS specs; cold build ${cold} ms; rebuild after the edits ${rebuild} ms; $changed paths differ"

# the publish window, in-process (a listener told of the renames), for the same rebuild and a first build
mkdir -p "$WORK/window"
cat > "$WORK/window/PublishWindow.java" <<'JAVA'
import java.nio.file.Path;
import dev.specsite.config.ConfigLoader;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

public final class PublishWindow {
    public static void main(String[] args) throws Exception {
        long[] seen = new long[2];
        BuildListener l = new BuildListener() {
            @Override
            public void published(int renames, long nanos) {
                seen[0] = renames;
                seen[1] = nanos;
            }
        };
        new SiteBuilder(ConfigLoader.load(null, Path.of("").toAbsolutePath(), Path.of(args[0]), Path.of(args[1])), l)
                .build(true);
        System.out.printf("%d renames in %.1f ms%n", seen[0], seen[1] / 1e6);
    }
}
JAVA
rm -rf "$WORK/window/re" "$WORK/window/first"
cp -a "$WORK/old.pristine" "$WORK/window/re"
win_re=$(java -cp "target/specsite.jar:target/lib/*" "$WORK/window/PublishWindow.java" "$WORK/src" "$WORK/window/re")
win_first=$(java -cp "target/specsite.jar:target/lib/*" "$WORK/window/PublishWindow.java" "$WORK/src" "$WORK/window/first")
echo "publish window (first to last rename): rebuild $win_re; first build into an empty folder $win_first"

failures=0
declare -A seen=()
for k in $(seq "$KILLS"); do
  rm -rf "$WORK/out"; cp -a "$WORK/old.pristine" "$WORK/out"
  if [ $((k % 2)) -eq 1 ]; then
    delay=$(( RANDOM * 32768 + RANDOM )); delay=$(( delay % (rebuild + 1) ))
    ./specsite build -q --source "$WORK/src" --output "$WORK/out" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
    when="at ${delay} ms"
  else
    ./specsite build -q --source "$WORK/src" --output "$WORK/out" >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && [ ! -e "$WORK/out/.specsite-journal" ]; do sleep 0.001; done
    extra=$(( RANDOM % 20 ))
    sleep "0.$(printf '%03d' "$extra")"
    when="in the commit phase (+${extra} ms after the journal appeared)"
  fi
  if kill -9 "$pid" 2>/dev/null; then killed="killed $when"; else killed="finished before the kill $when"; fi
  wait "$pid" 2>/dev/null || true
  if same "$WORK/out" "$WORK/old"; then state="old site whole"
  elif same "$WORK/out" "$WORK/new"; then state="new site whole"
  else state="mixed ($( { diff -rq "${EXCLUDE[@]}" "$WORK/out" "$WORK/new" || true; } | wc -l) paths differ from the new site)"
  fi
  whole=1
  if [ -e "$WORK/out/.specsite-journal" ]; then state="$state, journal left"
  elif [ "${state#mixed}" != "$state" ]; then whole=0   # a mix with no journal to finish it
  fi
  build "$WORK/out"
  if [ "$whole" -eq 1 ] && same "$WORK/out" "$WORK/new" && [ ! -e "$WORK/out/.specsite-staging" ] \
      && [ ! -e "$WORK/out/.specsite-journal" ]; then
    after="next build: new site whole"; ok=ok
  else
    after="next build: NOT the new site"; ok=FAIL; failures=$((failures + 1))
  fi
  kind="${state%% *}"   # old, new or mixed
  seen[$kind]=$(( ${seen[$kind]:-0} + 1 ))
  printf 'kill %2d: %s; %s; %s: %s\n' "$k" "$killed" "$state" "$after" "$ok"
done

summary=""
for s in "${!seen[@]}"; do summary="$summary${summary:+, }${seen[$s]}x $s"; done
echo "summary: $KILLS kills, $failures failures ($summary)"
[ "$failures" -eq 0 ]
