import { renderChat, type ChatReply } from '../../src/channels/chat-render.js';
import { DialogEngine } from '../../src/dialogs/engine.js';
import type { Channel, InboundEvent } from '../../src/dialogs/types.js';
import type { Lang } from '../../src/knowledge/languages.js';
import type { IntentMatcher } from '../../src/knowledge/matcher.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { ReportLog } from '../../src/suspension/reports.js';
import { testMatcher } from './app.js';
import { fixedClock, WEEKDAY_10AM } from './clock.js';

export function makeEngine(options: { store?: Store; clock?: ReturnType<typeof fixedClock>; logger?: Logger; matcher?: IntentMatcher } = {}) {
  const clock = options.clock ?? fixedClock(WEEKDAY_10AM);
  const store = options.store ?? new MemoryStore(clock);
  const logger = options.logger ?? silentLogger;
  const reports = new ReportLog(store, { logger, callbackTtlDays: 30 });
  const engine = new DialogEngine({ store, matcher: options.matcher ?? testMatcher(), reports, clock, logger, callbackTtlDays: 30 });
  return { engine, store, reports, clock };
}

type Input = { kind: 'start' } | { kind: 'text'; text: string } | { kind: 'choice'; choice: string };

/** A conversation with the engine, as a chat channel would hold it. */
export function conversation(engine: DialogEngine, clock: () => Date, options: { id?: string; channel?: Channel; langHint?: Lang } = {}) {
  const id = options.id ?? `c-${Math.random().toString(36).slice(2)}`;
  let last: ChatReply | undefined;
  const send = async (input: Input, extra: Partial<InboundEvent> = {}): Promise<ChatReply> => {
    const event = {
      channel: options.channel ?? 'web',
      conversationId: id,
      receivedAt: clock(),
      ...(options.langHint ? { langHint: options.langHint } : {}),
      ...input,
      ...extra,
    } as InboundEvent;
    const result = await engine.handle(event);
    last = renderChat(result.reply!);
    return last;
  };
  return {
    id,
    start: () => send({ kind: 'start' }),
    say: (text: string, extra?: Partial<InboundEvent>) => send({ kind: 'text', text }, extra),
    choose: (choice: string) => send({ kind: 'choice', choice }),
    get last() {
      return last;
    },
  };
}

export const allText = (reply: ChatReply) => reply.messages.map((m) => m.text).join('\n');
