import type { ReactNode } from 'react';
import { Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { getTrackedType } from '../trackedTypes';
import { getTranslation } from '../utils/getTranslation';
import { useViewTotal } from '../viewTotals';

/** The parts of the Content Manager's list-view header this plugin reads or writes. */
interface ListViewHeader {
  attribute: { type: string };
  label: string | MessageDescriptor;
  name: string;
  searchable?: boolean;
  sortable?: boolean;
  cellFormatter?: (
    row: { documentId: string },
    header: Omit<ListViewHeader, 'cellFormatter'>,
    meta: { collectionType: string; model: string },
  ) => ReactNode;
}

interface InjectColumnArgs {
  displayedHeaders: ListViewHeader[];
  layout: unknown;
  /** Not passed by Strapi 5.54 (only `displayedHeaders` and `layout`); used if a later version does. */
  model?: string;
}

const LIST_VIEW_PATH = /\/content-manager\/collection-types\/([^/?#]+)/;

/**
 * The list view runs the hook while rendering the route `content-manager/collection-types/:slug`,
 * and the layout it passes carries no UID, so the model is read from that route.
 */
const listViewModel = () => {
  const match = LIST_VIEW_PATH.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
};

const ViewsCell = ({ model, documentId }: { model: string; documentId: string }) => {
  const { formatMessage, formatNumber } = useIntl();
  const total = useViewTotal(getTrackedType(model)?.name, documentId);

  if (typeof total !== 'number') {
    return (
      <Typography
        textColor="neutral600"
        aria-label={formatMessage({ id: getTranslation('list.cell.unknown'), defaultMessage: 'Views not loaded' })}
      >
        -
      </Typography>
    );
  }
  return <Typography textColor="neutral800">{formatNumber(total)}</Typography>;
};

/** Handler for the `Admin/CM/pages/ListView/inject-column-in-table` hook. */
export const addViewsColumn = (args: InjectColumnArgs): InjectColumnArgs => {
  if (!getTrackedType(args.model ?? listViewModel())) return args;
  return {
    ...args,
    displayedHeaders: [
      ...args.displayedHeaders,
      {
        attribute: { type: 'custom' },
        name: 'views',
        label: { id: getTranslation('list.column.views'), defaultMessage: 'Views' },
        searchable: false,
        sortable: false,
        cellFormatter: (row, _header, meta) => <ViewsCell model={meta.model} documentId={row.documentId} />,
      },
    ],
  };
};
