import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../../electron/host/openapi';
import { CHANNELS, contract } from '../../../../shared/ipc/contract';

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument('test') as { openapi: string; paths: Record<string, { post: { operationId: string; 'x-access': string } }> };

  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has one operation per channel, with its access rule', () => {
    expect(Object.keys(document.paths).sort()).toEqual(CHANNELS.map((c) => `/rpc/${c}`).sort());
    for (const channel of CHANNELS) {
      expect(document.paths[`/rpc/${channel}`]?.post.operationId).toBe(channel);
      expect(document.paths[`/rpc/${channel}`]?.post['x-access']).toBe(contract[channel].access);
    }
  });
});
