import { useQueryParams } from '@strapi/strapi/admin';

const positiveInt = (value: unknown, fallback: number, max: number) => {
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
};

/** `page` and `pageSize` from the URL, where the admin's `Pagination` component writes them. */
export const usePageParams = (defaultPageSize: number, maxPageSize: number) => {
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  return {
    page: positiveInt(query.page, 1, Number.MAX_SAFE_INTEGER),
    pageSize: positiveInt(query.pageSize, defaultPageSize, maxPageSize),
  };
};
