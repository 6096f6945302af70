import type { BannedPhones, PhoneBan } from '../../core/ports/BannedPhones.ts';

/** The in-memory twin of DynamoBannedPhones, held to the same contract suite. */
export class MemoryBannedPhones implements BannedPhones {
  private readonly bans = new Map<string, PhoneBan>();

  async ban(phoneHash: string, ban: PhoneBan): Promise<boolean> {
    if (this.bans.has(phoneHash)) return false;
    this.bans.set(phoneHash, { ...ban });
    return true;
  }

  async banOf(phoneHash: string): Promise<PhoneBan | undefined> {
    const ban = this.bans.get(phoneHash);
    return ban ? { ...ban } : undefined;
  }
}
