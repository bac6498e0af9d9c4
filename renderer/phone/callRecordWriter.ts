// Writes the call record for every line from its SIP events: created when the call starts ringing,
// updated as it is answered, held and transferred, and final when it ends. Writes of one call are
// serialised so a slow write never lands after a newer one. The calls table belongs to the
// CallRepository, which skips the write when an event changed nothing stored (a mute, a notice).
import { buildCallRecord } from '@shared/calls/callRecord';
import type { CallSnapshot } from '@shared/calls/callMachine';
import { getDatabase, getRepositories, type CallWrite } from '../db';
import type { CallRecordSink } from './softphone';
import type { LineView } from './phoneTypes';

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface CallRecordWriterOptions {
  ownExtension?: () => string | undefined;
  onError?: (error: unknown) => void;
}

export class CallRecordWriter implements CallRecordSink {
  private chains = new Map<string, Promise<void>>();

  constructor(private readonly options: CallRecordWriterOptions = {}) {}

  record(line: LineView, call: CallSnapshot): void {
    const fields = buildCallRecord(call, {
      remoteUser: line.remoteUser,
      remoteName: line.remoteName,
      // a call refused because every line was busy rang on no line (lineNo 0)
      lineNo: line.lineNo === 0 ? undefined : line.lineNo,
      sipCallId: line.sipCallId,
      ownExtension: this.options.ownExtension?.(),
      consultFor: line.consultFor,
    });
    const chain = (this.chains.get(line.id) ?? Promise.resolve())
      // One task later: the phone's snapshot for the screens (PhoneViewStore, scheduled just before) is
      // rendered first, so the pop-up of a ringing call never waits for validating and storing its record.
      .then(nextTask)
      .then(() => this.write(line.id, fields))
      .then(() => undefined)
      .catch((error: unknown) => this.options.onError?.(error));
    this.chains.set(line.id, chain);
    void chain.then(() => {
      if (this.chains.get(line.id) === chain) this.chains.delete(line.id);
    });
  }

  /** Resolves when every pending write has landed (tests and shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  private async write(id: string, fields: ReturnType<typeof buildCallRecord>): Promise<CallWrite> {
    const db = getDatabase();
    await db.open();
    return getRepositories(db).calls.saveFromEvents(id, fields);
  }
}
