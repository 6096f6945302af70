import type { CodeAttempt, PhoneCode, PhoneVerifications } from '../../core/ports/PhoneVerifications.ts';

/** The in-memory twin of DynamoPhoneVerifications, held to the same contract suite. */
export class MemoryPhoneVerifications implements PhoneVerifications {
  private readonly codes = new Map<string, PhoneCode>();
  private readonly passes = new Map<string, { phone: string; expiresAt: string }>();

  async putCode(phone: string, code: { codeHash: string; expiresAt: string }): Promise<void> {
    this.codes.set(phone, { ...code, attempts: 0 });
  }

  async countAttempt(phone: string, now: string, maxAttempts: number): Promise<CodeAttempt> {
    const code = this.codes.get(phone);
    if (!code || code.expiresAt <= now) return { status: 'none' };
    if (code.attempts >= maxAttempts) return { status: 'exhausted' };
    code.attempts += 1;
    return { status: 'counted', code: { ...code } };
  }

  async removeCode(phone: string): Promise<void> {
    this.codes.delete(phone);
  }

  async putPass(passHash: string, phone: string, expiresAt: string): Promise<void> {
    this.passes.set(passHash, { phone, expiresAt });
  }

  async findPass(passHash: string, now: string): Promise<string | undefined> {
    const pass = this.passes.get(passHash);
    return pass && pass.expiresAt > now ? pass.phone : undefined;
  }
}
