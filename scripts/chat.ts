/** npm run chat [-- --lang pt]: talk to the helpline in the terminal, with the in-memory store. */
import { createInterface } from 'node:readline/promises';
import { renderChat } from '../src/channels/chat-render.js';
import { DialogEngine } from '../src/dialogs/engine.js';
import type { InboundEvent } from '../src/dialogs/types.js';
import { systemClock } from '../src/knowledge/calendar.js';
import { isLang } from '../src/knowledge/languages.js';
import { Matcher } from '../src/knowledge/matcher.js';
import { silentLogger } from '../src/logger.js';
import { MemoryStore } from '../src/store/memory.js';
import { ReportLog } from '../src/suspension/reports.js';

const langArg = process.argv[process.argv.indexOf('--lang') + 1];
const lang = process.argv.includes('--lang') && isLang(langArg) ? langArg : undefined;
const store = new MemoryStore();
const reports = new ReportLog(store, { logger: silentLogger, callbackTtlDays: 30 });
const engine = new DialogEngine({ store, matcher: await Matcher.create(), reports, clock: systemClock, logger: silentLogger, callbackTtlDays: 30 });

let choices: { label: string; postback: string }[] = [];
type Input = { kind: 'start' } | { kind: 'text'; text: string } | { kind: 'choice'; choice: string };

async function turn(input: Input): Promise<void> {
  const event: InboundEvent = { channel: 'terminal', conversationId: 'terminal', receivedAt: systemClock(), ...(lang ? { langHint: lang } : {}), ...input };
  const { reply } = await engine.handle(event);
  const chat = renderChat(reply!);
  for (const m of chat.messages) console.log(`\n${m.text}`);
  choices = chat.quickReplies;
  if (choices.length) console.log(`\n${choices.map((c, i) => `[${i + 1}] ${c.label}`).join('  ')}`);
}

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
console.log('Type a question, or the number of a choice. Ctrl+D to quit.');
await turn({ kind: 'start' });
rl.setPrompt('\n> ');
rl.prompt();
for await (const raw of rl) {
  const line = raw.trim();
  if (line) {
    const chosen = /^\d{1,2}$/.test(line) ? choices[Number(line) - 1] : undefined;
    await turn(chosen ? { kind: 'choice', choice: chosen.postback } : { kind: 'text', text: line });
  }
  rl.prompt();
}
