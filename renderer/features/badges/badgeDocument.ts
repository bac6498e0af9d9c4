// The visitor badge as one self-contained HTML document: printed as it is (bridge print.page in the
// desktop app, a hidden iframe in the browser) and shown as it is in the dialog's preview, so what the
// desk sees is what the printer gets.
//
// Size: an ISO/IEC 7810 ID-1 card, 85.6 × 54 mm landscape ("CR80"): it fits the standard clip-on badge
// holders and lanyard sleeves, and card printers take it directly. The QR code carries
// badgeCodeFor(visit.id) ("FDV1:<ULID>", shared/visitors/badgeCode.ts) for a fast check-out by scanning.
import QRCode from 'qrcode';
import { badgeCodeFor } from '@shared/visitors/badgeCode';
import { escapeHtml } from '@shared/formats/html';

export const BADGE_WIDTH_MM = 85.6;
export const BADGE_HEIGHT_MM = 54;
/** The preview is drawn larger than life so the desk can read it; print ignores it (screen media only). */
export const BADGE_PREVIEW_ZOOM = 1.75;

export interface BadgeContent {
  visitId: string;
  name: string;
  organisation?: string;
  hostName?: string;
  /** Already formatted for the desk's locale. */
  date: string;
  /** The badge number, or a short visit number when none was assigned. */
  number: string;
}

export interface BadgeLabels {
  heading: string;
  host: string;
  date: string;
  number: string;
  scanHint: string;
}

/** The short number shown when a visit has no badge number: the last 6 characters of its ULID. */
export function visitNumber(visitId: string): string {
  return visitId.slice(-6);
}

/**
 * The QR code as inline SVG (no image request, nothing for a CSP to block). Error correction M survives a
 * scuffed laminate; a quiet zone of 2 modules is enough for hand-held scanners at badge size.
 */
export function badgeQrSvg(visitId: string): Promise<string> {
  return QRCode.toString(badgeCodeFor(visitId), { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

export function badgeHtml(content: BadgeContent, labels: BadgeLabels, qrSvg: string, language: string): string {
  const row = (label: string, value: string | undefined) =>
    value ? `<div class="row"><span class="k">${escapeHtml(label)}</span><span class="v">${escapeHtml(value)}</span></div>` : '';
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(labels.heading)}</title><style>
@page { size: ${BADGE_WIDTH_MM}mm ${BADGE_HEIGHT_MM}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
@media screen { html { zoom: ${BADGE_PREVIEW_ZOOM}; } body { padding: 1mm; } .badge { outline: 0.2mm solid #999; } }
.badge { box-sizing: border-box; width: ${BADGE_WIDTH_MM}mm; height: ${BADGE_HEIGHT_MM}mm; padding: 3mm 3.5mm; display: flex; gap: 3mm; overflow: hidden;
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #000; }
.info { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.heading { font-size: 8pt; font-weight: 700; letter-spacing: 0.5mm; background: #000; color: #fff; padding: 0.6mm 2mm; align-self: flex-start; border-radius: 0.8mm; }
.name { font-size: 17pt; font-weight: 700; line-height: 1.15; margin-top: 2mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.org { font-size: 8.5pt; margin-top: 0.5mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.rows { margin-top: auto; font-size: 8pt; line-height: 1.35; }
.row { display: flex; gap: 1.5mm; white-space: nowrap; overflow: hidden; }
.k { color: #444; flex: none; }
.v { font-weight: 700; overflow: hidden; text-overflow: ellipsis; }
.qr { flex: none; width: 25mm; display: flex; flex-direction: column; align-items: center; justify-content: center; }
.qr svg { display: block; width: 25mm; height: 25mm; shape-rendering: crispEdges; }
.hint { font-size: 6pt; color: #444; text-align: center; margin-top: 0.5mm; }
</style></head><body>
<div class="badge">
  <div class="info">
    <div class="heading">${escapeHtml(labels.heading)}</div>
    <div class="name">${escapeHtml(content.name)}</div>
    ${content.organisation ? `<div class="org">${escapeHtml(content.organisation)}</div>` : ''}
    <div class="rows">${row(labels.host, content.hostName)}${row(labels.date, content.date)}${row(labels.number, content.number)}</div>
  </div>
  <div class="qr" data-qr="${escapeHtml(badgeCodeFor(content.visitId))}">${qrSvg}<div class="hint">${escapeHtml(labels.scanHint)}</div></div>
</div>
</body></html>`;
}
