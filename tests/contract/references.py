"""The services' references as OpenAPI validators, and the check of one recorded exchange against them.

Rocket.Chat: its official OpenAPI files, read at test time from ../shared/specs/rocketchat-openapi/
(never copied into this repository), with tests/contract/specs/rocketchat-addenda.yaml merged in memory.
Callbell and Smartsheet RM publish none: tests/contract/specs/*.yaml are written from their docs.

openapi-core validates parameters, bodies and replies. Two checks are added on top, because a
reference that lists a request's fields is strict about them even where its schema does not say so:
no query parameter the operation does not declare, and (for requests) no body field it does not list.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from trayapp.demo.server import Exchange

OWN_SPECS = Path(__file__).parent / "specs"
_ROOT = Path(__file__).resolve().parents[2]


def _shared_specs() -> Path:
    """../shared/specs beside the repository; the mutation report's copy of the tests sits one folder
    deeper (mutants/tests), so look up a level when the first place has none."""
    for root in (_ROOT, _ROOT.parent):
        if (root.parent / "shared" / "specs").is_dir():
            return root.parent / "shared" / "specs"
    return _ROOT.parent / "shared" / "specs"


SHARED_SPECS = _shared_specs()
RC_FILES = ("authentication.yaml", "content-management.yaml", "user-management.yaml")
_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Reference:
    """One OpenAPI document, ready to validate, with its operations' path patterns."""

    source: str  # where it was read from, for messages
    document: dict[str, Any]
    api: OpenAPI
    server: str  # the document's server URL, which the request's URL must start with
    strip: str  # the part of the recorded path that belongs to the server URL ("/api/v1" for RM)
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (regex, path template)

    def below(self, path: str) -> str:
        """The recorded path (below the demo's service prefix) as a path of the document."""
        return path[len(self.strip) :] if path.startswith(self.strip) else path

    def template(self, path: str) -> str | None:
        for pattern, template in self.patterns:
            if pattern.fullmatch(self.below(path)):
                return template
        return None

    def request(self, exchange: Exchange, query: list[tuple[str, str]]) -> MockRequest:
        parts = urlsplit(self.server)
        return MockRequest(
            f"{parts.scheme}://{parts.netloc}",
            exchange.method.lower(),
            parts.path.rstrip("/") + self.below(exchange.path),
            args=query,  # type: ignore[arg-type]  # a list of pairs keeps repeated names
            headers=exchange.headers,
            data=exchange.body,
            content_type=exchange.headers.get("content-type", ""),
        )


def _patterns(document: dict[str, Any]) -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for template in document.get("paths", {}):
        parts = re.split(r"(\{[^}]+\})", template)
        regex = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
        found.append((re.compile(regex), template))
    return tuple(found)


def _strict_request_bodies(document: dict[str, Any]) -> None:
    """additionalProperties: false on every inline object schema of a request body that leaves it open."""
    for item in document.get("paths", {}).values():
        for method in _METHODS:
            body = (item.get(method) or {}).get("requestBody") or {}
            for media in (body.get("content") or {}).values():
                schema = media.get("schema") or {}
                if schema.get("type") == "object" and "additionalProperties" not in schema:
                    schema["additionalProperties"] = False


def _pointer(documents: dict[str, dict[str, Any]], ref: str) -> Any:
    name, _, pointer = ref.partition("#")
    value: Any = documents[name]
    for part in pointer.strip("/").split("/"):
        value = value[unquote(part).replace("~1", "/").replace("~0", "~")]
    return copy.deepcopy(value)


def _merge_addenda(documents: dict[str, dict[str, Any]], addenda: dict[str, Any]) -> None:
    for name, paths in addenda.items():
        for path, methods in paths.items():
            for method, responses in methods.items():
                operation = documents[name]["paths"][path][method]
                for status, response in responses.items():
                    if "x-same-as" in response:
                        response = _pointer(documents, response["x-same-as"])
                    operation.setdefault("responses", {})[status] = {
                        k: v for k, v in response.items() if not k.startswith("x-")
                    }


