import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressGroup, clientAddress, clientFromRouter, normaliseAddress } from '../src/client-address.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('client address', () => {
  it('is the connection address unless a trusted proxy forwards it', () => {
    expect(clientAddress(request('::ffff:10.0.0.5', '203.0.113.9'), false)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5', '203.0.113.9'), true)).toBe('203.0.113.9');
  });

  it('trusts only the entry the proxy appended, not what the client put before it', () => {
    expect(clientAddress(request('10.0.0.5', '1.2.3.4, 198.51.100.7'), true)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.5', 'not-an-address'), true)).toBe('10.0.0.5');
  });

  it('groups IPv6 addresses by /64 and leaves IPv4 alone', () => {
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2:ffff:ffff:ffff:fffe')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('198.51.100.7')).toBe('198.51.100.7');
  });

  it('refuses what is not an address', () => {
    expect(normaliseAddress('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normaliseAddress('evil.example')).toBeNull();
    expect(clientFromRouter({ 'x-gemeng-client-ip': 'x', 'x-gemeng-client-user-agent': 'UA' })).toEqual({
      ip: null,
      userAgent: 'UA',
    });
  });
});
