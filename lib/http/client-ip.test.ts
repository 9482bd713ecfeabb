import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientIp } from './client-ip';

const flag = Symbol.for('quire.clientAddressSet');
const shared = globalThis as Record<symbol, unknown>;

describe('clientIp', () => {
  afterEach(() => {
    delete shared[flag];
  });

  it('reads the address the server set', () => {
    shared[flag] = true;
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers())).toBeNull();
  });

  it('ignores the header when no server of ours set it, since a client could have sent it', () => {
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' }))).toBeNull();
  });
});
