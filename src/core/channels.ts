// Channels (contract: "Words"): direct conversations, and second-hand signals that are kept and
// reported but never count as customer contact.
export const DIRECT_CHANNELS = ['call', 'video', 'visit', 'chat', 'email', 'event'] as const;
export const INDIRECT_CHANNELS = ['support', 'sales', 'review', 'survey'] as const;
export const CHANNELS = [...DIRECT_CHANNELS, ...INDIRECT_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

export function isIndirect(channel: string): boolean {
  return (INDIRECT_CHANNELS as readonly string[]).includes(channel);
}
