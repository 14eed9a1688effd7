import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('PUBLIC_URL', () => {
  it('is absent unless set: links then start with the address the server is bound to', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it.each([
    ['https://news.example', 'https://news.example'],
    ['https://news.example/', 'https://news.example'],
    ['HTTPS://News.Example:443/Treaty-Watch//', 'https://news.example/Treaty-Watch'],
    ['http://10.0.0.5:3000', 'http://10.0.0.5:3000'],
    ['https://news.example/treaty watch|desk', 'https://news.example/treaty%20watch%7Cdesk'],
  ])('takes %s as %s', (given, kept) => {
    expect(loadConfig({ PUBLIC_URL: given }).publicUrl).toBe(kept);
  });

  it.each([
    ['a relative path', '/treaty-watch'],
    ['a bare host', 'news.example'],
    ['javascript:', 'javascript://news.example/%0aalert(1)'],
    ['ftp', 'ftp://news.example'],
    ['credentials', 'https://user:secret@news.example'],
    ['a query', 'https://news.example/?utm=1'],
    ['an empty query', 'https://news.example/?'],
    ['a fragment', 'https://news.example/#top'],
    ['a host that is no URI', 'https://news"example/'],
  ])('refuses %s, naming the variable', (_name, given) => {
    expect(() => loadConfig({ PUBLIC_URL: given })).toThrow(/PUBLIC_URL/);
  });
});
