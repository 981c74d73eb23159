/**
 * The OA webhook events as Zalo sends them (https://developers.zalo.me/docs/official-account/webhook/tong-quan):
 * `app_id`, `event_name`, `timestamp` (milliseconds, usually a string), `sender.id` (the citizen),
 * `recipient.id` (the OA), `message.{msg_id,text,attachments}`; `follow`/`unfollow` carry
 * `follower.id` and `oa_id` instead. Ids stay strings end to end. Parsed into one typed event.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** A Zalo id: a string as Zalo sends it; a (safe) number is taken as its digits. */
const Id = z.union([z.string().trim().min(1).max(40).regex(/^[\w-]+$/), z.number().int().nonnegative().transform(String)]);
const Millis = z.union([z.string().regex(/^\d{10,16}$/), z.number().int().positive()]).transform((value) => Number(value));

const MessageEventSchema = z.object({
  app_id: Id,
  event_name: z.string().startsWith('user_send_'),
  timestamp: Millis,
  sender: z.object({ id: Id }),
  recipient: z.object({ id: Id }),
  message: z.object({
    msg_id: Id,
    text: z.string().optional(),
    attachments: z.array(z.object({ type: z.string().optional() }).passthrough()).optional(),
  }).passthrough(),
});

const FollowEventSchema = z.object({
  app_id: Id,
  event_name: z.enum(['follow', 'unfollow']),
  timestamp: Millis,
  oa_id: Id,
  follower: z.object({ id: Id }),
});

export const ENVELOPE = z.object({ app_id: Id, event_name: z.string().min(1).max(100), timestamp: Millis });

/** What a citizen sent that is not text: answered politely, in text. */
export type AttachmentKind = 'image' | 'sticker' | 'gif' | 'file' | 'location' | 'audio' | 'video' | 'link' | 'business_card' | 'other';

interface Base {
  name: string;
  appId: string;
  timestamp: number;
  /** The durable de-duplication key (Zalo retries deliveries). */
  key: string;
}

export type ZaloEvent =
  | (Base & { kind: 'text'; oaId: string; userId: string; msgId: string; text: string })
  | (Base & { kind: 'attachment'; oaId: string; userId: string; msgId: string; attachment: AttachmentKind })
  | (Base & { kind: 'follow' | 'unfollow'; oaId: string; userId: string })
  | (Base & { kind: 'other' });

const ATTACHMENTS: readonly AttachmentKind[] = ['image', 'sticker', 'gif', 'file', 'location', 'audio', 'video', 'link', 'business_card'];

function attachmentOf(eventName: string, attachments: Array<{ type?: string | undefined }> | undefined): AttachmentKind {
  const named = eventName.slice('user_send_'.length);
  const found = [named, attachments?.[0]?.type ?? ''].find((kind) => (ATTACHMENTS as readonly string[]).includes(kind));
  return (found as AttachmentKind | undefined) ?? 'other';
}

export class ZaloEventError extends Error {
  constructor(readonly field: string) {
    super(`malformed Zalo event: ${field}`);
    this.name = 'ZaloEventError';
  }
}

/** Reads a verified body into one typed event; throws ZaloEventError naming the field for a malformed known event. */
export function toZaloEvent(body: unknown, rawBody: Buffer): ZaloEvent {
  const envelope = ENVELOPE.parse(body);
  const base = { name: envelope.event_name, appId: envelope.app_id, timestamp: envelope.timestamp };
  if (envelope.event_name === 'follow' || envelope.event_name === 'unfollow') {
    const parsed = FollowEventSchema.safeParse(body);
    if (!parsed.success) throw new ZaloEventError(String(parsed.error.issues[0]?.path.join('.') ?? 'follower'));
    const { oa_id: oaId, follower } = parsed.data;
    return { ...base, kind: parsed.data.event_name, oaId, userId: follower.id, key: `${parsed.data.event_name}:${oaId}:${follower.id}:${base.timestamp}` };
  }
  if (envelope.event_name.startsWith('user_send_')) {
    const parsed = MessageEventSchema.safeParse(body);
    if (!parsed.success) throw new ZaloEventError(String(parsed.error.issues[0]?.path.join('.') ?? 'message'));
    const { sender, recipient, message } = parsed.data;
    const common = { ...base, oaId: recipient.id, userId: sender.id, msgId: message.msg_id, key: `msg:${message.msg_id}` };
    if (envelope.event_name === 'user_send_text') {
      if (typeof message.text !== 'string') throw new ZaloEventError('message.text');
      return { ...common, kind: 'text', text: message.text };
    }
    return { ...common, kind: 'attachment', attachment: attachmentOf(envelope.event_name, message.attachments) };
  }
  const digest = createHash('sha256').update(rawBody).digest('hex').slice(0, 24);
  return { ...base, kind: 'other', key: `${envelope.event_name}:${base.timestamp}:${digest}` };
}
