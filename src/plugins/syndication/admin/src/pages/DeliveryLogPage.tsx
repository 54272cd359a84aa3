import { useState, type ReactElement } from 'react';
import {
  Box,
  EmptyStateLayout,
  Flex,
  IconButton,
  Link,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise, ChevronDown, ChevronUp, Pencil } from '@strapi/icons';
import {
  BackButton,
  isFetchError,
  Layouts,
  Page,
  Pagination,
  useAPIErrorHandler,
  useRBAC,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { MAX_PAGE_SIZE, PLUGIN_PAGE, subscriberEditPath, type ContentTypeSummary, type DeliveriesResponse, type Delivery } from '../api';
import { AttemptsTable } from '../components/AttemptsTable';
import { ColumnHeader } from '../components/ColumnHeader';
import { RelativeTime } from '../components/DateTime';
import { RedeliverButton, SendTestEventButton } from '../components/DeliveryActions';
import { DeliveryStatusBadge, StatusCountsSummary, SubscriberStateBadge } from '../components/StatusBadges';
import { documentEditPath, useContentTypeLinks } from '../hooks/useContentTypeLinks';
import { POLL_MS, useDeliveryLog } from '../hooks/useDeliveryLog';
import { usePageParams } from '../hooks/usePageParams';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

const DEFAULT_PAGE_SIZE = 25;
const PAGE_SIZES = ['10', '25', '50', '100'];
const COLUMNS = 7;

interface DeliveryRowProps {
  delivery: Delivery;
  contentTypes: ReadonlyMap<string, ContentTypeSummary>;
  isExpanded: boolean;
  onToggle: () => void;
  canDeliver: boolean;
  subscriberEnabled: boolean;
  onChanged: () => void;
}

const DeliveryRow = ({ delivery, contentTypes, isExpanded, onToggle, canDeliver, subscriberEnabled, onChanged }: DeliveryRowProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const contentType = delivery.contentType ? contentTypes.get(delivery.contentType) : undefined;
  // A deleted document has no edit view left to open.
  const editPath = delivery.eventType?.endsWith('.deleted') ? null : documentEditPath(contentType, delivery.documentId);
  const typeName = contentType?.info.displayName ?? delivery.contentType;

  return (
    <Tr>
      <Td>
        <IconButton
          variant="ghost"
          onClick={onToggle}
          aria-expanded={isExpanded}
          label={
            isExpanded
              ? formatMessage({ id: getTranslation('log.hideAttempts'), defaultMessage: 'Hide attempts' })
              : formatMessage({ id: getTranslation('log.showAttempts'), defaultMessage: 'Show attempts' })
          }
        >
          {isExpanded ? <ChevronUp /> : <ChevronDown />}
        </IconButton>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="neutral800" fontWeight="semiBold">
            {delivery.eventType ?? '-'}
          </Typography>
          {delivery.documentId ? (
            <Typography variant="pi" textColor="neutral600">
              {typeName}{' '}
              {editPath ? (
                <Link tag={RouterLink} to={editPath}>
                  {delivery.documentId}
                </Link>
              ) : (
                delivery.documentId
              )}
            </Typography>
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({ id: getTranslation('log.noDocument'), defaultMessage: 'No document' })}
            </Typography>
          )}
        </Flex>
      </Td>
      <Td>
        <RelativeTime value={delivery.occurredAt} />
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <DeliveryStatusBadge delivery={delivery} />
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: getTranslation('log.attempts'), defaultMessage: '{count, plural, one {# attempt} other {# attempts}}' },
              { count: delivery.attempts },
            )}
          </Typography>
        </Flex>
      </Td>
      <Td style={{ maxWidth: '22rem' }}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="neutral800" fontWeight="semiBold">
            {delivery.lastStatusCode !== null ? formatNumber(delivery.lastStatusCode, { useGrouping: false }) : '-'}
          </Typography>
          {delivery.lastError && (
            <Typography variant="pi" textColor="danger600" ellipsis title={delivery.lastError} style={{ display: 'block', maxWidth: '22rem' }}>
              {delivery.lastError}
            </Typography>
          )}
        </Flex>
      </Td>
      <Td>
        <RelativeTime
          value={delivery.nextAttemptAt}
          dueLabel={formatMessage({ id: getTranslation('log.due'), defaultMessage: 'Due now' })}
        />
      </Td>
      <Td>
        {/* A pending delivery is already scheduled, and may be in flight: redelivering it could send it twice. */}
        {canDeliver && delivery.status !== 'pending' && (
          <RedeliverButton delivery={delivery} disabled={!subscriberEnabled} onQueued={onChanged} />
        )}
      </Td>
    </Tr>
  );
};

