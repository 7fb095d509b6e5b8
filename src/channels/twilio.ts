/**
 * The phone line (Twilio Programmable Voice). Every request is checked against its
 * X-Twilio-Signature, computed on PUBLIC_BASE_URL + path + query (what Twilio called, not the
 * internal host behind a proxy). Each step is reached only through URLs the TwiML gives.
 * Twilio retries a webhook that times out: the TwiML of each step is kept, so a retry gets the
 * same answer and nothing is done twice.
 */
import { createHash } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import twilio from 'twilio';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { DialogEngine } from '../dialogs/engine.js';
import type { InboundEvent } from '../dialogs/types.js';
import type { Clock } from '../knowledge/calendar.js';
import { PHONES } from '../knowledge/facts.js';
import { isLang, type Lang } from '../knowledge/languages.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { maskPhone } from '../suspension/mask.js';
import type { ReportLog } from '../suspension/reports.js';
import { HttpError } from './http-errors.js';
import { renderErrorTwiml, renderTwiml } from './twiml-render.js';

const TWIML_TTL_SECONDS = 10 * 60;
const CALL_RECORD_TTL_SECONDS = 7 * 24 * 60 * 60;
const CALL_SID = /^CA[0-9a-fA-F]{32}$/;

interface TwilioDeps {
  config: Config;
  engine: DialogEngine;
  store: Store;
  reports: ReportLog;
  clock: Clock;
  logger: Logger;
}

/**
 * What Twilio posts, as far as the helpline reads it. Every parameter is one string (a repeated
 * one arrives as a list and is refused); the ones read have the forms Twilio documents.
 */
