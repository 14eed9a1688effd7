import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the email alert settings', () => {
  it('sends no mail without SMTP_URL', () => {
    expect(loadConfig({}).mail).toBeUndefined();
  });

  it('reads SMTP_URL, MAIL_FROM and MAIL_PER_ADDRESS_PER_HOUR; the sender defaults to the host of PUBLIC_URL', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:pass@mail.example:465',
      MAIL_PER_ADDRESS_PER_HOUR: '5',
      PUBLIC_URL: 'https://news.example/treaty-watch',
    });
    expect(config.mail).toMatchObject({ smtpUrl: 'smtps://user:pass@mail.example:465', from: 'alerts@news.example', perAddressPerHour: 5 });
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Desk@News.example' }).mail?.from).toBe('desk@news.example');
  });

  it.each([
    ['SMTP_URL', 'http://mail.example'],
    ['SMTP_URL', 'smtp://mail example'],
    ['MAIL_FROM', 'Treaty Watch <alerts@news.example>'],
    ['MAIL_FROM', 'alerts@news.example\r\nBcc: x@y.example'],
    ['MAIL_PER_ADDRESS_PER_HOUR', '0'],
    ['RATE_LIMIT_SUBSCRIBE', '-1'],
  ])('refuses %s=%s with a message that names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
