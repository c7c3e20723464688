"""deploy/k8s and the Dockerfile (not runnable here: no cluster, no container runtime) checked as far as offline
tools allow: every manifest validates against the Kubernetes schemas shipped in kubernetes-validate, and they agree
with each other and with the tested start script."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from explainer.paths import PROJECT_DIR

K8S = PROJECT_DIR / "deploy" / "k8s"
VERSION = "1.33.0"  # a Kubernetes release clinics commonly run; kubernetes-validate ships its schemas


def documents() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        found += [(path, doc) for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    return found


def by_kind(kind: str) -> dict[str, Any]:
    [doc] = [d for _, d in documents() if d["kind"] == kind]
    return doc


@pytest.mark.parametrize(("path", "doc"), documents(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_each_manifest_is_valid_kubernetes(path: Path, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, VERSION, strict=True)  # raises with the field on any mistake


def test_an_invalid_manifest_is_caught() -> None:
    broken = {**by_kind("Deployment"), "spec": {**by_kind("Deployment")["spec"], "replicas": "two"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSION, strict=True)


def test_probes_use_the_health_endpoint_and_the_pieces_point_at_each_other() -> None:
    deployment, service, ingress = by_kind("Deployment"), by_kind("Service"), by_kind("Ingress")
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert {p["name"] for p in container["ports"]} >= {service["spec"]["ports"][0]["targetPort"]}
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie", "sessions live in one pod's memory"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 600, "websockets stay open"


def test_the_dockerfile_runs_the_tested_start_script() -> None:
    text = (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim", text, re.M)
    assert re.search(r"^USER (?!root)\w+", text, re.M), "runs as a non-root user"
    assert "/_stcore/health" in re.search(r"HEALTHCHECK.*(?:\n\s+.*)*", text).group(0)  # type: ignore[union-attr]
    assert re.search(r'^CMD \["bash", "deploy/serve\.sh"\]', text, re.M)
    assert "pip install --no-cache-dir -r requirements.txt" in text
    port = re.search(r"NM_PORT=(\d+)", text)
    assert port and f"EXPOSE {port.group(1)}" in text
    [container] = by_kind("Deployment")["spec"]["template"]["spec"]["containers"]
    assert container["ports"][0]["containerPort"] == int(port.group(1))
    assert by_kind("Deployment")["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True


def _buffer_bytes(setting: str) -> int:
    count, size = setting.split()
    return int(size.rstrip("kK")) * 1024 if count.isdigit() else 0


def test_the_ingress_passes_long_links_on_to_the_pods_clear_page() -> None:
    """A link longer than Streamlit accepts must reach the pod's nginx (which answers with link-too-long.html), not be
    refused by the ingress controller with a bare 414: the controller's request-line buffer is at least the pod's."""
    [config] = [d for _, d in documents() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "ingress-nginx-controller"]
    ingress_buffer = _buffer_bytes(config["data"]["large-client-header-buffers"])
    nginx = (PROJECT_DIR / "deploy" / "nginx.conf.in").read_text(encoding="utf-8")
    pod_buffer = _buffer_bytes(re.search(r"large_client_header_buffers\s+([^;]+);", nginx).group(1))  # type: ignore[union-attr]
    too_big = int(re.search(r'"~\^\.\{(\d+)\}"\s+1;', nginx).group(1))  # type: ignore[union-attr]
    assert ingress_buffer >= pod_buffer > too_big, (ingress_buffer, pod_buffer, too_big)
