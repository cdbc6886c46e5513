"""JSON Schema of the repository format, for yaml-language-server (completion and inline errors)."""

from __future__ import annotations

import json
from types import GenericAlias
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from styrmodell.model.base import Node
from styrmodell.model.config import Config
from styrmodell.model.sections import SECTIONS

SCHEMA_ID = "https://styrmodell.se/schema/{name}.schema.json"


def _content_model() -> type[BaseModel]:
    organisation_fields: dict[str, Any] = {}
    fields: dict[str, Any] = {
        "organ": (str | None, Field(default=None, description="Ägande organ för objekten i filen (id).")),
    }
    for section in SECTIONS:
        annotation = GenericAlias(list, section.model) if section.many else section.model  # list[section.model]
        field = (annotation | None, Field(default=None, description=section.description))
        if section.key[0] == "organisation":
            organisation_fields[section.key[1]] = field
        else:
            fields[section.key[0]] = field
    organisation = create_model("Organisation", __base__=Node, **organisation_fields)
    fields["organisation"] = (
        organisation | None,
        Field(default=None, description="Organisationen: organ, förvaltningar, enheter och roller."),
    )
    return create_model("Styrmodellsfil", __config__=ConfigDict(extra="forbid"), **fields)


def content_schema() -> dict:
    schema = _content_model().model_json_schema()
    schema["$id"] = SCHEMA_ID.format(name="styrmodell")
    schema["title"] = "Styrmodell: innehållsfil"
    schema["description"] = "En fil i ett styrmodellsrepo: organisation, mål, indikatorer, delegation m.m."
    return schema


def config_schema() -> dict:
    schema = Config.model_json_schema()
    schema["$id"] = SCHEMA_ID.format(name="styrmodell-konfiguration")
    schema["title"] = "Styrmodell: styrmodell.yaml"
    return schema


SCHEMAS = {"innehåll": content_schema, "konfiguration": config_schema}


def render(kind: str) -> str:
    return json.dumps(SCHEMAS[kind](), ensure_ascii=False, indent=2) + "\n"
