/**
 * The shape of the LINE webhook events this helpline reads, checked before any of it is used.
 * LINE sends well-formed events, but the webhook is the edge: a bug, a proxy or a replayed body
 * may carry a number where a string belongs. Such an event is skipped (and logged); the rest of
 * the batch is answered. Fields the helpline does not read are left unchecked, so new fields
 * LINE adds pass through.
 */
import { z } from 'zod';

/** LINE's ids are 33 characters; anything far longer is not an id. */
const id = z.string().min(1).max(100);
/** LINE's text messages hold at most 5,000 characters (UTF-16 units: a little more room). */
const text = z.string().max(10_000);

const source = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: id }),
  z.object({ type: z.literal('group'), groupId: id, userId: id.optional() }),
  z.object({ type: z.literal('room'), roomId: id, userId: id.optional() }),
]);

const common = {
  webhookEventId: id.optional(),
  replyToken: z.string().min(1).max(300).optional(),
  source,
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
};

const message = z.object({
  type: z.literal('message'),
  ...common,
  message: z.union([
    z.object({ type: z.literal('text'), text }),
    z.object({ type: z.string().min(1).max(40).refine((type) => type !== 'text') }),
  ]),
});
const postback = z.object({ type: z.literal('postback'), ...common, postback: z.object({ data: z.string().max(300) }) });
const follow = z.object({ type: z.enum(['follow', 'unfollow']), ...common });

/** The schema of each event type the helpline answers; any other type (join, beacon, unsend…) is not an error. */
const BY_TYPE: Record<string, z.ZodType<HelplineLineEvent>> = { message, postback, follow, unfollow: follow };

export type HelplineLineEvent = z.infer<typeof message> | z.infer<typeof postback> | z.infer<typeof follow>;

export type ParsedLineEvent =
  | { ok: true; event: HelplineLineEvent }
  | { ok: false; ignored: true }
  | { ok: false; ignored: false; problem: string };

/** One entry of a webhook's events array: an event to handle, one to ignore, or one that does not fit. */
export function parseLineEvent(raw: unknown): ParsedLineEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, ignored: false, problem: '(event): not an object' };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, ignored: false, problem: 'type: not a string' };
  const schema = Object.hasOwn(BY_TYPE, type) ? BY_TYPE[type] : undefined;
  if (!schema) return { ok: false, ignored: true };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  // Paths only (never values): the log must not carry what the body held.
  const problem = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.code}`).join('; ');
  return { ok: false, ignored: false, problem };
}
