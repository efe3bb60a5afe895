#!/usr/bin/env bash
# specsite benchmark (not part of the test suite).
# Generates deterministic corpora (bench/GenerateCorpus.java), then for each size times:
#   - a cold build from the command line (JVM start included) and its peak memory (max RSS),
#   - an incremental build from the command line after editing one spec (output and cache kept),
#   - an incremental build through the in-process API (bench/IncrementalApi.java),
#   - Hugo on the same corpus (Debian package 'hugo', highlighting off) at sizes <= HUGO_MAX,
#     in the same run, and the ratio specsite/Hugo;
#   - the floor the required Markdown library sets (bench/FlexmarkFloor.java: a fresh JVM that only
#     reads the files and parses them with flexmark on all cores, nothing else), and its ratio to Hugo;
#   - the plain program the issue measures against (bench/PlainProgram.java: flexmark's parser and HTML
#     renderer and a one-line FreeMarker page per spec, written as Hugo writes them, on all cores;
#     no spec data, links, indexes or dashboards), and its ratio to Hugo.
# Each command line measurement is taken REPEAT times (default 3; once above HUGO_MAX) and the
# median reported: this machine's disk makes file writing vary several-fold from minute to minute.
# Usage: bench/run.sh            (sizes 1000 10000 50000)
#        SIZES="1000" REPEAT=5 bench/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES="${SIZES:-1000 10000 50000}"
HUGO_MAX="${HUGO_MAX:-10000}"
REPEAT="${REPEAT:-3}"
WORK="${WORK:-$ROOT/target/bench}"
mkdir -p "$WORK"

./specsite --version >/dev/null   # builds the tool if needed
mkdir -p "$WORK/floor"
javac -cp "target/lib/*" -d "$WORK/floor" bench/FlexmarkFloor.java bench/PlainProgram.java
HAVE_HUGO=0
if command -v hugo >/dev/null 2>&1; then HAVE_HUGO=1; else echo "hugo not installed (apt-get install hugo): reference skipped" >&2; fi

# seconds and peak KB of a command: prints "SECONDS KB". Dirty pages of the last command (a cold
# build writes 400 MB at 10,000 specs) are flushed first, untimed, so that no measurement pays for the
# write-back of the one before it.
measure() {
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || { cat "$WORK/stderr.txt" >&2; exit 1; }
  cat "$WORK/time.txt"
}

# the median of "SECONDS KB" lines on stdin (by seconds), as "SECONDS KB"
median() {
  sort -n | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }'
}

hugo_site() {  # $1 corpus, $2 hugo site dir
  rm -rf "$2"; mkdir -p "$2/layouts/_default"
  cat > "$2/hugo.toml" <<'TOML'
baseURL = "http://localhost/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.highlight]
  codeFences = false
TOML
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>' > "$2/layouts/_default/single.html"
  echo '<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' > "$2/layouts/_default/list.html"
  cp -r "$1" "$2/content"
}

printf '| specs | corpus | specsite cold | peak memory | incremental (CLI) | incremental (API) | Hugo cold | Hugo peak | ratio | plain flexmark + FreeMarker | its ratio | flexmark parse alone | its ratio |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in $SIZES; do
  corpus="$WORK/corpus-$n"
  [ -d "$corpus" ] || java bench/GenerateCorpus.java "$n" "$corpus"
  size="$(du -sm "$corpus" | cut -f1) MB"
  reps=$REPEAT; [ "$n" -gt "$HUGO_MAX" ] && reps=1
  out="$WORK/site-$n"
  read -r cold coldkb < <(for r in $(seq "$reps"); do rm -rf "$out"; measure ./specsite build -q --source "$corpus" --output "$out"; done | median)
  first="$(find "$corpus" -name '*.md' | sort | sed -n 1p)"
  cp "$first" "$WORK/saved.md"
  read -r inc _ < <(for r in $(seq "$reps"); do
    printf '\nEdited for the incremental benchmark, round %s.\n' "$r" >> "$first"
    measure ./specsite build -q --source "$corpus" --output "$out"
  done | median)
  cp "$WORK/saved.md" "$first"
  rm -rf "$WORK/api-$n"
  api="$(java -Xmn256m -Drounds=10 -cp "target/specsite.jar:target/lib/*" bench/IncrementalApi.java "$corpus" "$WORK/api-$n" 2>&1 | sed -n 's/.*incremental after one edit \([0-9]*\) ms.*/\1 ms/p')"
  read -r floor _ < <(for r in $(seq "$reps"); do measure java -XX:+UseParallelGC -Xmn256m -XX:TieredStopAtLevel=1 -cp "$WORK/floor:target/lib/*" FlexmarkFloor "$corpus"; done | median)
  read -r plain _ < <(for r in $(seq "$reps"); do rm -rf "$WORK/plain-out-$n"; measure java -XX:+UseParallelGC -Xmn256m -XX:TieredStopAtLevel=1 -cp "$WORK/floor:target/lib/*" PlainProgram "$corpus" "$WORK/plain-out-$n"; done | median)
  hugo_t="—"; hugo_m="—"; ratio="—"; floor_ratio="—"; plain_ratio="—"
  if [ "$HAVE_HUGO" = 1 ] && [ "$n" -le "$HUGO_MAX" ]; then
    hugo_site "$corpus" "$WORK/hugo-$n"
    read -r hugo_t hugokb < <(for r in $(seq "$reps"); do rm -rf "$WORK/hugo-out-$n"; measure hugo --quiet --source "$WORK/hugo-$n" --destination "$WORK/hugo-out-$n"; done | median)
    hugo_m="$((hugokb / 1024)) MB"
    ratio="$(awk -v a="$cold" -v b="$hugo_t" 'BEGIN { printf "%.2f", a / b }')"
    floor_ratio="$(awk -v a="$floor" -v b="$hugo_t" 'BEGIN { printf "%.2f", a / b }')"
    plain_ratio="$(awk -v a="$plain" -v b="$hugo_t" 'BEGIN { printf "%.2f", a / b }')"
    hugo_t="${hugo_t} s"
  fi
  printf '| %s | %s | %s s | %s MB | %s s | %s | %s | %s | %s | %s s | %s | %s s | %s |\n' "$n" "$size" "$cold" "$((coldkb / 1024))" "$inc" "$api" "$hugo_t" "$hugo_m" "$ratio" "$plain" "$plain_ratio" "$floor" "$floor_ratio"
