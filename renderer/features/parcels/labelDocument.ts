// The shelf label as one self-contained HTML document (inline CSS and SVG, no scripts), printed as it is
// through the bridge (features/badges prints the same way) and shown as it is in the preview. It carries
// the recipient, department, date, shelf and a QR code of "FDP1:<item id>" (shared/parcels/parcelCode.ts),
// which the hand-over scan finds the item by. Sizes: a 62 mm label roll (62 × 100 mm), a 4 × 6 in shipping
// label, or an A4 sheet of 2 × 4 labels (99 × 67 mm cells) holding several items.
import QRCode from 'qrcode';
import { escapeHtml } from '@shared/formats/html';
import { parcelCodeFor } from '@shared/parcels/parcelCode';

export const LABEL_SIZES = ['62mm', '4x6', 'A4'] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];

export interface LabelContent {
  parcelId: string;
  recipient: string;
  department?: string | undefined;
  date: string;
  shelf?: string | undefined;
  item: string;
  urgent: boolean;
}

export interface LabelStrings {
  recipient: string;
  department: string;
  date: string;
  shelf: string;
  scanHint: string;
  urgent: string;
}

const PAGE: Readonly<Record<LabelSize, { page: string; width: number; height: number; qr: number; name: number }>> = {
  '62mm': { page: '62mm 100mm', width: 62, height: 100, qr: 30, name: 16 },
  '4x6': { page: '4in 6in', width: 101.6, height: 152.4, qr: 50, name: 26 },
  A4: { page: 'A4', width: 99, height: 67, qr: 28, name: 15 },
};

export function labelQrSvg(parcelId: string): Promise<string> {
  return QRCode.toString(parcelCodeFor(parcelId), { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

export function labelHtml(size: LabelSize, labels: readonly { content: LabelContent; qrSvg: string }[], strings: LabelStrings, language: string): string {
  const s = PAGE[size];
  const row = (k: string, v: string | undefined) => (v ? `<div class="row"><span class="k">${escapeHtml(k)}</span><span class="v">${escapeHtml(v)}</span></div>` : '');
  const one = ({ content, qrSvg }: { content: LabelContent; qrSvg: string }) => `<div class="label" data-parcel="${escapeHtml(content.parcelId)}">
  ${content.urgent ? `<div class="urgent">${escapeHtml(strings.urgent)}</div>` : ''}
  <div class="name">${escapeHtml(content.recipient)}</div>
  <div class="rows">${row(strings.department, content.department)}${row(strings.shelf, content.shelf)}${row(strings.date, content.date)}</div>
  <div class="item">${escapeHtml(content.item)}</div>
  <div class="qr" data-qr="${escapeHtml(parcelCodeFor(content.parcelId))}">${qrSvg}<div class="hint">${escapeHtml(strings.scanHint)}</div></div>
</div>`;
  const sheet = size === 'A4'
    ? `<div class="sheet">${labels.slice(0, 8).map(one).join('')}</div>`
    : labels.map(one).join('');
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(strings.recipient)}</title><style>
@page { size: ${s.page}; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
@media screen { body { padding: 1mm; } .label { outline: 0.2mm solid #999; } }
.sheet { display: grid; grid-template-columns: repeat(2, ${s.width}mm); grid-auto-rows: ${s.height}mm; padding: 14.5mm 6mm; gap: 0; }
.label { box-sizing: border-box; width: ${s.width}mm; height: ${s.height}mm; padding: 3mm; overflow: hidden; position: relative; page-break-after: ${size === 'A4' ? 'auto' : 'always'};
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #000; display: flex; flex-direction: column; }
.urgent { align-self: flex-start; background: #000; color: #fff; font-weight: 700; font-size: 10pt; padding: 0.5mm 2mm; border-radius: 0.8mm; }
.name { font-size: ${s.name}pt; font-weight: 700; line-height: 1.15; margin-top: 1mm; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rows { font-size: 9pt; line-height: 1.35; margin-top: 1mm; }
.row { display: flex; gap: 1.5mm; white-space: nowrap; overflow: hidden; }
.k { color: #444; flex: none; }
.v { font-weight: 700; overflow: hidden; text-overflow: ellipsis; }
.item { font-size: 8pt; margin-top: 1mm; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.qr { margin-top: auto; align-self: flex-end; width: ${s.qr}mm; text-align: center; }
.qr svg { display: block; width: ${s.qr}mm; height: ${s.qr}mm; shape-rendering: crispEdges; }
.hint { font-size: 6pt; color: #444; }
</style></head><body>${sheet}</body></html>`;
}
