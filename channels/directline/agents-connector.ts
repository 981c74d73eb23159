/**
 * Sends one activity to a Bot Framework conversation through the Agents SDK's ConnectorClient
 * (`POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`): with the Azure Bot's credentials the SDK
 * gets the token (MSAL, scope https://api.botframework.com); without them — loopback development
 * with the Emulator — it sends unauthenticated, as the SDK's anonymous mode does.
 */
import type { Activity } from '@microsoft/agents-activity';
import { ConnectorClient, MsalTokenProvider, getAuthConfigWithDefaults } from '@microsoft/agents-hosting';
import type { ConnectorSend } from './agents-delivery.ts';

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export function createConnectorSend(credentials?: { clientId: string; clientSecret: string; tenantId: string }): ConnectorSend {
  const auth = credentials ? getAuthConfigWithDefaults({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, tenantId: credentials.tenantId }) : undefined;
  const provider = auth ? new MsalTokenProvider(auth) : undefined;
  return async (address, activity) => {
    const client = auth && provider
      ? await ConnectorClient.createClientWithAuth(address.serviceUrl, auth, provider, BOT_FRAMEWORK_SCOPE)
      : ConnectorClient.createClientWithToken(address.serviceUrl, '');
    const suggested = activity.suggestedActions as { actions: unknown[]; to?: string[] } | undefined;
    const body = {
      ...activity,
      // The SDK's schema wants suggested actions addressed; empty = everyone in the conversation.
      ...(suggested ? { suggestedActions: { to: [], ...suggested } } : {}),
      conversation: { id: address.conversationId },
      from: { id: address.botId, role: 'bot' },
      serviceUrl: address.serviceUrl,
    };
    const replyToId = typeof activity.replyToId === 'string' ? activity.replyToId : undefined;
    if (replyToId) await client.replyToActivity(address.conversationId, replyToId, body as unknown as Activity);
    else await client.sendToConversation(address.conversationId, body as unknown as Activity);
  };
}
