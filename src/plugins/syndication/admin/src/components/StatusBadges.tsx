import { Badge, Flex, Typography, type BadgeProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { DELIVERY_STATUSES, type AttemptOutcome, type Delivery, type DeliveryStatus, type StatusCounts } from '../api';
import { getTranslation } from '../utils/getTranslation';

type BadgeVariant = NonNullable<BadgeProps['variant']>;

const STATUS_VARIANTS: Record<DeliveryStatus, BadgeVariant> = {
  delivered: 'success',
  pending: 'secondary',
  failed: 'danger',
  cancelled: 'neutral',
};

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  delivered: 'Delivered',
  pending: 'Pending',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const useStatusLabel = () => {
  const { formatMessage } = useIntl();
  return (status: DeliveryStatus) =>
    formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: STATUS_LABELS[status] });
};

const isSuccess = (statusCode: number | null) => statusCode !== null && statusCode >= 200 && statusCode < 300;

type BadgeDelivery = Pick<Delivery, 'status' | 'attempts' | 'lastStatusCode' | 'lastError'>;

/** Pending after a failed attempt: waiting for a retry (not a redelivery queued by an admin). */
const isRetrying = (delivery: BadgeDelivery) =>
  delivery.status === 'pending' && delivery.attempts > 0 && (delivery.lastError !== null || !isSuccess(delivery.lastStatusCode));

export const DeliveryStatusBadge = ({ delivery }: { delivery: BadgeDelivery }) => {
  const { formatMessage } = useIntl();
  const statusLabel = useStatusLabel();
  if (isRetrying(delivery)) {
    return (
      <Badge variant="warning">{formatMessage({ id: getTranslation('status.retrying'), defaultMessage: 'Retrying' })}</Badge>
    );
  }
  return <Badge variant={STATUS_VARIANTS[delivery.status] ?? 'neutral'}>{statusLabel(delivery.status)}</Badge>;
};

const OUTCOME_VARIANTS: Record<string, BadgeVariant> = {
  delivered: 'success',
  retry: 'warning',
  failed: 'danger',
  gone: 'danger',
};

const OUTCOME_LABELS: Record<string, string> = {
  delivered: 'Delivered',
  retry: 'Will retry',
  failed: 'Failed',
  gone: 'Gone',
  cancelled: 'Cancelled',
};

export const AttemptOutcomeBadge = ({ outcome }: { outcome: AttemptOutcome }) => {
  const { formatMessage } = useIntl();
  const label = OUTCOME_LABELS[outcome]
    ? formatMessage({ id: getTranslation(`outcome.${outcome}`), defaultMessage: OUTCOME_LABELS[outcome] })
    : outcome;
  return <Badge variant={OUTCOME_VARIANTS[outcome] ?? 'neutral'}>{label}</Badge>;
};

export const SubscriberStateBadge = ({ enabled }: { enabled: boolean }) => {
  const { formatMessage } = useIntl();
  return enabled ? (
    <Badge variant="success">{formatMessage({ id: getTranslation('subscriber.enabled'), defaultMessage: 'Enabled' })}</Badge>
  ) : (
    <Badge variant="danger">{formatMessage({ id: getTranslation('subscriber.disabled'), defaultMessage: 'Disabled' })}</Badge>
  );
};

const COUNT_LABELS: Record<DeliveryStatus, string> = {
  delivered: '{count} delivered',
  pending: '{count} pending',
  failed: '{count} failed',
  cancelled: '{count} cancelled',
};

/** A badge per delivery status ("12 delivered", "1 pending"); statuses with no delivery are left out. */
export const StatusCountsSummary = ({ counts }: { counts: StatusCounts | undefined }) => {
  const { formatMessage, formatNumber } = useIntl();

  if (!counts) {
    return <Typography textColor="neutral500">-</Typography>;
  }
  const present = DELIVERY_STATUSES.filter((status) => (counts[status] ?? 0) > 0);
  if (present.length === 0) {
    return (
      <Typography textColor="neutral600">
        {formatMessage({ id: getTranslation('counts.none'), defaultMessage: 'No deliveries yet' })}
      </Typography>
    );
  }
  return (
    <Flex gap={1} wrap="wrap">
      {present.map((status) => (
        <Badge key={status} variant={STATUS_VARIANTS[status]}>
          {formatMessage(
            { id: getTranslation(`counts.${status}`), defaultMessage: COUNT_LABELS[status] },
            { count: formatNumber(counts[status] ?? 0) },
          )}
        </Badge>
      ))}
    </Flex>
  );
};
