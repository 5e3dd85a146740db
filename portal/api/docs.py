"""The API's OpenAPI document for this site, and the same document read as a page of operations: what each
one does, what it takes, what it answers, and an example request."""
from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import request

from portal.api import bp
from portal.api.openapi import openapi_document
from portal.jobsearch.labels import labels

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A schema nested deeper than this is shown as "..." in an example.
EXAMPLE_DEPTH = 6


def document_for_this_site() -> dict:
    site_url = request.url_root.rstrip("/")
    return openapi_document(labels(), site_url + bp.url_prefix, site_url=site_url)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    kind: str
    description: str
    allowed: list[str]


@dataclass(frozen=True)
class Response:
    status: str
    description: str


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    needs_token: bool
    parameters: list[Parameter]
    request_example: str | None
    example_request: str
    responses: list[Response]


def operations(document: dict) -> list[Operation]:
    """Every operation in ``document``, in the document's order."""
    server = document["servers"][0]["url"]
    schemas = document.get("components", {}).get("schemas", {})
    found = []
    for path, item in document["paths"].items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            spec = item[method]
            parameters = [_parameter(_resolve(document, each)) for each in (*shared, *spec.get("parameters", []))]
            body = spec.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            request_example = json.dumps(example(body, schemas), indent=2) if body else None
            needs_token = bool(spec.get("security", document.get("security")))
            found.append(Operation(
                operation_id=spec.get("operationId", f"{method} {path}"),
                method=method.upper(),
                path=path,
                summary=spec.get("summary", ""),
                description=spec.get("description", ""),
                needs_token=needs_token,
                parameters=parameters,
                request_example=request_example,
                example_request=_curl(method, server + path, parameters, needs_token, body is not None),
                responses=[Response(status, _resolve(document, answer).get("description", ""))
                           for status, answer in spec.get("responses", {}).items()],
            ))
    return found


def _resolve(document: dict, node: dict) -> dict:
    """``node``, or the part of ``document`` it refers to by "$ref" (such as "#/components/parameters/page")."""
    if "$ref" not in node:
        return node
    for key in node["$ref"].removeprefix("#/").split("/"):
        document = document[key]
    return document


def _parameter(spec: dict) -> Parameter:
    schema = spec.get("schema", {})
    values = schema.get("items", schema)
    return Parameter(
        name=spec["name"],
        location=spec["in"],
        required=spec.get("required", False),
        kind=_kind(schema),
        description=spec.get("description", ""),
        allowed=[str(value) for value in values.get("enum", [])],
    )


def _kind(schema: dict) -> str:
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {_kind(schema.get('items', {}))}s (repeat the parameter)"
    if isinstance(kind, list):
        return " or ".join(kind)
    return kind or "value"


def _curl(method: str, url: str, parameters: list[Parameter], needs_token: bool, has_body: bool) -> str:
    for parameter in parameters:
        if parameter.location == "path":
            url = url.replace("{" + parameter.name + "}", _sample_value(parameter))
    required_query = [(p.name, _sample_value(p)) for p in parameters if p.location == "query" and p.required]
    if required_query:
        url += "?" + urlencode(required_query)
    lines = [f"curl -X {method.upper()} '{url}'"]
    if needs_token:
        lines.append("-H 'Authorization: Bearer YOUR_API_TOKEN'")
    if has_body:
        lines += ["-H 'Content-Type: application/json'", "-d @body.json"]
    return " \\\n  ".join(lines)


def _sample_value(parameter: Parameter) -> str:
    if parameter.allowed:
        return parameter.allowed[0]
    return "1" if parameter.kind == "integer" else parameter.name.upper()


def example(schema: dict | None, schemas: dict, depth: int = 0):
    """A value that fits ``schema``: its example, default or first allowed value where it gives one."""
    if schema is None:
        return None
    if depth > EXAMPLE_DEPTH:
        return "..."
    if "$ref" in schema:
        return example(schemas[schema["$ref"].rsplit("/", 1)[-1]], schemas, depth + 1)
    if "allOf" in schema:
        merged: dict = {}
        for part in schema["allOf"]:
            value = example(part, schemas, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    for choice in ("oneOf", "anyOf"):
        if choice in schema:
            return example(schema[choice][0], schemas, depth + 1)
    for key in ("examples", "enum"):
        if schema.get(key):
            return schema[key][0]
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((each for each in kind if each != "null"), "null")
    if kind == "object" or "properties" in schema:
        return {name: example(part, schemas, depth + 1) for name, part in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(schema.get("items", {}), schemas, depth + 1)]
    return {"integer": 1, "number": 1.5, "boolean": True, "null": None}.get(
        kind, "2026-07-31" if schema.get("format") == "date" else "text"
    )
