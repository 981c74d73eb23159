/** The dossiers a conversation looked up, as an officer's context shows them (latest first). */
export interface LookedUpDossier {
  code: string;
  procedureName: string | null;
  status: string | null;
  dueAt: string | null;
}

export interface ConversationDossiers {
  recent(conversationId: string, limit?: number): Promise<LookedUpDossier[]>;
}