const DeliveriesTable = ({
  log,
  canDeliver,
  onChanged,
}: {
  log: DeliveriesResponse;
  canDeliver: boolean;
  onChanged: () => void;
}) => {
  const { formatMessage } = useIntl();
  const contentTypes = useContentTypeLinks();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // Tbody numbers its direct children as rows, so an expanded delivery's attempts are a row of their own.
  const rows = log.data.flatMap((delivery): ReactElement[] => {
    const isExpanded = expanded.has(delivery.id);
    const row = (
      <DeliveryRow
        key={delivery.id}
        delivery={delivery}
        contentTypes={contentTypes}
        isExpanded={isExpanded}
        onToggle={() => toggle(delivery.id)}
        canDeliver={canDeliver}
        subscriberEnabled={log.meta.subscriber.enabled}
        onChanged={onChanged}
      />
    );
    if (!isExpanded) return [row];
    return [
      row,
      <Tr key={`${delivery.id}-attempts`}>
        <Td colSpan={COLUMNS} style={{ whiteSpace: 'normal' }}>
          <Box paddingTop={2} paddingBottom={2}>
            <AttemptsTable delivery={delivery} />
          </Box>
        </Td>
      </Tr>,
    ];
  });

  return (
    <Table colCount={COLUMNS} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <VisuallyHidden>{formatMessage({ id: getTranslation('log.column.expand'), defaultMessage: 'Attempts' })}</VisuallyHidden>
          </Th>
          <ColumnHeader>{formatMessage({ id: getTranslation('log.column.event'), defaultMessage: 'Event' })}</ColumnHeader>
          <ColumnHeader>{formatMessage({ id: getTranslation('log.column.occurredAt'), defaultMessage: 'Occurred' })}</ColumnHeader>
          <ColumnHeader>{formatMessage({ id: getTranslation('log.column.status'), defaultMessage: 'Status' })}</ColumnHeader>
          <ColumnHeader>{formatMessage({ id: getTranslation('log.column.lastResponse'), defaultMessage: 'Last response' })}</ColumnHeader>
          <ColumnHeader>{formatMessage({ id: getTranslation('log.column.nextRetry'), defaultMessage: 'Next retry' })}</ColumnHeader>
          <Th>
            <VisuallyHidden>{formatMessage({ id: getTranslation('actions.column'), defaultMessage: 'Actions' })}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>{rows}</Tbody>
    </Table>
  );
};

const DeliveryLog = ({ documentId }: { documentId: string }) => {
  const { formatMessage, formatTime } = useIntl();
  const { formatAPIError } = useAPIErrorHandler(getTranslation);
  const { page, pageSize } = usePageParams(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const { state, reload, isRefreshing } = useDeliveryLog(documentId, page, pageSize);
  const {
    allowedActions: { canDeliver },
  } = useRBAC(PERMISSIONS.deliver);

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') {
    return <Page.Error content={isFetchError(state.error) ? formatAPIError(state.error) : undefined} />;
  }

  const { log, loadedAt } = state;
  const { subscriber, counts, pagination } = log.meta;
  const pending = counts.pending ?? 0;

  return (
    <Page.Main>
      <Page.Title>
        {formatMessage(
          { id: getTranslation('log.pageTitle'), defaultMessage: 'Syndication - {name}' },
          { name: subscriber.name },
        )}
      </Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/${PLUGIN_PAGE}`} />}
        title={subscriber.name}
        subtitle={subscriber.url}
        primaryAction={
          canDeliver ? <SendTestEventButton documentId={documentId} disabled={!subscriber.enabled} onSent={reload} /> : undefined
        }
        secondaryAction={
          <LinkButton tag={RouterLink} to={subscriberEditPath(documentId)} variant="tertiary" startIcon={<Pencil />}>
            {formatMessage({ id: getTranslation('actions.edit'), defaultMessage: 'Edit subscriber' })}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex
            background="neutral0"
            padding={4}
            shadow="filterShadow"
            hasRadius
            justifyContent="space-between"
            alignItems="center"
            gap={4}
            wrap="wrap"
          >
            <Flex gap={4} alignItems="center" wrap="wrap">
              <SubscriberStateBadge enabled={subscriber.enabled} />
              {!subscriber.enabled && (
                <Typography textColor="neutral600">
                  {subscriber.disabledReason ??
                    formatMessage({
                      id: getTranslation('log.disabledHint'),
                      defaultMessage: 'Nothing is sent to a disabled subscriber: enable it to redeliver or test.',
                    })}
                </Typography>
              )}
              <StatusCountsSummary counts={counts} />
            </Flex>
            <Flex gap={2} alignItems="center">
              <Typography variant="pi" textColor="neutral600" aria-live="polite">
                {pending > 0
                  ? formatMessage(
                      {
                        id: getTranslation('log.autoRefresh'),
                        defaultMessage: 'Refreshing every {seconds} s while deliveries are pending · updated {time}',
                      },
                      { seconds: POLL_MS / 1000, time: formatTime(loadedAt, { timeStyle: 'medium' }) },
                    )
                  : formatMessage(
                      { id: getTranslation('log.updated'), defaultMessage: 'Updated {time}' },
                      { time: formatTime(loadedAt, { timeStyle: 'medium' }) },
                    )}
              </Typography>
              <IconButton
                label={formatMessage({ id: getTranslation('actions.refresh'), defaultMessage: 'Refresh' })}
                onClick={reload}
                disabled={isRefreshing}
                variant="tertiary"
              >
                <ArrowClockwise />
              </IconButton>
            </Flex>
          </Flex>
          {log.data.length === 0 ? (
            <EmptyStateLayout
              content={formatMessage({
                id: getTranslation('log.empty'),
                defaultMessage: 'No deliveries yet. Events are logged here as soon as content this subscriber wants changes.',
              })}
              action={
                canDeliver && subscriber.enabled ? (
                  <SendTestEventButton documentId={documentId} onSent={reload} />
                ) : undefined
              }
              hasRadius
              shadow="filterShadow"
            />
          ) : (
            <Box>
              <DeliveriesTable log={log} canDeliver={canDeliver} onChanged={reload} />
              <Pagination.Root {...pagination} defaultPageSize={DEFAULT_PAGE_SIZE}>
                <Pagination.PageSize options={PAGE_SIZES} />
                <Pagination.Links />
              </Pagination.Root>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** `/plugins/syndication/:documentId`: one subscriber's deliveries, newest first, with every attempt. */
const DeliveryLogPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  if (!documentId) return <Page.Error />;
  return <DeliveryLog key={documentId} documentId={documentId} />;
};

export { DeliveryLogPage };