done

# Scaling by corpus variant: what real repositories have and the plain corpus lacks (see
# bench/GenerateCorpus.java: file-ids, unknown-ids, popular, owners, deep, big, dup-meta, and all of
# them as "realistic"). A cold build from the command line at each size of SCALE_SIZES, once each
# (SCALE_REPEAT), the growth ratio time(largest) / time(smallest), and the largest size's time
# against the plain corpus's. VARIANTS="" skips the table.
VARIANTS="${VARIANTS-plain file-ids unknown-ids popular owners deep big dup-meta realistic}"
SCALE_SIZES="${SCALE_SIZES:-1000 3000 10000}"
SCALE_REPEAT="${SCALE_REPEAT:-1}"
SCALE_TIMEOUT="${SCALE_TIMEOUT:-900}"
if [ -n "$VARIANTS" ]; then
  first_n="${SCALE_SIZES%% *}"; last_n="${SCALE_SIZES##* }"
  printf '\n| variant |'; for n in $SCALE_SIZES; do printf ' %s specs |' "$n"; done
  printf ' peak memory at %s | growth %s/%s | vs plain at %s |\n|---|' "$last_n" "$last_n" "$first_n" "$last_n"
  for n in $SCALE_SIZES; do printf -- '---:|'; done; printf -- '---:|---:|---:|\n'
  plain_last=""
  for variant in $VARIANTS; do
    printf '| %s |' "$variant"
    t_first=""; t_last=""; kb_last=""
    for n in $SCALE_SIZES; do
      corpus="$WORK/corpus-$n-$variant"
      [ "$variant" = plain ] && corpus="$WORK/corpus-$n"
      [ -d "$corpus" ] || java bench/GenerateCorpus.java "$n" "$corpus" 42 "$variant" >/dev/null
      out="$WORK/scale-out"
      read -r t kb < <(for r in $(seq "$SCALE_REPEAT"); do rm -rf "$out"
        sync; rc=0
        /usr/bin/time -f "%e %M" -o "$WORK/time.txt" timeout "$SCALE_TIMEOUT" ./specsite build -q --source "$corpus" --output "$out" >/dev/null 2>"$WORK/stderr.txt" || rc=$?
        if [ "$rc" = 124 ]; then echo "$SCALE_TIMEOUT 0"; elif [ "$rc" -gt 1 ]; then cat "$WORK/stderr.txt" >&2; exit 1; else cat "$WORK/time.txt"; fi
      done | median)
      if [ "$kb" = 0 ]; then printf ' > %s s |' "$t"; else printf ' %s s |' "$t"; fi
      [ -z "$t_first" ] && t_first="$t"
      t_last="$t"; kb_last="$kb"
    done
    [ "$variant" = plain ] && plain_last="$t_last"
    vs="—"; [ -n "$plain_last" ] && vs="$(awk -v a="$t_last" -v b="$plain_last" 'BEGIN { printf "%.2f", a / b }')"
    printf ' %s MB | %s | %s |\n' "$((kb_last / 1024))" "$(awk -v a="$t_last" -v b="$t_first" 'BEGIN { printf "%.1f", a / b }')" "$vs"
  done
  rm -rf "$WORK/scale-out"
fi
