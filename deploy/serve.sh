#!/usr/bin/env bash
# Run Nerve Map for a clinic network: N Streamlit replicas on 127.0.0.1 behind nginx on one port.
#
#   deploy/serve.sh --replicas 2 --port 8080 [--bind 0.0.0.0] [--frame-ancestors "'self'"]
#
# nginx (Debian: apt-get install -y nginx) is the only thing other devices reach: it keeps each browser on
# one replica with a cookie it sets (nm_route), upgrades the websocket, compresses text/JS/CSS/JSON and adds
# security headers. The replicas use the project's .streamlit/config.toml and listen on 127.0.0.1 only.
# Runs in the foreground until stopped (Ctrl-C or SIGTERM stop everything); exits if any part dies.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: deploy/serve.sh [--replicas N] [--port P] [--bind ADDR] [--frame-ancestors SOURCES]
  --replicas N          Streamlit processes behind nginx (default 2, or $NM_REPLICAS)
  --port P              port nginx listens on (default 8080, or $NM_PORT)
  --bind ADDR           address nginx listens on (default 0.0.0.0 = every network of this machine, or $NM_BIND)
  --frame-ancestors S   who may show the app in a frame, as CSP sources (default 'self', or $NM_FRAME_ANCESTORS),
                        e.g. "'self' https://records.example-clinic.org" or "'none'"
EOF
}

replicas="${NM_REPLICAS:-2}"
port="${NM_PORT:-8080}"
bind="${NM_BIND:-0.0.0.0}"
self_only="'self'"
frame_ancestors="${NM_FRAME_ANCESTORS:-$self_only}"
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --bind) bind="$2"; shift 2 ;;
    --frame-ancestors) frame_ancestors="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "serve.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$replicas" =~ ^[1-9][0-9]?$ ]] || { echo "serve.sh: --replicas must be 1-99" >&2; exit 2; }
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || { echo "serve.sh: bad --port" >&2; exit 2; }
[[ "$bind" =~ ^[0-9a-fA-F.:]+$ ]] || { echo "serve.sh: --bind must be an IP address" >&2; exit 2; }
# The value goes into a header inside nginx's config: only the characters CSP sources use.
[[ "$frame_ancestors" =~ ^[A-Za-z0-9\ \'.:/*_-]+$ ]] || { echo "serve.sh: bad --frame-ancestors" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"  # Streamlit reads .streamlit/config.toml from here
python="${NM_PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
nginx_bin="$(command -v nginx || true)"
[ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx
if [ -z "$nginx_bin" ]; then
  echo "serve.sh: nginx not found. Install it (Debian/Ubuntu: sudo apt-get install -y nginx)." >&2
  exit 1
fi

run="$(mktemp -d "${TMPDIR:-/tmp}/nerve-map-serve.XXXXXX")"
pids=()
stopping=0
stop() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run"
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop' EXIT

# Free local ports for the replicas (asked of the OS, released just before Streamlit binds them).
mapfile -t ports < <("$python" - "$replicas" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print("\n".join(str(s.getsockname()[1]) for s in socks))
EOF
)
[ "${#ports[@]}" = "$replicas" ] || { echo "serve.sh: could not run $python to pick ports" >&2; exit 1; }

{
  echo "upstream nerve_map {"
  echo "    hash \$nm_route consistent;"
  for p in "${ports[@]}"; do echo "    server 127.0.0.1:$p;"; done
  echo "}"
  echo "map \$upstream_addr \$nm_replica {"
  echo "    default \"\";"
  i=1
  for p in "${ports[@]}"; do echo "    127.0.0.1:$p $i;"; i=$((i + 1)); done
  echo "}"
} >"$run/upstreams.conf"
user_line=""
mkdir -p "$run/tmp"
if [ "$(id -u)" = 0 ]; then  # nginx started as root drops its workers to nobody: let them use the temp dir
  user_line="user nobody nogroup;"
  chmod 755 "$run"
  chown nobody:nogroup "$run/tmp"
fi
case "$bind" in *:*) listen="[$bind]:$port" ;; *) listen="$bind:$port" ;; esac
# Streamlit's page has one tiny inline script; allow exactly it (by hash), not every inline script.
script_extra="$("$python" - <<'EOF'
import base64, hashlib, pathlib, re
import streamlit
html = (pathlib.Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
for body in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S):
    if body.strip():
        print(" 'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'", end="")
EOF
)"
# Streamlit's bundled front end (nginx serves its hashed files itself).
static_dir="$("$python" -c "import pathlib, streamlit; print(pathlib.Path(streamlit.__file__).parent / 'static')")"
sed -e "s|@RUN@|$run|g" -e "s|@USER@|$user_line|" -e "s|@LISTEN@|$listen|" -e "s|@STREAMLIT_STATIC@|$static_dir|" \
  "$root/deploy/nginx.conf.in" >"$run/nginx.conf"
sed -e "s|@FRAME_ANCESTORS@|$frame_ancestors|" -e "s|@SCRIPT_EXTRA@|$script_extra|" \
  "$root/deploy/headers.conf.in" >"$run/headers.conf"
cp "$root/deploy/link-too-long.html" "$run/"  # the page for links too long to open (nginx.conf.in)
"$nginx_bin" -t -q -e stderr -p "$run" -c "$run/nginx.conf"

# Python's own small-object allocator keeps the memory of a busy spell for good; with the C allocator the app can give
# it back once the server is quiet (explainer/ui/memory.py; measured in benchmarks/load.py, README "Load").
export PYTHONMALLOC="${PYTHONMALLOC:-malloc}"
for i in "${!ports[@]}"; do
  "$python" -m streamlit run explainer/app.py --server.address 127.0.0.1 --server.port "${ports[$i]}" \
    --server.headless true &
  pids+=($!)
done

# Start nginx once every replica answers its health check (up to 60 s).
deadline=$((SECONDS + 60))
for p in "${ports[@]}"; do
  until "$python" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$p/_stcore/health', timeout=1)" \
      2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "serve.sh: a replica did not start within 60 s" >&2; exit 1; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "serve.sh: a replica exited" >&2; exit 1; }; done
    sleep 0.3
  done
done
"$nginx_bin" -e stderr -p "$run" -c "$run/nginx.conf" -g "daemon off;" &
pids+=($!)
case "$bind" in 0.0.0.0|::) probe=127.0.0.1 ;; *:*) probe="[$bind]" ;; *) probe="$bind" ;; esac
until "$python" -c "import urllib.request; urllib.request.urlopen('http://$probe:$port/_stcore/health', timeout=1)" \
    2>/dev/null; do
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "serve.sh: nginx did not start (is port $port free?)" >&2; exit 1; }
  sleep 0.2
done
shown="$bind"
[ "$bind" = 0.0.0.0 ] && shown="localhost"
echo "Nerve Map: $replicas replica(s) behind nginx on http://$shown:$port (Ctrl-C stops everything)"

# Stay in the foreground; if any part stops by itself, stop the rest and fail (so a supervisor restarts us).
set +e
wait -n "${pids[@]}"
status=$?
echo "serve.sh: a process stopped (exit $status); stopping everything" >&2
exit 1
