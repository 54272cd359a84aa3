import { useEffect, useState, type KeyboardEvent } from 'react';
import { Box, Flex, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Attempt, AttemptsResponse, Delivery } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';
import { AbsoluteTime, RelativeTime } from './DateTime';
import { AttemptOutcomeBadge } from './StatusBadges';

const MONOSPACE = { fontFamily: 'monospace' };

type AttemptsState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; attempts: Attempt[] };

/** The grid keyboard navigation of the outer deliveries table must not also react to this nested one. */
const containKeys = (event: KeyboardEvent) => event.stopPropagation();

/**
 * Every attempt of one delivery, oldest first. Reloads when the delivery changes (a new attempt,
 * a new status), which the log's auto-refresh notices.
 */
export const AttemptsTable = ({ delivery }: { delivery: Delivery }) => {
  const { formatMessage, formatNumber } = useIntl();
  const { get } = useFetchClient();
  const [state, setState] = useState<AttemptsState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    get<AttemptsResponse>(`/${PLUGIN_ID}/deliveries/${delivery.id}/attempts`)
      .then(({ data }) => active && setState({ status: 'ready', attempts: data.data }))
      .catch(() => active && setState((current) => (current.status === 'ready' ? current : { status: 'error' })));
    return () => {
      active = false;
    };
  }, [get, delivery.id, delivery.attempts, delivery.status]);

  const details = (
    <Flex gap={6} wrap="wrap">
      <Flex direction="column" alignItems="flex-start">
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: getTranslation('attempts.eventId'), defaultMessage: 'Event id (webhook-id)' })}
        </Typography>
        <Typography style={MONOSPACE} textColor="neutral800">
          {delivery.eventId}
        </Typography>
      </Flex>
      {delivery.deliveredAt !== null && (
        <Flex direction="column" alignItems="flex-start">
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: getTranslation('attempts.deliveredAt'), defaultMessage: 'Delivered at' })}
          </Typography>
          <AbsoluteTime value={delivery.deliveredAt} />
        </Flex>
      )}
    </Flex>
  );

  let body;
  if (state.status === 'loading') {
    body = (
      <Loader small>{formatMessage({ id: getTranslation('attempts.loading'), defaultMessage: 'Loading attempts' })}</Loader>
    );
  } else if (state.status === 'error') {
    body = (
      <Typography textColor="danger600">
        {formatMessage({ id: getTranslation('attempts.loadError'), defaultMessage: 'The attempts could not be loaded.' })}
      </Typography>
    );
  } else if (state.attempts.length === 0) {
    body = (
      <Typography textColor="neutral600">
        {delivery.status === 'cancelled'
          ? formatMessage({ id: getTranslation('attempts.noneCancelled'), defaultMessage: 'Cancelled before any attempt.' })
          : formatMessage({ id: getTranslation('attempts.none'), defaultMessage: 'Not attempted yet.' })}
      </Typography>
    );
  } else {
    body = (
      <Table colCount={8} rowCount={state.attempts.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">#</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.startedAt'), defaultMessage: 'Started' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.statusCode'), defaultMessage: 'Status code' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.duration'), defaultMessage: 'Duration' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.outcome'), defaultMessage: 'Outcome' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.error'), defaultMessage: 'Error' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.nextAttempt'), defaultMessage: 'Next retry' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: getTranslation('attempts.worker'), defaultMessage: 'Worker' })}
              </Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {state.attempts.map((attempt) => (
            <Tr key={attempt.attempt}>
              <Td>
                <Typography textColor="neutral800">{formatNumber(attempt.attempt)}</Typography>
              </Td>
              <Td>
                <AbsoluteTime value={attempt.startedAt} />
              </Td>
              <Td>
                <Typography textColor="neutral800" fontWeight="semiBold">
                  {attempt.statusCode ?? '-'}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {formatMessage(
                    { id: getTranslation('attempts.durationMs'), defaultMessage: '{ms} ms' },
                    { ms: formatNumber(attempt.durationMs) },
                  )}
                </Typography>
              </Td>
              <Td>
                <AttemptOutcomeBadge outcome={attempt.outcome} />
              </Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '24rem' }}>
                <Typography textColor={attempt.error ? 'danger600' : 'neutral500'} style={{ wordBreak: 'break-word' }}>
                  {attempt.error ?? '-'}
                </Typography>
              </Td>
              <Td>
                <RelativeTime value={attempt.nextAttemptAt} futureOnly />
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600" style={MONOSPACE}>
                  {attempt.worker}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  }

  return (
    <Box padding={4} background="neutral100" hasRadius onKeyDown={containKeys}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        {details}
        {body}
      </Flex>
    </Box>
  );
};
