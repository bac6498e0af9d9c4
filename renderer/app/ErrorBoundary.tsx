import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Box } from '@mui/material';
import { Translation } from 'react-i18next';

/** A screen that throws shows a clear message instead of taking the whole console down. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Screen failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const message = this.state.error.message;
    return (
      <Box sx={{ p: 4 }}>
        <Translation>{(t) => <Alert severity="error">{t('errors.unexpected', { message })}</Alert>}</Translation>
      </Box>
    );
  }
}
