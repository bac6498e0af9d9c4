// A live call timer (ringing for, on hold for, talking for). It is the only thing on the switchboard
// that re-renders every second: the screen, the line cards and today's calls re-render only when the
// phone or the stored calls change (issue 8: "the switchboard re-renders every second even when
// nothing changes").
import { useNow, formatDuration } from './durations';

export interface LiveDurationProps {
  /** Epoch ms the duration counts from. */
  from: number;
  /** Epoch ms it stopped at (an ended call); while undefined the timer ticks. */
  until?: number | undefined;
  /** Turns "1:05" into the sentence shown ("Talking 1:05"). */
  label?: (time: string) => string;
}

export function LiveDuration({ from, until, label }: LiveDurationProps) {
  const now = useNow(1000, until === undefined);
  const time = formatDuration((until ?? now) - from);
  return <>{label ? label(time) : time}</>;
}
