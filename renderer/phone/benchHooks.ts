// What the benchmarks (tests/bench/) and the lab need from the phone and nothing else does: when each
// INVITE reached us, to measure the pop-up latency from there, and a way to drop the WebSocket as if
// the network failed.
import { recordMetric } from '../platform/metrics';

export class BenchHooks {
  private readonly inviteArrivals = new Map<string, number>();

  constructor(private readonly dropTransport: () => void) {}

  /** `at` is performance.now() when the INVITE arrived. */
  inviteArrived(lineId: string, at: number): void {
    this.inviteArrivals.set(lineId, at);
    // Absolute (comparable with the calling agent's page), so the bench can split INVITE sent → ringing
    // shown into the wire and the console's own part.
    recordMetric('inviteArrivedAt', performance.timeOrigin + at);
  }

  inviteArrivalOf(lineId: string): number | undefined {
    return this.inviteArrivals.get(lineId);
  }

  forget(lineId: string): void {
    this.inviteArrivals.delete(lineId);
  }

  simulateNetworkLoss(): void {
    this.dropTransport();
  }
}
