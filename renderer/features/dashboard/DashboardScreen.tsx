import { useTranslation } from 'react-i18next';
import { EmptyScreen } from '../../app/EmptyScreen';

export function DashboardScreen() {
  const { t } = useTranslation();
  return <EmptyScreen title={t('nav.dashboard')} description={t('screens.dashboard.empty')} />;
}
