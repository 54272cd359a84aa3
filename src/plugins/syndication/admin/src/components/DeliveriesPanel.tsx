import { useEffect, useState } from 'react';
import { Flex, LinkButton, Loader, Typography } from '@strapi/design-system';
import { List } from '@strapi/icons';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { deliveryLogPath, SUBSCRIBER_UID, type DeliveriesResponse } from '../api';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';
import { SendTestEventButton } from './DeliveryActions';
import { StatusCountsSummary } from './StatusBadges';

const PANEL_PERMISSIONS = [...PERMISSIONS.read, ...PERMISSIONS.deliver];

type CountsState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; log: DeliveriesResponse };

const DeliveriesPanelContent = ({ documentId, canDeliver }: { documentId: string; canDeliver: boolean }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [state, setState] = useState<CountsState>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let active = true;
    get<DeliveriesResponse>(`/${PLUGIN_ID}/subscribers/${encodeURIComponent(documentId)}/deliveries`, {
      params: { page: 1, pageSize: 1 },
    })
      .then(({ data }) => active && setState({ status: 'ready', log: data }))
      .catch(() => active && setState({ status: 'error' }));
    return () => {
      active = false;
    };
  }, [get, documentId, version]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {state.status === 'loading' && (
        <Loader small>{formatMessage({ id: getTranslation('panel.loading'), defaultMessage: 'Loading deliveries' })}</Loader>
      )}
      {state.status === 'error' && (
        <Typography textColor="danger600">
          {formatMessage({ id: getTranslation('panel.error'), defaultMessage: 'The delivery counts could not be loaded.' })}
        </Typography>
      )}
      {state.status === 'ready' && <StatusCountsSummary counts={state.log.meta.counts} />}
      <LinkButton tag={RouterLink} to={deliveryLogPath(documentId)} variant="secondary" startIcon={<List />} fullWidth>
        {formatMessage({ id: getTranslation('actions.viewLog'), defaultMessage: 'View delivery log' })}
      </LinkButton>
      {canDeliver && state.status === 'ready' && (
        <SendTestEventButton
          documentId={documentId}
          disabled={!state.log.meta.subscriber.enabled}
          onSent={() => setVersion((current) => current + 1)}
          variant="tertiary"
          fullWidth
        />
      )}
    </Flex>
  );
};

/**
 * Edit-view side panel (`addEditViewSidePanel`) of a subscriber: its delivery counts and a link
 * to its log. Hidden on other content types, on entries not saved yet, and without read permission.
 */
const DeliveriesPanel: PanelComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canRead, canDeliver },
    isLoading,
  } = useRBAC(PANEL_PERMISSIONS);

  if (model !== SUBSCRIBER_UID || !documentId || isLoading || !canRead) return null;

  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Deliveries' }),
    content: <DeliveriesPanelContent key={documentId} documentId={documentId} canDeliver={canDeliver} />,
  };
};

export { DeliveriesPanel };
