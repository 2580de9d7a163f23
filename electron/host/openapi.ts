import { z } from 'zod';
import { contract, CHANNELS } from '../../shared/ipc/contract';
import { ErrorEnvelope } from '../../shared/ipc/envelope';

/**
 * An OpenAPI 3.1 description of the browser-mode API, generated from the contract (so it cannot drift): one POST
 * operation per channel with its request schema, its result envelope and the access it needs (x-access).
 */
function schemaOf(type: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(type, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const name of CHANNELS) {
    const spec = contract[name];
    paths[`/rpc/${name}`] = {
      post: {
        operationId: name,
        summary: spec.summary,
        'x-access': spec.access,
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.request, 'input') } } },
        responses: {
          '200': {
            description: 'The result envelope: { ok: true, value } or { ok: false, error: { code, message } }.',
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { type: 'object', required: ['ok', 'value'], properties: { ok: { const: true }, value: schemaOf(spec.response, 'output') } },
                    schemaOf(ErrorEnvelope, 'output'),
                  ],
                },
              },
            },
          },
          '403': { description: 'Refused before any handler ran: the request did not come from TokenTill\'s own page (ORIGIN_REFUSED).' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'TokenTill browser-mode API', version, description: 'Served on 127.0.0.1 only. The session travels in an HttpOnly cookie set by session.login.' },
    servers: [{ url: '/' }],
    paths,
  };
}
