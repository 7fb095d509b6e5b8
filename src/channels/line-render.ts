/**
 * Renders a neutral reply as LINE messages, within the Messaging API's limits: at most 5
 * messages per reply, text up to 5,000 characters, at most 13 quick-reply items with labels of
 * up to 20 characters, postback data up to 300 characters
 * (https://developers.line.biz/en/reference/messaging-api/#send-reply-message, #quick-reply).
 * Phone numbers become tap-to-call buttons (URI action `tel:`); a reply with numbers to call
 * shows its first message as a card (Flex bubble) with those buttons.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Reply } from '../dialogs/types.js';
import { render, renderPlain } from '../i18n.js';
import { PHONES } from '../knowledge/facts.js';

type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

export const LINE_LIMITS = { messages: 5, text: 5000, quickReplies: 13, label: 20, data: 300, altText: 1500 } as const;

/** Cuts at a character boundary, counting UTF-16 units as LINE does. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** "☎ 0120-95-0178": understood in every language and well within the 20-character label limit. */
const callButtonLabel = (key: keyof typeof PHONES): string => `☎ ${PHONES[key].display}`;

const BULLET = /^\s*[・•]\s*/;

/** Body of a card: plain lines as text, bulleted lines as rows with a marker, easier to scan. */
function cardBody(text: string): messagingApi.FlexBox {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return {
    type: 'box',
    layout: 'vertical',
    spacing: 'md',
    contents: lines.map((line): messagingApi.FlexComponent =>
      BULLET.test(line)
        ? {
            type: 'box',
            layout: 'horizontal',
            spacing: 'sm',
            contents: [
              { type: 'text', text: '•', flex: 0, color: '#0b5cad', weight: 'bold' },
              { type: 'text', text: fit(line.replace(BULLET, ''), 2000), wrap: true, flex: 1 },
            ],
          }
        : { type: 'text', text: fit(line, 2000), wrap: true },
    ),
  };
}

/** A card for a message with numbers to call, or a list (steps, a checklist, contacts). */
function card(text: string, calls: Reply['calls']): messagingApi.FlexMessage {
  const buttons = calls.slice(0, 3).map((key, i): messagingApi.FlexComponent => ({
    type: 'button',
    style: i === 0 ? 'primary' : 'secondary',
    height: 'sm',
    action: { type: 'uri', label: callButtonLabel(key), uri: `tel:${PHONES[key].e164}` },
  }));
  return {
    type: 'flex',
    altText: fit(text, LINE_LIMITS.altText),
    contents: {
      type: 'bubble',
      body: cardBody(text),
      ...(buttons.length > 0 ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: buttons } } : {}),
    },
  };
}

const isList = (text: string) => text.split('\n').filter((line) => BULLET.test(line)).length >= 3;

export function renderLineMessages(reply: Reply): Message[] {
  const texts = [...reply.messages, ...(reply.after ?? [])].map((u) => render(reply.lang, 'chat', u));
  // At most five messages: the later ones are joined into the fifth.
  const merged = texts.length > LINE_LIMITS.messages
    ? [...texts.slice(0, LINE_LIMITS.messages - 1), texts.slice(LINE_LIMITS.messages - 1).join('\n\n')]
    : texts;
  const messages: Message[] = merged.map((text, i) => {
    if (i === 0 && reply.calls.length > 0) return card(text, reply.calls);
    if (isList(text) && text.length <= LINE_LIMITS.altText) return card(text, []);
    return { type: 'text', text: fit(text, LINE_LIMITS.text) };
  });

  const items: QuickReplyItem[] = [
    ...reply.calls.slice(0, 2).map((key) => ({
      type: 'action' as const,
      action: { type: 'uri' as const, label: callButtonLabel(key), uri: `tel:${PHONES[key].e164}` },
    })),
    ...reply.choices
      .filter((c) => c.only !== 'voice')
      .map((choice) => {
        // Readings in brackets when they fit the label, else the words alone.
        const withReadings = render(reply.lang, 'chat', choice.label);
        const label = fit(withReadings.length <= LINE_LIMITS.label ? withReadings : renderPlain(reply.lang, 'chat', choice.label), LINE_LIMITS.label);
        return {
          type: 'action' as const,
          action: { type: 'postback' as const, label, data: choice.id.slice(0, LINE_LIMITS.data), displayText: label },
        };
      }),
  ].slice(0, LINE_LIMITS.quickReplies);
  if (items.length > 0) messages[messages.length - 1] = { ...messages[messages.length - 1]!, quickReply: { items } };
  return messages;
}
