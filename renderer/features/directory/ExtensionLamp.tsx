// The busy lamp beside a person's extension, while the phone watches it (renderer/phone/busyLamps.ts).
import { useLamp } from '../../phone/phoneService';
import { BusyLamp } from '../../ui/BusyLamp';

export function ExtensionLamp({ extension, showState = true }: { extension: string; showState?: boolean }) {
  const lamp = useLamp(extension);
  if (!lamp) return null;
  return <BusyLamp extension={extension} state={lamp.state} showState={showState} />;
}
