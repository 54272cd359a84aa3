import {
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
import { ArrowClockwise, List, Pencil, Plus } from '@strapi/icons';
import {
  isFetchError,
  Layouts,
  Page,
  Pagination,
  useAPIErrorHandler,
  useRBAC,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import {
  deliveryLogPath,
  MAX_PAGE_SIZE,
  SUBSCRIBER_UID,
  subscriberCreatePath,
  subscriberEditPath,
  type Catalog,
  type ContentTypeSummary,
  type Subscriber,
} from '../api';
import { ColumnHeader } from '../components/ColumnHeader';
import { SendTestEventButton } from '../components/DeliveryActions';
import { StatusCountsSummary, SubscriberStateBadge } from '../components/StatusBadges';
import { useCatalog } from '../hooks/useCatalog';
import { useContentTypeLinks } from '../hooks/useContentTypeLinks';
import { usePageParams } from '../hooks/usePageParams';
import { useSubscriberCounts, useSubscribers, type CountsByDocumentId } from '../hooks/useSubscribers';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

const DEFAULT_PAGE_SIZE = 25;
const PAGE_SIZES = ['10', '25', '50', '100'];
const COLUMNS = 5;
const CREATE_PERMISSIONS = [{ action: 'plugin::content-manager.explorer.create', subject: SUBSCRIBER_UID }];

/** Empty (or everything) means all; otherwise the caller's short label, with the full list as its tooltip. */
const describeSelection = (chosen: string[] | null, all: string[] | undefined, allLabel: string, someLabel: string) => {
  const selected = chosen ?? [];
  const isAll = selected.length === 0 || (all !== undefined && all.every((item) => selected.includes(item)));
  return isAll ? { label: allLabel, title: undefined } : { label: someLabel, title: selected.join(', ') };
};

interface SubscriberRowProps {
  subscriber: Subscriber;
  contentTypes: ReadonlyMap<string, ContentTypeSummary>;
  counts: CountsByDocumentId;
  catalog: Catalog | null;
  canDeliver: boolean;
  onChanged: () => void;
}

const SubscriberRow = ({ subscriber, contentTypes, counts, catalog, canDeliver, onChanged }: SubscriberRowProps) => {
  const { formatMessage } = useIntl();
  const subscriberCounts = counts.get(subscriber.documentId);
  const events = describeSelection(
    subscriber.events,
    catalog?.events,
    formatMessage({ id: getTranslation('subscribers.events.all'), defaultMessage: 'All events' }),
    formatMessage(
      { id: getTranslation('subscribers.events.some'), defaultMessage: '{count, plural, one {# event} other {# events}}' },
      { count: subscriber.events?.length ?? 0 },
    ),
  );
  const types = describeSelection(
    subscriber.contentTypes,
    catalog?.contentTypes,
    formatMessage({ id: getTranslation('subscribers.types.all'), defaultMessage: 'all content types' }),
    (subscriber.contentTypes ?? []).map((name) => contentTypes.get(name)?.info.displayName ?? name).join(', '),
  );

  return (
    <Tr>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Link tag={RouterLink} to={deliveryLogPath(subscriber.documentId)}>
            {subscriber.name}
          </Link>
          <Typography
            variant="pi"
            textColor="neutral600"
            ellipsis
            title={subscriber.url}
            style={{ display: 'block', maxWidth: '22rem' }}
          >
            {subscriber.url}
          </Typography>
        </Flex>
      </Td>
      <Td style={{ whiteSpace: 'normal', maxWidth: '18rem' }}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <SubscriberStateBadge enabled={subscriber.enabled} />
          {!subscriber.enabled && subscriber.disabledReason && (
            <Typography variant="pi" textColor="neutral600">
              {subscriber.disabledReason}
            </Typography>
          )}
        </Flex>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="neutral800" title={events.title}>
            {events.label}
          </Typography>
          <Typography variant="pi" textColor="neutral600" title={types.title}>
            {types.label}
          </Typography>
        </Flex>
      </Td>
      <Td style={{ whiteSpace: 'normal' }}>
        {subscriberCounts === null ? (
          <Typography textColor="danger600">
            {formatMessage({ id: getTranslation('subscribers.counts.error'), defaultMessage: 'Counts unavailable' })}
          </Typography>
        ) : (
          <StatusCountsSummary counts={subscriberCounts} />
        )}
      </Td>
      <Td>
        <Flex gap={1} justifyContent="flex-end">
          <IconButton
            tag={RouterLink}
            to={deliveryLogPath(subscriber.documentId)}
            label={formatMessage({ id: getTranslation('actions.viewLog'), defaultMessage: 'View delivery log' })}
            variant="ghost"
          >
            <List />
          </IconButton>
          <IconButton
            tag={RouterLink}
            to={subscriberEditPath(subscriber.documentId)}
            label={formatMessage({ id: getTranslation('actions.edit'), defaultMessage: 'Edit subscriber' })}
            variant="ghost"
          >
            <Pencil />
          </IconButton>
          {canDeliver && (
            <SendTestEventButton
              documentId={subscriber.documentId}
              disabled={!subscriber.enabled}
              onSent={onChanged}
              display="icon"
            />
          )}
        </Flex>
      </Td>
    </Tr>
  );
};

/** `/plugins/syndication`: every subscriber with its state and delivery counts. */
const SubscribersPage = () => {
  const { formatMessage } = useIntl();
  const { formatAPIError } = useAPIErrorHandler(getTranslation);
  const { page, pageSize } = usePageParams(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const { state, reload, version } = useSubscribers(page, pageSize);
  const counts = useSubscriberCounts(state.status === 'ready' ? state.list.results : undefined, version);
  const catalog = useCatalog();
  const contentTypes = useContentTypeLinks();
  const {
    allowedActions: { canDeliver },
  } = useRBAC(PERMISSIONS.deliver);
  const {
    allowedActions: { canCreate },
  } = useRBAC(CREATE_PERMISSIONS);

  const title = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Syndication' });

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') {
    // The list comes from the Content Manager, which needs its own read permission on subscribers.
    if (isFetchError(state.error) && state.error.status === 403) {
      return (
        <Page.NoPermissions
          content={formatMessage({
            id: getTranslation('subscribers.forbidden'),
            defaultMessage: 'Listing subscribers needs the Content Manager permission to read Syndication subscribers.',
          })}
        />
      );
    }
    return <Page.Error content={isFetchError(state.error) ? formatAPIError(state.error) : undefined} />;
  }

  const { results, pagination } = state.list;
  const addButton = canCreate ? (
    <LinkButton tag={RouterLink} to={subscriberCreatePath()} startIcon={<Plus />}>
      {formatMessage({ id: getTranslation('subscribers.add'), defaultMessage: 'Add subscriber' })}
    </LinkButton>
  ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('subscribers.description'),
          defaultMessage: 'Partners that receive signed webhooks. Open one to see every delivery and attempt.',
        })}
        primaryAction={
          <Flex gap={2}>
            <IconButton
              label={formatMessage({ id: getTranslation('actions.refresh'), defaultMessage: 'Refresh' })}
              onClick={reload}
              variant="tertiary"
            >
              <ArrowClockwise />
            </IconButton>
            {addButton}
          </Flex>
        }
      />
      <Layouts.Content>
        {results.length === 0 ? (
          <EmptyStateLayout
            content={formatMessage({
              id: getTranslation('subscribers.empty'),
              defaultMessage: 'No subscribers yet. Add a partner endpoint to start sending webhooks.',
            })}
            action={addButton}
            hasRadius
            shadow="filterShadow"
          />
        ) : (
          <>
            <Table colCount={COLUMNS} rowCount={results.length + 1}>
              <Thead>
                <Tr>
                  <ColumnHeader>{formatMessage({ id: getTranslation('subscribers.column.name'), defaultMessage: 'Subscriber' })}</ColumnHeader>
                  <ColumnHeader>{formatMessage({ id: getTranslation('subscribers.column.state'), defaultMessage: 'State' })}</ColumnHeader>
                  <ColumnHeader>
                    {formatMessage({ id: getTranslation('subscribers.column.subscribedTo'), defaultMessage: 'Subscribed to' })}
                  </ColumnHeader>
                  <ColumnHeader>
                    {formatMessage({ id: getTranslation('subscribers.column.deliveries'), defaultMessage: 'Deliveries' })}
                  </ColumnHeader>
                  <Th>
                    <VisuallyHidden>
                      {formatMessage({ id: getTranslation('actions.column'), defaultMessage: 'Actions' })}
                    </VisuallyHidden>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {results.map((subscriber) => (
                  <SubscriberRow
                    key={subscriber.documentId}
                    subscriber={subscriber}
                    contentTypes={contentTypes}
                    counts={counts}
                    catalog={catalog}
                    canDeliver={canDeliver}
                    onChanged={reload}
                  />
                ))}
              </Tbody>
            </Table>
            <Pagination.Root {...pagination} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={PAGE_SIZES} />
              <Pagination.Links />
            </Pagination.Root>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export { SubscribersPage };
