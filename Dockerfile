# Nerve Map in one image: the tested start script (deploy/serve.sh) runs N Streamlit replicas on 127.0.0.1
# behind nginx on port 8080. Not built or run on the project's machine (no container runtime there): kept simple.
#   docker build -t nerve-map . && docker run --rm -p 8080:8080 nerve-map      # then open http://localhost:8080
# Settings (environment): NM_REPLICAS (default 2), NM_PORT (8080), NM_FRAME_ANCESTORS ("'self'").
FROM python:3.11-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 nervemap

WORKDIR /app
COPY requirements.txt ./
# The README's install step, into the same .venv that deploy/serve.sh looks for.
RUN python3 -m venv .venv && .venv/bin/pip install --no-cache-dir -r requirements.txt
COPY --chown=nervemap:nervemap . .

USER nervemap
ENV NM_REPLICAS=2 NM_PORT=8080 NM_BIND=0.0.0.0 PYTHONDONTWRITEBYTECODE=1
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD .venv/bin/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/_stcore/health', timeout=4)"
STOPSIGNAL SIGTERM
CMD ["bash", "deploy/serve.sh"]
