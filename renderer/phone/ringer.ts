// The ringtone, played on the operator's chosen ring device (setSinkId), which may differ from the
// headset the calls play on. The tone is synthesised (450 Hz, 1 s on / 4 s off — the Chinese ringing
// cadence, GB/T 15279) so no audio file has to ship or be fetched.

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

function ringWav(): Blob {
  const rate = 8000;
  const seconds = 5;
  const samples = rate * seconds;
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i += 1) {
    const t = i / rate;
    const on = t < 1;
    const envelope = on ? Math.min(1, t * 50, (1 - t) * 50) : 0;
    view.setInt16(44 + i * 2, Math.round(Math.sin(2 * Math.PI * 450 * t) * envelope * 0.35 * 32767), true);
  }
  return new Blob([buffer], { type: 'audio/wav' });
}

export class Ringer {
  private audio: SinkAudio | null = null;
  private url: string | null = null;
  ringing = false;

  start(deviceId?: string): void {
    if (this.ringing) return;
    this.ringing = true;
    if (!this.audio) {
      this.url = URL.createObjectURL(ringWav());
      this.audio = new Audio(this.url) as SinkAudio;
      this.audio.loop = true;
      this.audio.dataset.role = 'ringtone';
      // In the document (hidden, no controls) so whether the console is ringing can be seen from outside.
      this.audio.hidden = true;
      this.audio.setAttribute('aria-hidden', 'true');
      document.body.append(this.audio);
    }
    this.audio.dataset.playing = 'true';
    if (deviceId && this.audio.setSinkId) void this.audio.setSinkId(deviceId).catch(() => undefined);
    this.audio.currentTime = 0;
    void this.audio.play().catch(() => undefined);
  }

  stop(): void {
    this.ringing = false;
    if (this.audio) this.audio.dataset.playing = 'false';
    this.audio?.pause();
  }
}
