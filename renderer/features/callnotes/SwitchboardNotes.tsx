// The switchboard's hook-up for call notes: the note follows the call being talked to (it opens when a
// call is answered), Alt+N opens the note of the selected call and puts the cursor in it, and the note
// stays open after hang-up until the operator closes it. Alt+N is bound only while the switchboard is
// shown and a call (or an open note) exists; the complaints' Alt+N lives on the visitor screen, so the
// registry never holds both.
import { useEffect, useRef } from 'react';
import type { LineView } from '../../phone/phoneTypes';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { CallNotePanel, NOTE_FOCUS_TARGET } from './CallNotePanel';
import { noteSession, useNoteSession } from './noteSession';

export function SwitchboardNotes({ lines, selected }: { lines: readonly LineView[]; selected: LineView | undefined }) {
  const { open } = useNoteSession();
  const followed = useRef(new Set<string>());

  // A call just answered (or dialled and answered) gets its note opened, once per call.
  useEffect(() => {
    const talking = lines.find((l) => l.state === 'active' && !l.consultFor && !followed.current.has(l.id));
    if (!talking) return;
    followed.current.add(talking.id);
    if (noteSession.get().open?.callId !== talking.id) noteSession.open({ callId: talking.id, number: talking.remoteUser, remoteName: talking.remoteName });
  }, [lines]);

  // The call hung up (its line ended, or left the screen): its note writes what is pending at once
  // instead of after the autosave's pause, so the stored record is complete when the call is.
  const live = useRef(new Set<string>());
  useEffect(() => {
    const now = new Set(lines.filter((l) => l.state !== 'ended').map((l) => l.id));
    for (const id of live.current) if (!now.has(id)) void noteSession.flush(id);
    live.current = now;
  }, [lines]);

  useShortcut({
    id: 'callnotes.open',
    keys: 'Alt+N',
    descriptionKey: 'callnotes:shortcuts.open',
    groupKey: 'callnotes:shortcuts.group',
    allowInInputs: true,
    focusTarget: NOTE_FOCUS_TARGET,
    enabled: Boolean(selected || open),
    handler: () => {
      if (selected && noteSession.get().open?.callId !== selected.id) noteSession.open({ callId: selected.id, number: selected.remoteUser, remoteName: selected.remoteName });
    },
  });

  // The panel is memoised: the phone's updates (another line ringing, a duration) do not render the note.
  return open ? <CallNotePanel key={open.callId} open={open} /> : null;
}
