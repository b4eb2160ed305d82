#!/bin/bash
# Score each leave-one-batch-out fold model through the CLI with score.py --states:
#   go run ./cmd/geokg-train -fold-models DIR [flags]
#   cmd/geokg-train/score-folds.sh DIR SCORE.PY
# For each DIR/BATCH.txt (articles-0, heldout-7 ...) it builds geokg with that model embedded
# (go build -overlay), runs score.py on the batch's gold files with --learned off and on, and
# prints the micro line of each, then the pooled counts. Run from the repository's root.
set -eu
dir=$(readlink -f "$1"); score=$2; root=$PWD; tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/geokg" ./cmd/geokg
for model in "$dir"/*.txt; do
  b=$(basename "$model" .txt); folder=${b%-*}; hundred=${b##*-}
  printf '{"Replace":{"%s":"%s"}}' "$root/extract/data/model.txt" "$model" > "$tmp/overlay.json"
  go build -overlay "$tmp/overlay.json" -o "$tmp/geokg-$b" ./cmd/geokg
  printf '#!/bin/sh\nexec %s --learned on "$@"\n' "$tmp/geokg-$b" > "$tmp/on-$b"; chmod +x "$tmp/on-$b"
  python3 - "$root/extract/testdata/$folder" "$hundred" > "$tmp/$b.jsonl" <<'PY'
import glob, json, os, re, sys
d, h = sys.argv[1], int(sys.argv[2])
for f in sorted(glob.glob(d + '/*.json')):
    m = re.match(r'(\d+)_', os.path.basename(f))
    c = json.load(open(f))
    if m and int(m.group(1)) // 100 == h and 'file' in c:
        c['file'] = os.path.join(d, c['file']); print(json.dumps(c))
PY
  for mode in off on; do
    bin="$tmp/geokg"; [ $mode = on ] && bin="$tmp/on-$b"
    python3 "$score" --bin "$bin" --cases "$tmp/$b.jsonl" --root / --states > "$tmp/$b.$mode" || true
    printf '%-11s %-3s %s\n' "$b" $mode "$(tail -1 "$tmp/$b.$mode")"
  done
done
for mode in off on; do
  cat "$tmp"/*."$mode" | python3 -c '
import re, sys, collections
tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
for l in sys.stdin:
    m = re.match(r"(\S+)\s+P=\S+ R=\S+ F1=\S+\s+\(tp=(\d+) fp=(\d+) fn=(\d+)\)", l)
    if m: r = m.group(1); tp[r] += int(m.group(2)); fp[r] += int(m.group(3)); fn[r] += int(m.group(4))
def prf(t, p, n):
    P = t / (t + p) if t + p else 0; R = t / (t + n) if t + n else 0
    return "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)" % (P, R, 2 * P * R / (P + R) if P + R else 0, t, p, n)
for r in sorted(tp): print("pooled '"$mode"'", "%-12s" % r, prf(tp[r], fp[r], fn[r]))
print("pooled '"$mode"'", "%-12s" % "micro", prf(sum(tp.values()), sum(fp.values()), sum(fn.values())))'
done