def _reference(source: str, document: dict[str, Any], strip: str = "") -> Reference:
    server = document["servers"][0]["url"]
    return Reference(source, document, OpenAPI.from_dict(document), server, strip, _patterns(document))


@cache
def rocketchat(root: Path) -> tuple[Reference, ...]:
    folder = root / "rocketchat-openapi"
    documents = {name: yaml.safe_load((folder / name).read_text(encoding="utf-8")) for name in RC_FILES}
    addenda = yaml.safe_load((OWN_SPECS / "rocketchat-addenda.yaml").read_text(encoding="utf-8"))
    _merge_addenda(documents, addenda)
    for document in documents.values():
        _strict_request_bodies(document)
    return tuple(_reference(str(folder / name), document) for name, document in documents.items())


@cache
def own(name: str) -> Reference:
    path = OWN_SPECS / f"{name}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    # The demo serves RM under its prefix with /api/v1 kept (part of the server URL in the document).
    return _reference(str(path), document, strip="/api/v1" if name == "smartsheet_rm" else "")


def references(service: str, shared: Path) -> tuple[Reference, ...]:
    if service == "rocketchat":
        return rocketchat(shared)
    return (own({"callbell": "callbell", "smartsheet": "smartsheet_rm"}[service]),)


def _declared_query(document: dict[str, Any], template: str, method: str) -> set[str]:
    item = document["paths"][template]
    declared = [*item.get("parameters", []), *(item[method].get("parameters") or [])]
    names = set()
    for parameter in declared:
        if "$ref" in parameter:
            parameter = _pointer({"": document}, parameter["$ref"])
        if parameter.get("in") == "query":
            names.add(parameter["name"])
    return names


def problems(exchange: Exchange, shared: Path) -> list[str]:
    """Every way this request or its reply departs from the service's reference ([] when none)."""
    method = exchange.method.lower()
    for reference in references(exchange.service, shared):
        template = reference.template(exchange.path)
        if template is not None and method in reference.document["paths"][template]:
            break
    else:
        return [f"{exchange.method} {exchange.path} is in no reference of {exchange.service}"]
    found: list[str] = []
    query = parse_qsl(exchange.query, keep_blank_values=True)
    undeclared = {k for k, _ in query} - _declared_query(reference.document, template, method)
    if undeclared:
        found.append(f"query parameters the reference does not declare: {sorted(undeclared)}")
    request = reference.request(exchange, query)
    try:
        reference.api.validate_request(request)
    except Exception as exc:  # every openapi-core validation error; the text says what failed
        found.append(f"request: {_explain(exc)}")
    response = MockResponse(
        exchange.reply_body,
        exchange.status,
        headers=exchange.reply_headers,
        content_type=(exchange.reply_type or "").split(";")[0],
    )
    try:
        reference.api.validate_response(request, response)
    except Exception as exc:
        found.append(f"reply HTTP {exchange.status}: {_explain(exc)}")
    return [f"{exchange.method} {exchange.path} ({reference.source}): {p}" for p in found]


def _explain(exc: BaseException) -> str:
    texts = [f"{type(exc).__name__}: {exc}"]
    cause = exc.__cause__
    while cause is not None:
        for error in getattr(cause, "schema_errors", ()) or ():
            texts.append(getattr(error, "message", str(error)))
        texts.append(str(cause))
        cause = cause.__cause__
    return " | ".join(dict.fromkeys(texts))


def body(exchange: Exchange) -> Any:
    """The request body, parsed as its Content-Type says (for assertions on what was sent)."""
    kind = exchange.headers.get("content-type", "").split(";")[0]
    if kind == "application/x-www-form-urlencoded":
        return dict(parse_qsl(exchange.body.decode()))
    return json.loads(exchange.body) if exchange.body else None
