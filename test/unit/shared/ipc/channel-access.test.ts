import { describe, expect, it } from 'vitest';
import { accessAllows, describeAccess } from '../../../../shared/ipc/channel-spec';

describe('channel access', () => {
  const held = new Set(['advanced.clearTamper', 'meters.view']);
  it('public and signedIn allow any signed-in holder; one permission must be held', () => {
    expect(accessAllows('public', new Set())).toBe(true);
    expect(accessAllows('signedIn', new Set())).toBe(true);
    expect(accessAllows('meters.view', held)).toBe(true);
    expect(accessAllows('vend', held)).toBe(false);
  });
  it('a list allows a holder of any one of its permissions, and no one else', () => {
    expect(accessAllows(['vend', 'advanced.clearTamper'], held)).toBe(true);
    expect(accessAllows(['vend', 'tokens.decode'], held)).toBe(false);
    expect(accessAllows(['vend', 'tokens.decode'], new Set())).toBe(false);
  });
  it('describes itself for the refusal sentence', () => {
    expect(describeAccess('vend')).toBe('vend');
    expect(describeAccess(['vend', 'tokens.decode'])).toBe('one of vend, tokens.decode');
  });
});
