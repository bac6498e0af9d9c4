import { useTranslation } from 'react-i18next';
import { EmptyScreen } from '../../app/EmptyScreen';

export function VisitorsScreen() {
  const { t } = useTranslation();
  return <EmptyScreen title={t('nav.visitors')} description={t('screens.visitors.empty')} />;
}
