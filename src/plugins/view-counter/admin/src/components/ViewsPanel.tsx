import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import {
  ConfirmDialog,
  isFetchError,
  useAPIErrorHandler,
  useFetchClient,
  useNotification,
  useRBAC,
} from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { SeriesResponse, ViewSeries } from '../api';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { useTrackedTypes } from '../trackedTypes';
import { getTranslation } from '../utils/getTranslation';
import { setViewTotal } from '../viewTotals';
import { DailyViewsChart } from './DailyViewsChart';

const CHART_DAYS = 30;
const PANEL_PERMISSIONS = [...PERMISSIONS.read, ...PERMISSIONS.reset];

type SeriesState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; series: ViewSeries };

const useViewSeries = (type: string, documentId: string) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<SeriesState>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let active = true;
    get<SeriesResponse>(`/${PLUGIN_ID}/views/${type}/${encodeURIComponent(documentId)}`, {
      params: { days: CHART_DAYS },
    })
      .then(({ data }) => active && setState({ status: 'ready', series: data.data }))
      .catch(() => active && setState({ status: 'error' }));
    return () => {
      active = false;
    };
  }, [get, type, documentId, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { state, reload };
};

const ResetViewsButton = ({ type, documentId, onReset }: { type: string; documentId: string; onReset: () => void }) => {
  const { formatMessage } = useIntl();
  const { del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler(getTranslation);
  const [isOpen, setIsOpen] = useState(false);

  const reset = async () => {
    try {
      await del(`/${PLUGIN_ID}/views/${type}/${encodeURIComponent(documentId)}`);
      setViewTotal(type, documentId, 0);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('panel.reset.success'), defaultMessage: 'View count reset' }),
      });
      onReset();
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: isFetchError(error)
          ? formatAPIError(error)
          : formatMessage({ id: 'notification.error', defaultMessage: 'An error occurred' }),
      });
    } finally {
      setIsOpen(false);
    }
  };

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S" startIcon={<ArrowClockwise />} fullWidth>
          {formatMessage({ id: getTranslation('panel.reset.button'), defaultMessage: 'Reset count' })}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        onConfirm={reset}
        title={formatMessage({ id: getTranslation('panel.reset.title'), defaultMessage: 'Reset the view count?' })}
      >
        {formatMessage({
          id: getTranslation('panel.reset.body'),
          defaultMessage: "This entry's total and daily views are set to zero. This cannot be undone.",
        })}
      </ConfirmDialog>
    </Dialog.Root>
  );
};

const ViewsPanelContent = ({ type, documentId, canReset }: { type: string; documentId: string; canReset: boolean }) => {
  const { formatMessage, formatNumber } = useIntl();
  const { state, reload } = useViewSeries(type, documentId);

  if (state.status === 'loading') {
    return (
      <Loader small>
        {formatMessage({ id: getTranslation('panel.loading'), defaultMessage: 'Loading views' })}
      </Loader>
    );
  }
  if (state.status === 'error') {
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: getTranslation('panel.error'), defaultMessage: 'The view count could not be loaded.' })}
      </Typography>
    );
  }

  const { total, days } = state.series;
  const recent = days.reduce((sum, day) => sum + day.views, 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: getTranslation('panel.total'), defaultMessage: 'All time' })}
        </Typography>
        <Typography variant="alpha" tag="p">
          {formatNumber(total)}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTranslation('panel.recent'),
              defaultMessage: '{views, plural, one {# view} other {# views}} in the last {days} days',
            },
            { views: recent, days: days.length },
          )}
        </Typography>
      </Flex>
      <DailyViewsChart days={days} />
      {canReset && <ResetViewsButton type={type} documentId={documentId} onReset={reload} />}
    </Flex>
  );
};

/**
 * Edit-view side panel (`addEditViewSidePanel`). Rendered like a component, so it can use hooks;
 * returning null hides it: untracked types, entries not saved yet, users without read permission.
 */
const ViewsPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const tracked = useTrackedTypes().get(model);
  const {
    allowedActions: { canRead, canReset },
    isLoading,
  } = useRBAC(PANEL_PERMISSIONS);

  if (!tracked || !documentId || !document || isLoading || !canRead) return null;

  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Views' }),
    content: <ViewsPanelContent key={documentId} type={tracked.name} documentId={documentId} canReset={canReset} />,
  };
};

export { ViewsPanel };
