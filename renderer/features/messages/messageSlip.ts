// The printable message slip (留言条): one A5 page with who called, for whom, the message, urgency and a
// line for the recipient's signature. Every text is escaped (shared/formats/html.ts); no scripts.
import { escapeHtml } from '@shared/formats/html';
import type { Message } from '@shared/domain/switchboard';

export interface SlipLabels {
  title: string;
  to: string;
  from: string;
  phone: string;
  written: string;
  due: string;
  urgency: string;
  urgencyValue: string;
  message: string;
  signature: string;
  signedBy?: string | undefined;
}

export function messageSlipHtml(message: Message, labels: SlipLabels, language: string, formatTime: (at: number) => string): string {
  const row = (label: string, value: string | undefined) => (value ? `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>` : '');
  const from = [message.fromName, message.fromCompany].filter(Boolean).join(' · ');
  const signature = message.acknowledgement?.signature
    ? `<img alt="${escapeHtml(labels.signature)}" src="${escapeHtml(message.acknowledgement.signature)}" style="height:28mm">`
    : '';
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(labels.title)}</title>
<style>@page{size:A5;margin:12mm}body{font-family:sans-serif;font-size:11pt}h1{font-size:16pt;margin:0 0 4mm}table{border-collapse:collapse;width:100%}th{text-align:left;width:28mm;vertical-align:top;padding:1mm 2mm 1mm 0}td{padding:1mm 0}.msg{border:1px solid #000;padding:3mm;min-height:35mm;white-space:pre-wrap;margin:3mm 0}.sig{margin-top:8mm;border-top:1px solid #000;padding-top:1mm}</style></head>
<body><h1>${escapeHtml(labels.title)}</h1><table>
${row(labels.to, message.toName)}${row(labels.from, from)}${row(labels.phone, message.fromPhone)}${row(labels.written, formatTime(message.createdAt))}${row(labels.due, message.dueAt ? formatTime(message.dueAt) : undefined)}${row(labels.urgency, labels.urgencyValue)}
</table><div class="msg" aria-label="${escapeHtml(labels.message)}">${escapeHtml(message.content)}</div>
<div class="sig">${signature}<div>${escapeHtml(labels.signature)}${labels.signedBy ? `: ${escapeHtml(labels.signedBy)}` : ''}</div></div></body></html>`;
}
