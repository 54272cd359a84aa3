import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DailyViews } from '../api';
import { getTranslation } from '../utils/getTranslation';

const HEIGHT = 64;
const BAR_WIDTH = 8;
const GAP = 2;
/** Days without views still get a sliver, so the 30 slots stay visible. */
const MIN_BAR_HEIGHT = 1;

/** `date` is a UTC day (YYYY-MM-DD) from the server. */
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** One bar per day, oldest first; every bar names its date and count for tooltips and screen readers. */
const DailyViewsChart = ({ days }: { days: DailyViews[] }) => {
  const { formatDate, formatMessage } = useIntl();
  const max = Math.max(1, ...days.map((day) => day.views));
  const width = days.length * (BAR_WIDTH + GAP) - GAP;
  const dayLabel = (date: string, short = false) =>
    formatDate(utcDay(date), short ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });

  if (days.length === 0) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Box color="primary600">
        <svg
          role="group"
          aria-label={formatMessage(
            { id: getTranslation('panel.chart.label'), defaultMessage: 'Views per day, last {count} days' },
            { count: days.length },
          )}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          width="100%"
          height={HEIGHT}
          style={{ display: 'block' }}
        >
          {days.map((day, index) => {
            const label = formatMessage(
              { id: getTranslation('panel.chart.bar'), defaultMessage: '{date}: {views, plural, one {# view} other {# views}}' },
              { date: dayLabel(day.date), views: day.views },
            );
            const height = Math.max(MIN_BAR_HEIGHT, (day.views / max) * HEIGHT);
            const x = index * (BAR_WIDTH + GAP);
            return (
              <g key={day.date} role="img" aria-label={label}>
                <title>{label}</title>
                {/* A full-height transparent target, so a tooltip shows on low bars too. */}
                <rect x={x} y={0} width={BAR_WIDTH} height={HEIGHT} fill="transparent" />
                <rect
                  x={x}
                  y={HEIGHT - height}
                  width={BAR_WIDTH}
                  height={height}
                  rx={1}
                  fill="currentColor"
                  fillOpacity={day.views === 0 ? 0.3 : 1}
                />
              </g>
            );
          })}
        </svg>
      </Box>
      <Flex justifyContent="space-between" aria-hidden>
        <Typography variant="pi" textColor="neutral600">
          {dayLabel(days[0].date, true)}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {dayLabel(days[days.length - 1].date, true)}
        </Typography>
      </Flex>
    </Flex>
  );
};

export { DailyViewsChart };
