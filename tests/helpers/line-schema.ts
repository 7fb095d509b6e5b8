/**
 * Validates what the bot sends LINE against LINE's own OpenAPI description
 * (vendor/line-openapi/messaging-api.yml, kept in this repository). Its polymorphic schemas (Message, Action, Flex…)
 * choose a subtype by `type` through an OpenAPI discriminator, which JSON Schema does not know:
 * each such base becomes "if type is X then the schema of X", so every message, action and
 * Flex component is checked against its own subtype.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_PATH = fileURLToPath(new URL('../../vendor/line-openapi/messaging-api.yml', import.meta.url));

type Schema = Record<string, unknown>;

function buildAjv(): Ajv {
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, Schema> } };
  const schemas = structuredClone(spec.components.schemas);
  const rewritten: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema['discriminator'] as { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (!discriminator?.mapping) continue;
    const { discriminator: _d, ...base } = schema;
    rewritten[`${name}Base`] = base;
    rewritten[name] = {
      allOf: [
        { $ref: `#/components/schemas/${name}Base` },
        ...Object.entries(discriminator.mapping).map(([value, ref]) => ({
          if: { properties: { [discriminator.propertyName]: { const: value } }, required: [discriminator.propertyName] },
          then: { $ref: ref },
        })),
        { properties: { [discriminator.propertyName]: { enum: Object.keys(discriminator.mapping) } } },
      ],
    };
  }
  // Subtypes extend the base, not the dispatcher, or validation would loop.
  const bases = new Set(Object.keys(rewritten).filter((n) => n.endsWith('Base')).map((n) => n.slice(0, -4)));
  for (const [name, schema] of Object.entries(schemas)) {
    const allOf = schema['allOf'] as Schema[] | undefined;
    if (!allOf) continue;
    schema['allOf'] = allOf.map((part) => {
      const ref = part['$ref'] as string | undefined;
      const target = ref?.replace('#/components/schemas/', '');
      return target && bases.has(target) && target !== name ? { $ref: `#/components/schemas/${target}Base` } : part;
    });
  }
  Object.assign(schemas, rewritten);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'line', components: { schemas } });
  return ajv;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

export function lineValidator(schema: 'ReplyMessageRequest' | 'PushMessageRequest' | 'RichMenuRequest'): ValidateFunction {
  ajv ??= buildAjv();
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ $ref: `line#/components/schemas/${schema}` });
    validators.set(schema, validate);
  }
  return validate;
}

/** Throws with LINE's schema errors when a body would be refused. */
export function assertValidLine(schema: Parameters<typeof lineValidator>[0], body: unknown): void {
  const validate = lineValidator(schema);
  if (!validate(body)) throw new Error(`${schema} invalid: ${JSON.stringify(validate.errors, null, 1).slice(0, 2000)}`);
}
