/** Web chat in the Channel conformance suite: POST /api/chat for turns, the event stream for later messages. */
import type { QuickReply } from '../../../bot/replies.ts';
import { webchatChannel, type WebchatWireReply } from '../../../channels/webchat/webchat-channel.ts';
import { chat, openEventStream } from '../../support/officer-app.ts';
import type { ChannelHarness, LiveChannel } from './channel-harness.ts';

const raw = (body: unknown) => ({ body, headers: {} });

export const webchatHarness: ChannelHarness<WebchatWireReply> = {
  channel: webchatChannel,
  read: (wire) => ({ text: wire.text, choices: wire.quickReplies ?? [] }),
  refused: [
    { why: 'not an object', raw: raw([1, 2]) },
    { why: 'no text', raw: raw({ conversationId: 'abc' }) },
    { why: 'empty text', raw: raw({ text: '   ' }) },
    { why: 'binary text', raw: raw({ text: 'a\u0000b' }) },
    { why: 'huge text', raw: raw({ text: 'x'.repeat(10_000) }) },
    { why: 'bad conversation id', raw: raw({ text: 'chào', conversationId: '../etc/passwd' }) },
  ],
  async connect(app): Promise<LiveChannel> {
    let conversationId: string | undefined;
    let stream: ReturnType<typeof openEventStream> | undefined;
    return {
      async send(input) {
        const body =
          'text' in input ? await chat(app.url, input.text, conversationId) : await chat(app.url, input.choice.label, conversationId, input.choice.payload);
        if (!conversationId) {
          conversationId = body.conversationId as string;
          stream = openEventStream(`${app.url}/api/chat/${conversationId}/events`);
          await stream.opened;
        }
        const replies = body.replies as WebchatWireReply[];
        return {
          conversationId: conversationId!,
          texts: replies.map((r) => r.text),
          choices: replies.flatMap((r) => r.quickReplies ?? []) as QuickReply[],
          messageIds: body.messageIds as number[],
        };
      },
      // The widget's own control: POST /api/chat/:id/feedback for the answer's last message.
      async rate(answer, rating) {
        const messageId = answer.messageIds!.at(-1)!;
        const response = await fetch(`${app.url}/api/chat/${answer.conversationId}/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messageId, rating }),
        });
        if (response.status !== 200) throw new Error(`feedback answered ${response.status}: ${await response.text()}`);
        return { messageId, acknowledged: [] };
      },
      async nextLater(predicate) {
        if (!stream) throw new Error('send a message first');
        const event = await stream.next((e) => e.type === 'message' && e.from !== 'citizen' && predicate(String(e.text)));
        return String(event.text);
      },
      async close() {
        stream?.close();
      },
    };
  },
};
