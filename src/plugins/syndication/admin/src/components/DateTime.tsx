import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNow } from '../hooks/useNow';
import { getTranslation } from '../utils/getTranslation';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** The largest unit that fits, so a delay reads "in 2 hours" rather than "in 7,200 seconds". */
const relativeParts = (deltaMs: number): [number, Intl.RelativeTimeFormatUnit] => {
  const [unit, size] = UNITS.find(([, length]) => Math.abs(deltaMs) >= length) ?? UNITS[UNITS.length - 1];
  return [Math.round(deltaMs / size), unit];
};

const ABSOLUTE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/** An absolute date and time, e.g. "12 Mar 2026, 10:31:05". */
export const AbsoluteTime = ({ value }: { value: number | null }) => {
  const { formatDate } = useIntl();
  if (value === null) return <Typography textColor="neutral500">-</Typography>;
  return <Typography textColor="neutral800">{formatDate(value, ABSOLUTE)}</Typography>;
};

interface RelativeTimeProps {
  value: number | null;
  /** Replaces a relative time in the past, e.g. a retry that is due and about to be sent. */
  dueLabel?: string;
  /** Shows a time in the past as absolute only, e.g. a retry that has already happened. */
  futureOnly?: boolean;
}

/** A time both ways: relative ("in 25 seconds", "3 minutes ago"), ticking, and absolute below. */
export const RelativeTime = ({ value, dueLabel, futureOnly }: RelativeTimeProps) => {
  const { formatDate, formatRelativeTime, formatMessage } = useIntl();
  const now = useNow();
  if (value === null) return <Typography textColor="neutral500">-</Typography>;
  if (futureOnly && value <= now) return <AbsoluteTime value={value} />;

  const [amount, unit] = relativeParts(value - now);
  const relative =
    dueLabel && value <= now
      ? dueLabel
      : amount === 0
        ? formatMessage({ id: getTranslation('time.now'), defaultMessage: 'now' })
        : formatRelativeTime(amount, unit, { numeric: 'auto' });
  const absolute = formatDate(value, ABSOLUTE);
  return (
    <Flex direction="column" alignItems="flex-start" gap={0}>
      <Typography textColor="neutral800" title={absolute}>
        {relative}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {absolute}
      </Typography>
    </Flex>
  );
};
