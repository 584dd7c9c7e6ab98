// Channels (contract: "Words"): direct conversations, and second-hand signals that are kept and
// reported but never count as customer contact.
import { UsageError } from '../errors.js';
import { editDistance } from './text.js';

export const DIRECT_CHANNELS = ['call', 'video', 'visit', 'chat', 'email', 'event'] as const;
export const INDIRECT_CHANNELS = ['support', 'sales', 'review', 'survey'] as const;
export const CHANNELS = [...DIRECT_CHANNELS, ...INDIRECT_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

export function isIndirect(channel: string): boolean {
  return (INDIRECT_CHANNELS as readonly string[]).includes(channel);
}

/** The channel a word is one or two letters from ("vidoe", "cal"), if one is. */
export function nearChannel(word: string | undefined): string | null {
  if (word === undefined || !/^\p{L}+$/u.test(word)) return null;
  const w = word.toLowerCase();
  const near = CHANNELS.filter((c) => editDistance(w, c) <= (c.length > 4 ? 2 : 1));
  return near.length === 1 ? near[0] : null;
}

export function parseChannel(raw: string): Channel {
  const ch = raw.trim().toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(ch)) {
    // `--channel vidoe` is named as the log prompt names it (fresh-eyes wave 14 H7)
    const near = nearChannel(ch);
    throw new UsageError(
      `unknown channel ${JSON.stringify(raw)}`,
      `${near ? `did you mean ${near}? ` : ''}channels: ${CHANNELS.join(', ')}`,
    );
  }
  return ch as Channel;
}
