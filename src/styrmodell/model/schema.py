"""JSON Schema of the repository format, for yaml-language-server (completion and inline errors)."""

from __future__ import annotations

import json
from types import GenericAlias
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

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


class _Generator(GenerateJsonSchema):
    """The models' empty lists and mappings are made new for each object (`default_factory`, which
    costs less than copying a shared default), and the schema says what they are: `[]` and `{}`."""

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        factory = schema.get("default_factory")
        if factory in (list, dict):
            schema = {**schema, "default": factory()}
            del schema["default_factory"]
        return super().default_schema(schema)


def content_schema() -> dict:
    schema = _content_model().model_json_schema(schema_generator=_Generator)
    schema["$id"] = SCHEMA_ID.format(name="styrmodell")
    schema["title"] = "Styrmodell: innehållsfil"
    schema["description"] = "En fil i ett styrmodellsrepo: organisation, mål, indikatorer, delegation m.m."
    return schema


def config_schema() -> dict:
    schema = Config.model_json_schema(schema_generator=_Generator)
    schema["$id"] = SCHEMA_ID.format(name="styrmodell-konfiguration")
    schema["title"] = "Styrmodell: styrmodell.yaml"
    return schema


SCHEMAS = {"innehåll": content_schema, "konfiguration": config_schema}


def render(kind: str) -> str:
    return json.dumps(SCHEMAS[kind](), ensure_ascii=False, indent=2) + "\n"
