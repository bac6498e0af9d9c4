// "Scan with camera" at intake: the webcam's picture in a dialog while ZXing looks for a barcode
// (cameraScan.ts). A read closes the dialog and hands the number to intake, which fills the field and runs
// the same carrier detection as a typed number; Cancel and Escape close it too, and every way out turns the
// camera off (the dialog is mounted only while scanning). No camera, a refused permission or a camera in
// use by another program is said in the person's language, with what to do instead.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { cameraProblemOf, openCamera, scanStream, type CameraProblem, type CameraScan } from './cameraScan';

export interface CameraScanDialogProps {
  /** The text of the code read (the camera is already off). */
  onRead: (text: string) => void;
  /** Closed without a read (Cancel, Escape, or after a problem). */
  onCancel: () => void;
}

export function CameraScanDialog({ onRead, onCancel }: CameraScanDialogProps) {
  const { t } = useTranslation('parcels');
  const videoRef = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<'starting' | 'scanning'>('starting');
  const [problem, setProblem] = useState<{ kind: CameraProblem; message: string }>();
  const readRef = useRef(onRead);
  readRef.current = onRead;

  useEffect(() => {
    let closed = false;
    let scan: CameraScan | undefined;
    let stream: MediaStream | undefined;
    void (async () => {
      try {
        stream = await openCamera();
        if (closed || !videoRef.current) {
          stream.getTracks().forEach((track) => track.stop());
          return;
        }
        const started = await scanStream(stream, videoRef.current, (text) => {
          if (!closed) readRef.current(text);
        });
        if (closed) started.stop();
        else {
          scan = started;
          setPhase('scanning');
        }
      } catch (error) {
        stream?.getTracks().forEach((track) => track.stop());
        if (!closed) setProblem({ kind: cameraProblemOf(error), message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      closed = true;
      scan?.stop();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Dialog open onClose={onCancel} aria-labelledby="parcels-camera-title" aria-describedby="parcels-camera-help" disableRestoreFocus maxWidth="sm" fullWidth>
      <DialogTitle id="parcels-camera-title">{t('camera.title')}</DialogTitle>
      <DialogContent>
        <Typography id="parcels-camera-help" variant="body2" sx={{ mb: 1 }}>{t('camera.help')}</Typography>
        {problem ? (
          <Alert severity="error" role="alert" data-testid="parcels-camera-problem">
            {problem.kind === 'failed' ? t('camera.problems.failed', { message: problem.message }) : t(`camera.problems.${problem.kind}`)}
          </Alert>
        ) : (
          <>
            <Typography role="status" variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {phase === 'starting' ? t('camera.starting') : t('camera.scanning')}
            </Typography>
            <Box
              component="video"
              ref={videoRef}
              muted
              playsInline
              aria-label={t('camera.video')}
              data-testid="parcels-camera-video"
              sx={{ width: '100%', maxHeight: 360, bgcolor: 'grey.900', borderRadius: 1 }}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>{problem ? t('camera.close') : t('camera.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
