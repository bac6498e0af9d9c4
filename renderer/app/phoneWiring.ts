// The shell's phone composition: builds the one softphone, its call-record writer, configuration and
// ringer, installs them for the features (renderer/phone/phoneService.ts), and turns what the phone
// reports into the shell's own things: the status bar, the ringtone and translated notifications.
import { liveQuery } from 'dexie';
import { messageOf } from '@shared/errors/messageOf';
import { getRepositories } from '../db';
import { translate } from '../i18n';
import { CallRecordWriter } from '../phone/callRecordWriter';
import { PhoneConfiguration } from '../phone/phoneConfiguration';
import { installPhone } from '../phone/phoneService';
import { Ringer } from '../phone/ringer';
import { Softphone } from '../phone/softphone';
import { notifications } from '../ui/notifications/notificationStore';
import { publishPhoneStatus } from '../ui/status/phoneStatusStore';

/** Wires the phone (synchronously, so it is there for the first render) and connects with the stored settings. */
export function startPhoneWiring(): Promise<void> {
  const writer = new CallRecordWriter({
    ownExtension: (): string | undefined => configuration.current()?.extension,
    onError: (error) => notifications.notify('error', translate('switchboard:errors.recordFailed', { message: messageOf(error) })),
  });
  const softphone = new Softphone(writer);
  const configuration = new PhoneConfiguration(softphone);
  const ringer = new Ringer();
  // The ringtone starts a task after the snapshot that brought the call: starting an audio element takes
  // milliseconds, and the pop-up is rendered from the same snapshot right after these listeners.
  let ringCheck: ReturnType<typeof setTimeout> | undefined;
  // The console rings for a call ringing in and for a held call ringing back (recall: held too long).
  const shouldRing = () => softphone.getSnapshot().lines.some((l) => l.state === 'ringing') || softphone.recalls.getSnapshot().length > 0;
  const followRinging = () => {
    ringCheck = undefined;
    if (shouldRing()) ringer.start(configuration.current()?.ringDeviceId);
    else if (ringer.ringing) ringer.stop();
  };
  const follow = () => {
    const ringing = shouldRing();
    if (ringing && !ringer.ringing) ringCheck ??= setTimeout(followRinging, 0);
    else if (!ringing && ringer.ringing) ringer.stop();
  };
  softphone.subscribe(() => {
    const view = softphone.getSnapshot();
    publishPhoneStatus({ state: view.registration, reason: view.registrationReason });
    follow();
  });
  softphone.recalls.subscribe(follow);
  installPhone({ softphone, configuration });
  watchDirectoryLamps(softphone);
  return configuration.start();
}

/** The busy lamps follow the directory: every live person's extension is watched (bounded in busyLamps.ts). */
function watchDirectoryLamps(softphone: Softphone): void {
  liveQuery(() => getRepositories().staff.extensionHolders()).subscribe({
    next: (holders) => softphone.lamps.watch([...holders].map(([extension, name]) => ({ extension, name }))),
    error: (error: unknown) => console.error('Could not read the directory for the busy lamps', error),
  });
}
