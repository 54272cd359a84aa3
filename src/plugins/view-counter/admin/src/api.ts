/** Shapes of the plugin's admin routes (server/src/routes/admin.ts). */

export interface TrackedType {
  uid: string;
  /** The content type's singular name, used as `type` in the other routes. */
  name: string;
}

export interface DailyViews {
  date: string;
  views: number;
}

export interface ViewSeries {
  type: string;
  documentId: string;
  total: number;
  days: DailyViews[];
}

export interface TopDocument {
  documentId: string;
  title: string | null;
  slug: string | null;
  views: number;
}

export interface Settings {
  dedupeMinutes: number;
  excludeBots: boolean;
  rateLimit: number;
}

export interface ContentTypesResponse {
  data: TrackedType[];
}

export interface TotalsResponse {
  data: Record<string, number>;
}

export interface SeriesResponse {
  data: ViewSeries;
}

export interface TopResponse {
  data: TopDocument[];
}

export interface SettingsResponse {
  data: { settings: Settings; defaults: Settings };
}

/** The totals route accepts at most this many documentIds per request. */
export const MAX_TOTALS_IDS = 100;