const twilioParams = z.object({
  CallSid: z.string().regex(CALL_SID).optional(),
  From: z.string().max(64).optional(),
  Digits: z.string().regex(/^[0-9*#]{0,32}$/).optional(),
  SpeechResult: z.string().max(2000).optional(),
  Confidence: z.string().max(32).optional(),
  DialCallStatus: z.string().max(32).optional(),
  CallStatus: z.string().max(32).optional(),
  CallDuration: z.string().regex(/^\d{0,9}$/).optional(),
}).catchall(z.string().max(4096));
type TwilioParams = Record<string, string>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function twilioRouter(deps: TwilioDeps): Router {
  const { config, engine, store, logger } = deps;
  const router = express.Router();
  const token = config.twilioAuthToken;
  if (!token) throw new Error('the phone line needs TWILIO_AUTH_TOKEN');

  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 100 }));
  router.use((req, _res, next) => {
    const signature = req.get('x-twilio-signature');
    const url = `${config.publicBaseUrl}${req.originalUrl}`;
    const params = (req.body ?? {}) as TwilioParams;
    if (!signature || !twilio.validateRequest(token, signature, url, params)) {
      next(new HttpError(403, 'bad_signature', 'X-Twilio-Signature is missing or does not match this request.'));
      return;
    }
    const parsed = twilioParams.safeParse(params);
    if (!parsed.success) {
      const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean).slice(0, 5);
      next(new HttpError(400, 'invalid_parameter', `Twilio parameters malformed: ${names.join(', ') || 'the form'}.`));
      return;
    }
    next();
  });

  const absolute = (path: string) => `${config.publicBaseUrl}/twilio${path}`;

  /** Runs one step of the call, or replays the TwiML of a step Twilio is retrying. */
  async function step(req: Request, event: (base: Omit<InboundEvent, 'kind'>) => InboundEvent): Promise<string> {
    const params = req.body as TwilioParams;
    const callSid = params['CallSid'];
    if (!callSid || !CALL_SID.test(callSid)) throw new HttpError(400, 'missing_parameter', 'CallSid is missing or malformed.');
    const retryKey = createHash('sha256')
      .update([callSid, req.path, req.query['s'] ?? '', req.query['event'] ?? '', params['Digits'] ?? '', params['SpeechResult'] ?? '', params['DialCallStatus'] ?? ''].join('\u0000'))
      .digest('hex');
    const cached = await store.get<string>(`twiml:${retryKey}`).catch(() => undefined);
    if (cached) return cached;

    const langParam = String(req.query['lang'] ?? '');
    const result = await engine.handle(event({
      channel: 'phone',
      conversationId: callSid,
      eventId: retryKey,
      receivedAt: deps.clock(),
      ...(isLang(langParam) ? { langHint: langParam } : {}),
    }));
    if (result.duplicate) {
      // The same step is still being answered for the first try: wait for its TwiML.
      for (let i = 0; i < 20; i++) {
        await sleep(100);
        const twiml = await store.get<string>(`twiml:${retryKey}`).catch(() => undefined);
        if (twiml) return twiml;
      }
      throw new Error('retried Twilio step without a stored answer');
    }
    const reply = result.reply!;
    const turn = result.session?.turns ?? 0;
    const twiml = renderTwiml(
      reply,
      {
        step: absolute(`/voice/step?s=${turn}`),
        noInput: absolute(`/voice/step?s=${turn}&event=noinput`),
        dialResult: absolute(`/voice/dial?s=${turn}`),
      },
      { suspension: config.suspensionTransferNumber, office: config.officeTransferNumber, foreignLine: PHONES.foreignCardLine.e164 },
    );
    await store.set(`twiml:${retryKey}`, twiml, TWIML_TTL_SECONDS).catch((error: unknown) => logger.error({ err: error }, 'store unavailable: TwiML not kept for retries'));
    logger.info({ callSid, from: maskPhone(params['From'] ?? ''), lang: reply.lang, intent: reply.intent, transfer: reply.transfer, end: reply.end }, 'phone turn');
    return twiml;
  }

  const sendTwiml = (res: express.Response, twiml: string) => res.type('text/xml').send(twiml);

  router.post('/voice', async (req, res, next) => {
    try {
      sendTwiml(res, await step(req, (base) => ({ ...base, kind: 'start' })));
    } catch (error) {
      next(error);
    }
  });

  router.post('/voice/step', async (req, res, next) => {
    try {
      const params = req.body as TwilioParams;
      const twiml = await step(req, (base) => {
        // The call's language is the session's from here on; only the first request sets it.
        const { langHint: _langHint, ...rest } = base;
        if (req.query['event'] === 'noinput') return { ...rest, kind: 'no_input' };
        if (params['Digits']) return { ...rest, kind: 'digits', digits: params['Digits'] };
        if (params['SpeechResult']) {
          const confidence = Number(params['Confidence'] ?? '0');
          return { ...rest, kind: 'speech', text: params['SpeechResult'], confidence: Number.isFinite(confidence) ? confidence : 0 };
        }
        return { ...rest, kind: 'no_input' };
      });
      sendTwiml(res, twiml);
    } catch (error) {
      next(error);
    }
  });

  router.post('/voice/dial', async (req, res, next) => {
    try {
      const params = req.body as TwilioParams;
      const status = params['DialCallStatus'] ?? 'failed';
      sendTwiml(res, await step(req, ({ langHint: _langHint, ...rest }) => ({ ...rest, kind: 'transfer_result', status })));
    } catch (error) {
      next(error);
    }
  });

  /** The number's status callback: how the call ended, kept with the call and its report. */
  router.post('/status', async (req, res, next) => {
    try {
      const params = req.body as TwilioParams;
      const callSid = params['CallSid'];
      if (!callSid || !CALL_SID.test(callSid)) throw new HttpError(400, 'missing_parameter', 'CallSid is missing or malformed.');
      const status = (params['CallStatus'] ?? 'unknown').replace(/[^a-z-]/g, '').slice(0, 20);
      if (await store.claim(`call-ended:${callSid}:${status}`, CALL_RECORD_TTL_SECONDS)) {
        await store.set(`call:${callSid}`, { status, duration: Number(params['CallDuration'] ?? 0), endedAt: deps.clock().toISOString() }, CALL_RECORD_TTL_SECONDS);
        await store.increment('calls', status);
        const session = await engine.peekSession('phone', callSid);
        if (session?.reportId) await deps.reports.step(session.reportId, 'call_ended', deps.clock(), { status });
        logger.info({ callSid, status }, 'call ended');
      }
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });

  // Past the signature check, a failure must still leave the caller with valid TwiML, an
  // apology and the suspension number; bad requests keep their 4xx.
  const twimlErrors: ErrorRequestHandler = (err, req, res, next) => {
    // A body that could not be read (too large, too many fields) was never signed off: a 4xx.
    const unreadable = typeof (err as { type?: unknown }).type === 'string' && Number((err as { status?: unknown }).status) < 500;
    if (err instanceof HttpError || unreadable || res.headersSent) return next(err);
    logger.error({ err }, 'phone turn failed');
    const lang = String(req.query['lang'] ?? '');
    sendTwiml(res, renderErrorTwiml(isLang(lang) ? (lang as Lang) : 'ja'));
  };
  router.use(twimlErrors);
  return router;
}
