import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.js';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi } from '../helpers/fake-line.js';
import { capturingLogger } from '../helpers/log-capture.js';
import { redactSecrets } from '../../src/logger.js';
import { sign, textEvent, userId, webhookBody } from '../helpers/line-webhook.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL, TwilioCall } from '../helpers/twilio-call.js';

const ADMIN = 'staff-token-0123456789';
let server: TestServer;
let line: FakeLineApi;
const { logger, lines } = capturingLogger();

beforeAll(async () => {
  line = new FakeLineApi();
  await line.start();
  server = await startTestServer({
    logger,
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL: line.url, ADMIN_TOKEN: ADMIN },
  });
});

afterAll(async () => {
  await server.close();
  await line.stop();
});

describe('logs', () => {
  it('carry no secret, My Number, PIN, phone number or LINE user id', async () => {
    const user = userId(4242);
    const body = webhookBody([textEvent(user, 'マイナンバーは 1234 5678 9012 です。カードをなくしました')]);
    await fetch(`${server.url}/line/webhook`, { method: 'POST', headers: { 'x-line-signature': sign(body) }, body });
    await server.app.line.drain();
    const call = new TwilioCall(server, '+819087654321');
    await call.start('?lang=en');
    await call.press('2');
    await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, { CallSid: call.callSid }, { signature: 'forged' });
    await server.chat({ text: 'my PIN is 4821, is that ok?' });
    await fetch(`${server.url}/api/admin/reports`, { headers: { authorization: `Bearer ${ADMIN}` } });
    await fetch(`${server.url}/api/admin/reports`, { headers: { authorization: 'Bearer guess-guess-guess-guess' } });

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [AUTH_TOKEN, CHANNEL_SECRET, CHANNEL_ACCESS_TOKEN, ADMIN, 'guess-guess-guess-guess', '1234 5678 9012', '4821', '9087654321', '+819087654321', user]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});

describe('the logger', () => {
  it('censors fields named authorization, token or secret, without touching what it logs', () => {
    const { logger: log, lines: out } = capturingLogger();
    const headers = { authorization: 'Bearer abc-123', accept: 'json' };
    const fields = { req: { headers }, token: 'tok-456', channel: { Secret: 'sec-789', name: 'line' }, lang: 'en' };
    log.info(fields, 'configured');
    const line = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ req: { headers: { authorization: '[redacted]', accept: 'json' } }, token: '[redacted]', channel: { Secret: '[redacted]', name: 'line' }, lang: 'en', msg: 'configured' });
    expect(out[0]).not.toMatch(/abc-123|tok-456|sec-789/);
    // The caller's object is left as it was.
    expect(headers.authorization).toBe('Bearer abc-123');
    expect(fields.token).toBe('tok-456');
  });

  it('censors them on errors and class instances too, keeping the error readable', () => {
    const { logger: log, lines: out } = capturingLogger();
    class Settings {
      constructor(readonly token: string, readonly region: string) {}
    }
    log.error({ err: Object.assign(new Error('LINE API refused'), { token: 'tok-1' }), settings: new Settings('tok-2', 'jp') }, 'push failed');
    log.error(Object.assign(new Error('store down'), { secret: 'sec-3' }));
    const [first, second] = out.map((line) => JSON.parse(line) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any -- log lines
    expect(first!.err).toMatchObject({ type: 'Error', message: 'LINE API refused', token: '[redacted]' });
    expect(first!.settings).toEqual({ token: '[redacted]', region: 'jp' });
    expect(second!.err).toMatchObject({ message: 'store down', secret: '[redacted]' });
    expect(out.join('\n')).not.toMatch(/tok-1|tok-2|sec-3/);
  });

  it('returns an object without secrets as it is (no copy per line)', () => {
    const fields = { session: 'ben…27', lang: 'ja', nested: { intent: 'reissue' } };
    expect(redactSecrets(fields)).toBe(fields);
  });
});
