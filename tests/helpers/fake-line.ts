/**
 * A local stand-in for the LINE Messaging API: checks the bearer token, records replies,
 * pushes (with their X-Line-Retry-Key), profile requests and rich-menu calls, and can refuse
 * a reply token as expired.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHANNEL_ACCESS_TOKEN = 'test-line-access-token';
export const CHANNEL_SECRET = 'test-line-channel-secret';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  raw: Buffer;
}

export class FakeLineApi {
  readonly requests: Recorded[] = [];
  readonly expiredTokens = new Set<string>();
  readonly profiles = new Map<string, { displayName: string; language?: string }>();
  /** Answers the next N pushes with 500, to check retries keep their retry key. */
  failPushes = 0;
  /** Rich menus created so far, their aliases (alias id → menu id) and users' links (user → menu id). */
  richMenus = 0;
  readonly aliases = new Map<string, string>();
  readonly links = new Map<string, string>();
  private server!: Server;
  url!: string;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const isJson = (req.headers['content-type'] ?? '').includes('json');
        const record: Recorded = { method: req.method!, path: req.url!, headers: req.headers, body: isJson && raw.length ? JSON.parse(raw.toString()) : undefined, raw };
        this.requests.push(record);
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.headers['authorization'] !== `Bearer ${CHANNEL_ACCESS_TOKEN}`) return send(401, { message: 'Authentication failed' });
        const path = req.url!.split('?')[0]!;
        if (req.method === 'POST' && path === '/v2/bot/message/reply') {
          const { replyToken } = record.body as { replyToken: string };
          if (this.expiredTokens.has(replyToken)) return send(400, { message: 'Invalid reply token' });
          return send(200, { sentMessages: [] });
        }
        if (req.method === 'POST' && path === '/v2/bot/message/push') {
          if (this.failPushes > 0) {
            this.failPushes--;
            return send(500, { message: 'Internal error' });
          }
          return send(200, { sentMessages: [] });
        }
        const profile = /^\/v2\/bot\/profile\/(U[0-9a-f]{32})$/.exec(path);
        if (req.method === 'GET' && profile) {
          const found = this.profiles.get(profile[1]!);
          return found ? send(200, { userId: profile[1], ...found }) : send(404, { message: 'Not found' });
        }
        if (req.method === 'POST' && path === '/v2/bot/richmenu') return send(200, { richMenuId: `richmenu-${String(++this.richMenus).padStart(32, '0')}` });
        if (req.method === 'POST' && /^\/v2\/bot\/richmenu\/[\w-]+\/content$/.test(path)) return send(200, {});
        if (req.method === 'POST' && /^\/v2\/bot\/user\/all\/richmenu\/[\w-]+$/.test(path)) return send(200, {});
        // Aliases: created once (400 if the id is taken), then moved; read by id.
        if (req.method === 'POST' && path === '/v2/bot/richmenu/alias') {
          const { richMenuAliasId, richMenuId } = record.body as { richMenuAliasId: string; richMenuId: string };
          if (this.aliases.has(richMenuAliasId)) return send(400, { message: 'conflict richmenu alias id' });
          this.aliases.set(richMenuAliasId, richMenuId);
          return send(200, {});
        }
        const alias = /^\/v2\/bot\/richmenu\/alias\/([\w-]+)$/.exec(path);
        if (alias && req.method === 'POST') {
          if (!this.aliases.has(alias[1]!)) return send(400, { message: 'richmenu alias not found' });
          this.aliases.set(alias[1]!, (record.body as { richMenuId: string }).richMenuId);
          return send(200, {});
        }
        if (alias && req.method === 'GET') {
          const richMenuId = this.aliases.get(alias[1]!);
          return richMenuId ? send(200, { richMenuAliasId: alias[1], richMenuId }) : send(404, { message: 'Not found' });
        }
        const link = /^\/v2\/bot\/user\/(U[0-9a-f]{32})\/richmenu\/([\w-]+)$/.exec(path);
        if (link && req.method === 'POST') {
          this.links.set(link[1]!, link[2]!);
          return send(200, {});
        }
        send(404, { message: 'Not found' });
      });
    });
    this.server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => this.server.once('listening', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  sent(path: '/v2/bot/message/reply' | '/v2/bot/message/push'): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }
}
