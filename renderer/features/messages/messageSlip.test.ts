import { describe, expect, it } from 'vitest';
import { messageSlipHtml } from './messageSlip';
import type { Message } from '@shared/domain/switchboard';

describe('message slip', () => {
  it('prints the message with every typed text escaped', () => {
    const m = { id: '01J0000000000000000000000A', createdAt: 0, updatedAt: 0, deskId: 'd', status: 'open', followUps: [], toName: '李娜', fromName: '<script>alert(1)</script>', content: 'Call back & bring "the file"', urgency: 'urgent' } as Message;
    const html = messageSlipHtml(m, { title: 'Message', to: 'For', from: 'From', phone: 'Phone', written: 'Written', due: 'Due', urgency: 'Urgency', urgencyValue: 'Urgent', message: 'Message', signature: 'Signature' }, 'en', () => '09:00');
    expect(html).toContain('李娜');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('Call back &#38; bring &#34;the file&#34;');
  });
});
