/**
 * Test audio without sox: writes a sine-tone WAV (16-bit PCM) and reads back what a phone recorded, for
 * "the recording is not silence, and it is the other side's tone" checks.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Pcm {
  sampleRate: number;
  channels: number;
  /** first channel, -1..1 */
  samples: Float32Array;
}

/** A `seconds` long sine at `hz`, amplitude 0.5, as 16-bit PCM WAV. */
export function writeToneWav(path: string, hz: number, options: { seconds?: number; sampleRate?: number; channels?: number } = {}): string {
  const sampleRate = options.sampleRate ?? 48_000;
  const channels = options.channels ?? 2;
  const frames = Math.round((options.seconds ?? 30) * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * hz * i) / sampleRate));
    for (let c = 0; c < channels; c++) data.writeInt16LE(v, (i * channels + c) * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

/** Reads a 16-bit PCM WAV (the chunks sndfile writes); a file still being written may have a 0 data size. */
export function readWav(path: string): Pcm {
  const buf = readFileSync(path);
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') throw new Error(`${path} is not a WAV file`);
  let off = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  while (off + 8 <= buf.length) {
    const id = buf.toString('latin1', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      channels = buf.readUInt16LE(body + 2);
      sampleRate = buf.readUInt32LE(body + 4);
      bits = buf.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (size === 0 || body + size > buf.length) size = buf.length - body;
      if (bits !== 16) throw new Error(`${path}: ${bits}-bit samples, expected 16`);
      const frames = Math.floor(size / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = buf.readInt16LE(body + i * channels * 2) / 32768;
      return { sampleRate, channels, samples };
    }
    off = body + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

/** Root mean square of the samples in [fromS, fromS + seconds). */
export function rms(pcm: Pcm, fromS = 0, seconds = Infinity): number {
  const a = Math.floor(fromS * pcm.sampleRate);
  const b = Math.min(pcm.samples.length, a + Math.floor(seconds * pcm.sampleRate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += pcm.samples[i]! * pcm.samples[i]!;
  return b > a ? Math.sqrt(sum / (b - a)) : 0;
}

/** The strongest frequency between 100 Hz and 4 kHz in a window (a plain DFT scan in 5 Hz steps). */
export function dominantFrequency(pcm: Pcm, fromS = 0.3, seconds = 1): number {
  const a = Math.floor(fromS * pcm.sampleRate);
  const n = Math.min(pcm.samples.length - a, Math.floor(seconds * pcm.sampleRate));
  if (n <= 0) return 0;
  let best = 0;
  let bestPower = -1;
  for (let hz = 100; hz <= 4000; hz += 5) {
    const w = (2 * Math.PI * hz) / pcm.sampleRate;
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const s = pcm.samples[a + i]!;
      re += s * Math.cos(w * i);
      im -= s * Math.sin(w * i);
    }
    const p = re * re + im * im;
    if (p > bestPower) {
      bestPower = p;
      best = hz;
    }
  }
  return best;
}
