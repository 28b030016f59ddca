#!/usr/bin/env bash
# Lighthouse scores of the built site, mobile preset: performance, accessibility, best practices and
# SEO of a report page, the largest place page, a year page, the largest 一图读懂, the search page and
# the home page, with every audit that is not passed in full.
# Not part of the Go build nor of CI (.ci/run): run it by hand after changing layouts/ or static/.
#
#   tools/lighthouse.sh [--keep DIR]     # --keep: also keep the JSON reports in DIR
#
# Needs Go, Node ≥ 18 with npm (Lighthouse 12.2.3 is the last for Node 20; 13 needs Node 22),
# Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), and python3 to serve the site gzipped
# like a portal's web server (without python3: `govreport serve`, which does not compress). Lighthouse is installed from tools/lighthouse/package-lock.json on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

keep=
if [ "${1:-}" = --keep ]; then keep=${2:?--keep DIR}; mkdir -p "$keep"; fi

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)" >&2; exit 1; }
lh=$repo/tools/lighthouse/node_modules/.bin/lighthouse
if [ ! -x "$lh" ]; then
  echo "installing Lighthouse into tools/lighthouse/ …" >&2
  (cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Build a copy of the project, so that the build's writes (content/, data/) stay out of the repository.
mkdir -p "$work/site"
for f in config.toml layouts static content sources data; do
  [ -e "$f" ] && cp -r "$f" "$work/site/"
done
go run ./cmd/govreport build --root "$work/site" -o "$work/public" >&2

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18473)
if command -v python3 >/dev/null 2>&1; then
  # A static server that gzips text, as a portal's web server does (http.server alone does not).
  python3 - "$port" "$work/public" >/dev/null 2>&1 <<'PY' &
import gzip, http.server, os, sys
port, root = int(sys.argv[1]), sys.argv[2]
class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=root, **k)
    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", "") or \
                not (ctype.startswith("text/") or ctype.endswith(("javascript", "json", "svg+xml", "xml"))):
            return super().do_GET()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 9)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        self.wfile.write(body)
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
else
  go run ./cmd/govreport serve --root "$work/site" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
fi
server=$!
base=http://127.0.0.1:$port
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done

report=$(cd "$work/public" && ls reports/*.html | head -1)
# The place with the most reports: its page has the most figures across years.
place=$(cd "$work/public" && ls -S places/*.html 2>/dev/null | head -1)
year=$(cd "$work/public" && ls years/*.html 2>/dev/null | tail -1)
# The largest 一图读懂: the most figures and charts.
tu=$(cd "$work/public" && ls -S reports/*/tu.html 2>/dev/null | head -1)
flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
flags+=" --disable-component-update --disable-sync --disable-quic --disable-dev-shm-usage"
flags+=" --disable-domain-reliability --user-data-dir=$work/profile"

for u in "$report" $place $year $tu search.html ""; do
  name=${u:-index.html}
  out=$work/$(echo "${name%.html}" | tr / _).json
  "$lh" "$base/$u" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$flags" --output=json --output-path="$out" >/dev/null
  [ -z "$keep" ] || cp "$out" "$keep/"
  node - "$out" "$name" <<'EOF'
const [file, name] = process.argv.slice(2);
const r = require(file);
const cats = Object.values(r.categories);
console.log(`${name}: ` + cats.map(c => `${c.id} ${Math.round(c.score * 100)}`).join(', '));
for (const c of cats) {
  for (const ref of c.auditRefs) {
    const a = r.audits[ref.id];
    if (a.score === null || a.score >= 1 || ref.group === 'metrics' && c.score >= 1) continue;
    const shown = a.scoreDisplayMode === 'metricSavings' || a.scoreDisplayMode === 'informative' ? '' : ` (weight ${ref.weight})`;
    console.log(`  ${c.id}: ${a.id} ${Math.round(a.score * 100)}${shown}: ${a.title}${a.displayValue ? ' — ' + a.displayValue : ''}`);
  }
}
if (r.runWarnings && r.runWarnings.length) console.log('  warnings: ' + r.runWarnings.join(' | '));
EOF
done
