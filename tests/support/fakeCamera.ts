// A webcam for tests: Chromium's fake capture device plays a video file (`--use-file-for-fake-video-capture`),
// and this makes that file from a real barcode. bwip-js renders the code (Code 128, QR …) to a PNG as a
// label printer would, pngjs decodes its pixels, and the picture is centred on white in a YUV4MPEG2 file
// (the raw format Chromium reads: a text header, then per frame the luma plane and two quarter-size chroma
// planes, 4:2:0). Grey only, so the chroma planes are neutral (128). Chromium loops the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';

export interface FakeCameraOptions {
  /** bwip-js symbology: 'code128', 'qrcode' … */
  bcid: string;
  text: string;
  width?: number;
  height?: number;
  /** Frames in the file (it loops); a few are enough for a still label. */
  frames?: number;
}

/** Renders the code and writes a .y4m Chromium can play as its camera; returns the file's path. */
export async function fakeCameraFile({ bcid, text, width = 640, height = 480, frames = 5 }: FakeCameraOptions): Promise<string> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale: 3, height: 18, includetext: true, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' }));
  if (png.width > width || png.height > height) throw new Error(`barcode ${png.width}×${png.height} does not fit a ${width}×${height} frame`);
  const luma = new Uint8Array(width * height).fill(255);
  const left = Math.floor((width - png.width) / 2);
  const top = Math.floor((height - png.height) / 2);
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const alpha = png.data[i + 3]! / 255;
      // BT.601 full-range luma (the header says C420jpeg), blended on white where the PNG is transparent.
      const grey = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
      luma[(top + y) * width + left + x] = Math.round(grey * alpha + 255 * (1 - alpha));
    }
  }
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const frame = joinBytes([new TextEncoder().encode('FRAME\n'), luma, chroma]);
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-camera-')), `${bcid}.y4m`);
  writeFileSync(file, joinBytes([header, ...Array.from({ length: frames }, () => frame)]));
  return file;
}

function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
