// Remote audio of each line plays through its own <audio> element so the operator's chosen
// speaker/headset (setSinkId) applies, and so a held line can be silenced independently.

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class RemoteAudio {
  private element: SinkAudio | null = null;

  attach(stream: MediaStream, speakerDeviceId?: string): void {
    if (!this.element) {
      this.element = document.createElement('audio') as SinkAudio;
      this.element.autoplay = true;
      this.element.dataset.role = 'remote-audio';
      document.body.append(this.element);
    }
    this.element.srcObject = stream;
    if (speakerDeviceId && this.element.setSinkId) void this.element.setSinkId(speakerDeviceId).catch(() => undefined);
    void this.element.play().catch(() => undefined);
  }

  detach(): void {
    if (!this.element) return;
    this.element.srcObject = null;
    this.element.remove();
    this.element = null;
  }
}
