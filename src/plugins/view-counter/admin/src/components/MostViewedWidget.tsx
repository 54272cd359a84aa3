import { useEffect, useState } from 'react';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { TopDocument, TopResponse, TrackedType } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { useTrackedTypes } from '../trackedTypes';
import { getTranslation } from '../utils/getTranslation';

const LIMIT = 5;
const PERIOD = '7d';

interface RankedDocument extends TopDocument {
  contentType: TrackedType;
}

type TopState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; documents: RankedDocument[] };

/** The most viewed published entries of the last 7 days, across every tracked content type. */
const MostViewedWidget = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const trackedTypes = useTrackedTypes();
  const [state, setState] = useState<TopState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    Promise.all(
      [...trackedTypes.values()].map((contentType) =>
        get<TopResponse>(`/${PLUGIN_ID}/top`, { params: { type: contentType.name, period: PERIOD, limit: LIMIT } }).then(
          ({ data }) => data.data.map((document) => ({ ...document, contentType })),
        ),
      ),
    )
      .then((lists) => {
        const documents = lists
          .flat()
          .filter((document) => document.views > 0)
          .sort((a, b) => b.views - a.views)
          .slice(0, LIMIT);
        if (active) setState({ status: 'ready', documents });
      })
      .catch(() => active && setState({ status: 'error' }));
    return () => {
      active = false;
    };
  }, [get, trackedTypes]);

  if (state.status === 'loading') return <Widget.Loading />;
  if (state.status === 'error') return <Widget.Error />;
  if (state.documents.length === 0) {
    return (
      <Widget.NoData>
        {formatMessage({ id: getTranslation('widget.empty'), defaultMessage: 'No views recorded this week' })}
      </Widget.NoData>
    );
  }

  const showType = trackedTypes.size > 1;
  return (
    <Table colCount={showType ? 3 : 2} rowCount={state.documents.length}>
      <Tbody>
        {state.documents.map((document) => {
          const title = document.title || document.slug || document.documentId;
          return (
            <Tr key={`${document.contentType.uid}:${document.documentId}`}>
              <Td>
                <Typography
                  tag={Link}
                  to={`/content-manager/collection-types/${document.contentType.uid}/${document.documentId}`}
                  textColor="primary600"
                  ellipsis
                  title={title}
                  style={{ display: 'block', maxWidth: '24rem' }}
                >
                  {title}
                </Typography>
              </Td>
              {showType && (
                <Td>
                  <Typography textColor="neutral600">{document.contentType.name}</Typography>
                </Td>
              )}
              <Td>
                <Typography textColor="neutral800" fontWeight="semiBold">
                  {formatMessage(
                    {
                      id: getTranslation('widget.views'),
                      defaultMessage: '{views, plural, one {# view} other {# views}}',
                    },
                    { views: document.views },
                  )}
                </Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

export { MostViewedWidget };
