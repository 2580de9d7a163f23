import type { z } from 'zod';

/**
 * Makes a request that passes a channel's request schema, so a test can reach the permission check (the dispatcher
 * parses before it checks the session: an invalid request answers VALIDATION and tells nothing about access). It walks
 * the zod definition: objects get every required field, enums their first value, literals their value, unions their
 * first option that parses, strings and numbers the first of a few candidates that pass the field's own checks.
 * Best effort: refinements across fields can still fail, and then the caller supplies a sample by hand.
 */
type Def = { type: string } & Record<string, unknown>;

const STRINGS = ['x', '1', '0001', '123456', 'ABC1', 'USD', 'UTC', 'Abc#12345x', '58000000065', '0123456789ABCDEF', 'a@b.co', '2026-01-01', '2026-01-01T00:00:00.000Z'];
const NUMBERS = [1, 0, 2, 20, 100, 2014, 9100, 1000];

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function passes(schema: unknown, value: unknown): boolean {
  return (schema as z.ZodType).safeParse(value).success;
}

const NONE = Symbol('none');
type Made = unknown | typeof NONE;

function make(schema: unknown, depth: number): Made {
  if (depth > 12) return NONE;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const fieldType = defOf(field).type;
        if (fieldType === 'optional' || fieldType === 'default' || fieldType === 'prefault') continue;
        const made = make(field, depth + 1);
        if (made === NONE) return NONE;
        value[key] = made;
      }
      return value;
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return undefined;
    case 'nullable':
      return null;
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return make(def.innerType, depth + 1);
    case 'pipe':
      return make(def.in, depth + 1);
    case 'array':
      return passes(schema, []) ? [] : wrapOne(schema, def.element, depth);
    case 'record':
      return {};
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0] ?? NONE;
    case 'literal':
      return (def.values as unknown[])[0] ?? NONE;
    case 'union': {
      for (const option of def.options as unknown[]) {
        const made = make(option, depth + 1);
        if (made !== NONE && passes(option, made)) return made;
      }
      return NONE;
    }
    case 'boolean':
      return false;
    case 'string':
      return STRINGS.find((candidate) => passes(schema, candidate)) ?? NONE;
    case 'number':
    case 'int':
      return NUMBERS.find((candidate) => passes(schema, candidate)) ?? NONE;
    case 'null':
      return null;
    case 'undefined':
    case 'void':
      return undefined;
    case 'any':
    case 'unknown':
      return {};
    default:
      return NONE;
  }
}

function wrapOne(schema: unknown, element: unknown, depth: number): Made {
  const one = make(element, depth + 1);
  return one !== NONE && passes(schema, [one]) ? [one] : NONE;
}

/** A request the schema accepts, or null when the walk could not make one. */
export function sampleRequest(schema: z.ZodType): { value: unknown } | null {
  for (const candidate of [{}, make(schema, 0)]) {
    if (candidate !== NONE && passes(schema, candidate)) return { value: candidate };
  }
  return null;
}
