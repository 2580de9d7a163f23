import type { z } from 'zod';
import { err, type Err } from './result';

const FIELD_NAMES: Readonly<Record<string, string>> = {};

function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'The request';
  const key = path.map((part) => String(part)).join('.');
  return FIELD_NAMES[key] ?? `The field "${key}"`;
}

/**
 * Turns a zod failure into one VALIDATION error naming the first field at fault in a sentence, for example
 * `The field "password" is required.` Only the first issue is shown: a form fixes one field at a time.
 */
export function validationError(error: z.ZodError): Err {
  const issue = error.issues[0];
  if (!issue) return err('VALIDATION', 'The request is not valid.');
  const label = fieldLabel(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return err('VALIDATION', `${label} is required.`);
  }
  const detail = issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  return err('VALIDATION', `${label} is not valid: ${detail}`);
}
