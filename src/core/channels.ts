// Channels (contract: "Words"): direct conversations, and second-hand signals that are kept and
// reported but never count as customer contact.
import { UsageError } from '../errors.js';

export const DIRECT_CHANNELS = ['call', 'video', 'visit', 'chat', 'email', 'event'] as const;
export const INDIRECT_CHANNELS = ['support', 'sales', 'review', 'survey'] as const;
export const CHANNELS = [...DIRECT_CHANNELS, ...INDIRECT_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

export function isIndirect(channel: string): boolean {
  return (INDIRECT_CHANNELS as readonly string[]).includes(channel);
}

export function parseChannel(raw: string): Channel {
  const ch = raw.trim().toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(ch))
    throw new UsageError(`unknown channel ${JSON.stringify(raw)}`, `channels: ${CHANNELS.join(', ')}`);
  return ch as Channel;
}
