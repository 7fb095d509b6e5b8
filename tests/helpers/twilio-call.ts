/**
 * Drives a phone call the way Twilio does: posts the webhook, reads the TwiML, follows its
 * <Gather action>, <Redirect> and <Dial action> URLs, and signs every request with the twilio
 * package's own helper on the public URL.
 */
import { XMLParser } from 'fast-xml-parser';
import twilio from 'twilio';
import type { TestServer } from './app.js';

export const AUTH_TOKEN = 'test-twilio-auth-token-0123456789';
export const PUBLIC_BASE_URL = 'https://helpline.example.jp';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: true, parseTagValue: false, parseAttributeValue: false });

export interface Said { text: string; voice: string; language: string }
export interface Twiml {
  xml: string;
  said: Said[];
  gathers: { action: string; language: string; hints: string; input: string }[];
  redirect?: string;
  dial?: { action: string; number: string };
  hangup: boolean;
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The text a <Say> speaks, also inside SSML such as <prosody rate> (the slower Easy Japanese). */
function spokenText(children: Node[]): string {
  return children
    .map((child) => ('#text' in child ? String(child['#text']) : Array.isArray(child['prosody']) ? spokenText(child['prosody'] as Node[]) : ''))
    .join('');
}

function walk(nodes: Node[], into: Twiml): void {
  for (const node of nodes) {
    const [tag] = Object.keys(node).filter((k) => k !== ':@');
    const attrs = node[':@'] ?? {};
    const children = node[tag!] as Node[];
    if (tag === 'Say') into.said.push({ text: spokenText(children), voice: attrs['voice']!, language: attrs['language']! });
    if (tag === 'Gather') into.gathers.push({ action: attrs['action']!, language: attrs['language']!, hints: attrs['hints'] ?? '', input: attrs['input']! });
    if (tag === 'Redirect') into.redirect = String((children[0] as { '#text'?: unknown })['#text']);
    if (tag === 'Hangup') into.hangup = true;
    if (tag === 'Dial') {
      const number = (children.find((c) => 'Number' in c)!['Number'] as Node[])[0]!['#text'];
      into.dial = { action: attrs['action']!, number: String(number) };
    }
    if (tag !== 'Say' && Array.isArray(children)) walk(children, into);
  }
}

export function parseTwiml(xml: string): Twiml {
  const twiml: Twiml = { xml, said: [], gathers: [], hangup: false };
  walk(parser.parse(xml) as Node[], twiml);
  return twiml;
}

export class TwilioCall {
  readonly callSid = `CA${Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
  last!: Twiml;
  constructor(private readonly server: TestServer, private readonly from = '+819012345678') {}

  private base(): Record<string, string> {
    return { AccountSid: `AC${'0'.repeat(32)}`, CallSid: this.callSid, From: this.from, To: '+81868000000', CallStatus: 'in-progress', Direction: 'inbound', ApiVersion: '2010-04-01' };
  }

  /** Posts to a public URL (as found in TwiML) through the local server, signed like Twilio. */
  async post(publicUrl: string, params: Record<string, string>, options: { signature?: string | null } = {}): Promise<Response> {
    const url = new URL(publicUrl, PUBLIC_BASE_URL);
    const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(AUTH_TOKEN, url.href, params) : options.signature;
    return fetch(`${this.server.url}${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams(params).toString(),
    });
  }

  private async follow(publicUrl: string, extra: Record<string, string> = {}): Promise<Twiml> {
    const res = await this.post(publicUrl, { ...this.base(), ...extra });
    if (res.status !== 200) throw new Error(`${publicUrl} answered ${res.status}: ${await res.text()}`);
    expectTwimlContentType(res);
    this.last = parseTwiml(await res.text());
    return this.last;
  }

  start(query = ''): Promise<Twiml> {
    return this.follow(`${PUBLIC_BASE_URL}/twilio/voice${query}`, { CallStatus: 'ringing' });
  }

  press(digits: string): Promise<Twiml> {
    return this.follow(this.last.gathers[0]!.action, { Digits: digits });
  }

  say(text: string, confidence = 0.9): Promise<Twiml> {
    return this.follow(this.last.gathers[0]!.action, { SpeechResult: text, Confidence: String(confidence) });
  }

  /** The caller says nothing: Twilio moves on to the <Redirect>. */
  silence(): Promise<Twiml> {
    return this.follow(this.last.redirect!);
  }

  dialEnded(status: string): Promise<Twiml> {
    return this.follow(this.last.dial!.action, { DialCallStatus: status });
  }

  text(): string {
    return this.last.said.map((s) => s.text).join(' ');
  }
}

function expectTwimlContentType(res: Response): void {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('xml')) throw new Error(`expected TwiML, got ${type}`);
}
