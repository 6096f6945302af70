import { INBOUND_RUN_MS, type InboundClaim, type InboundClaims, type InboundNote } from '../../core/ports/InboundClaims.ts';
import { copy, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoInboundClaims. */
export class MemoryInboundClaims implements InboundClaims {
  constructor(private readonly memory: OperationsMemory) {}

  async claimInbound(inboundMessageId: string, at: string): Promise<InboundClaim> {
    const m = this.memory;
    const claimed = m.writeIf(() => m.inbound.get(inboundMessageId), (stored) => stored === undefined, (writeId) => {
      m.inbound.set(inboundMessageId, { at, state: 'received', ...(writeId ? { writeId } : {}) });
    }, crypto.randomUUID());
    if (claimed === 'written') return { status: 'new' };
    const stored = m.inbound.get(inboundMessageId)!;
    const abandoned = stored.state === 'received' && Date.parse(at) - Date.parse(stored.at ?? '') > INBOUND_RUN_MS;
    if (stored.state !== 'released' && !abandoned) return { status: 'duplicate' };
    return { status: 'unfinished', ...(stored.note ? { note: copy(stored.note) } : {}) };
  }

  async releaseInbound(inboundMessageId: string): Promise<void> {
    const stored = this.memory.inbound.get(inboundMessageId);
    if (stored?.state === 'received') stored.state = 'released';
  }

  async noteInbound(inboundMessageId: string, note: InboundNote): Promise<void> {
    const stored = this.memory.inbound.get(inboundMessageId);
    // An update creates the item in DynamoDB too.
    if (stored) stored.note = copy(note);
    else this.memory.inbound.set(inboundMessageId, { note: copy(note) });
  }

  async finishInbound(inboundMessageId: string): Promise<void> {
    const stored = this.memory.inbound.get(inboundMessageId);
    if (stored) stored.state = 'handled';
    else this.memory.inbound.set(inboundMessageId, { state: 'handled' });
  }
}
