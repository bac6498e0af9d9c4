// What each key of the switchboard's key map (phoneKeyMap.ts) does, always to the line the keyboard
// acts on (effectiveLine): the operator's pick, else the call being talked to, and so on.
import { longestWaiting } from '@shared/phone/holdQueue';
import { softphone } from '../../phone/phoneService';
import type { LineView } from '../../phone/phoneTypes';
import { navigate } from '../../ui/navigation';
import type { PhoneKeyHandlers } from './phoneKeyMap';
import { effectiveLine, switchboardUi } from './switchboardUiStore';

function current(): LineView | undefined {
  return effectiveLine(softphone.getSnapshot().lines, switchboardUi.get().selectedLineId);
}

function connected(line: LineView | undefined): line is LineView {
  return line !== undefined && (line.state === 'active' || line.state === 'held');
}

export const phoneKeyActions: PhoneKeyHandlers = {
  answer: () => void softphone.answer(),
  hangup: () => {
    const line = current();
    if (line) void softphone.hangup(line.id);
  },
  hold: () => {
    const line = current();
    if (connected(line)) void softphone.hold(line.id, line.state === 'active');
  },
  mute: () => {
    const line = current();
    if (line) softphone.mute(line.id, !line.muted);
  },
  transfer: () => {
    const line = current();
    if (connected(line)) switchboardUi.open({ kind: 'transfer', lineId: line.id, mode: 'blind' });
  },
  consult: () => {
    const line = current();
    if (connected(line) && !line.consultFor) switchboardUi.open({ kind: 'transfer', lineId: line.id, mode: 'attended' });
  },
  complete: () => {
    const line = current();
    const consult = line?.consultFor ? line : softphone.getSnapshot().lines.find((l) => l.id === line?.consultLineId);
    if (consult) void softphone.completeAttended(consult.id);
  },
  returnToCaller: () => {
    const line = current() ?? softphone.getSnapshot().lines.find((l) => l.state === 'held');
    if (line) void softphone.returnToCaller(line.id);
  },
  // The hold queue's head: the caller who has waited longest on hold is resumed (whoever is being talked to is held first).
  takeBack: () => {
    const line = longestWaiting(softphone.getSnapshot().lines, Date.now());
    if (!line) return;
    switchboardUi.select(line.id);
    void softphone.hold(line.id, false);
  },
  keypad: () => {
    const line = current();
    if (line?.state === 'active') switchboardUi.open({ kind: 'keypad', lineId: line.id });
  },
  // The dial box takes the cursor through the binding's focusTarget, once the screen has loaded.
  dial: () => {
    navigate('switchboard');
  },
  selectLine: (binding) => {
    const line = softphone.getSnapshot().lines.find((l) => l.lineNo === binding.lineNo && l.state !== 'ended');
    if (line) switchboardUi.select(line.id);
  },
};
