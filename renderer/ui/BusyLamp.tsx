// A busy lamp (BLF) for one extension: idle / ringing / busy / unknown. Colour is never the only cue:
// each state has its own icon shape, and the accessible name says the extension and the state in the
// console's language ("Extension 1002: busy"). `showState` adds the state as visible text.
import { Box } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { LampState } from '@shared/phone/dialogInfo';

const ICONS = { idle: CheckCircleOutlineIcon, ringing: NotificationsActiveIcon, busy: PhoneInTalkIcon, unknown: HelpOutlineIcon } as const;
const COLOURS = { idle: 'success.main', ringing: 'warning.main', busy: 'error.main', unknown: 'text.disabled' } as const;

export interface BusyLampProps {
  extension: string;
  state: LampState;
  /** Put in the accessible name, before the extension. */
  name?: string;
  showState?: boolean;
}

export function BusyLamp({ extension, state, name, showState = false }: BusyLampProps) {
  const { t } = useTranslation();
  const stateText = t(`lamps.states.${state}`);
  const label = name ? t('lamps.labelNamed', { name, extension, state: stateText }) : t('lamps.label', { extension, state: stateText });
  const Icon = ICONS[state];
  return (
    <Box component="span" role="img" aria-label={label} title={label} data-lamp={extension} data-lamp-state={state} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: COLOURS[state], verticalAlign: 'middle' }}>
      <Icon fontSize="small" aria-hidden="true" />
      {showState && (
        // the text in the body colour (the icon carries the colour; orange text would fail 4.5:1)
        <Box component="span" aria-hidden="true" sx={{ fontSize: '0.8125rem', color: 'text.secondary' }}>
          {stateText}
        </Box>
      )}
    </Box>
  );
}
