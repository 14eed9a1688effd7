import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the event stream settings', () => {
  it('holds 10,000 streams with a heartbeat every 25 s and no Pushpin by default', () => {
    const config = loadConfig({});
    expect(config.sse).toEqual({ maxStreams: 10_000, heartbeatMs: 25_000 });
    expect(config.grip).toBeUndefined();
  });

  it('reads SSE_MAX_STREAMS, SSE_HEARTBEAT_SECONDS, GRIP_PROXY_URL (without a trailing slash) and GRIP_SIG_KEY', () => {
    const config = loadConfig({
      SSE_MAX_STREAMS: '0',
      SSE_HEARTBEAT_SECONDS: '5',
      GRIP_PROXY_URL: 'http://127.0.0.1:5561/',
      GRIP_SIG_KEY: 'a-key-of-sixteen-or-more',
    });
    expect(config.sse).toEqual({ maxStreams: 0, heartbeatMs: 5000 });
    expect(config.grip).toEqual({ publishUrl: 'http://127.0.0.1:5561', sigKey: 'a-key-of-sixteen-or-more' });
  });

  it('will not start behind Pushpin without the key its requests are signed with', () => {
    expect(() => loadConfig({ GRIP_PROXY_URL: 'http://127.0.0.1:5561' })).toThrow('GRIP_SIG_KEY');
    expect(() => loadConfig({ GRIP_PROXY_URL: 'http://127.0.0.1:5561', GRIP_SIG_KEY: 'changeme' })).toThrow('GRIP_SIG_KEY');
  });

  it.each([
    ['SSE_MAX_STREAMS', '-1'],
    ['SSE_MAX_STREAMS', 'lots'],
    ['SSE_HEARTBEAT_SECONDS', '0'],
    ['SSE_HEARTBEAT_SECONDS', '1.5'],
    ['GRIP_PROXY_URL', 'ftp://127.0.0.1:5561'],
    ['GRIP_PROXY_URL', '127.0.0.1:5561'],
  ])('refuses %s=%s with a message that names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
