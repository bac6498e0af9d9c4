import { describe, expect, it } from 'vitest';
import { createPrintHandlers } from './printHandlers';

describe('print handlers', () => {
  it('print.page answers printed, and maps a cancelled dialog and a printer failure to their codes', async () => {
    const printed = createPrintHandlers({ printPage: async () => ({ outcome: 'printed' }) });
    expect(await printed.page({ html: '<p>x</p>' })).toEqual({ ok: true, value: { printed: true } });
    const cancelled = createPrintHandlers({ printPage: async () => ({ outcome: 'cancelled' }) });
    expect(await cancelled.page({ html: '<p>x</p>' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const failed = createPrintHandlers({ printPage: async () => ({ outcome: 'failed', reason: 'Printer is offline' }) });
    expect(await failed.page({ html: '<p>x</p>' })).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('Printer is offline') } });
  });

  it('answers unsupported when the build has no printer', async () => {
    expect(await createPrintHandlers({}).page({ html: '<p>x</p>' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('passes the validated request through unchanged', async () => {
    const seen: unknown[] = [];
    const handlers = createPrintHandlers({ printPage: async (request) => (seen.push(request), { outcome: 'printed' }) });
    await handlers.page({ html: '<p>x</p>', pageSize: 'ID1', silent: true, title: 'Badge' });
    expect(seen).toEqual([{ html: '<p>x</p>', pageSize: 'ID1', silent: true, title: 'Badge' }]);
  });
});
