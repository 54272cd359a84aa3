import type { Core } from '@strapi/strapi';
import type { RateLimiterService } from '../services/rate-limiter';
import type { RecorderService } from '../services/recorder';
import type { ReportsService } from '../services/reports';
import type { SettingsService } from '../services/settings';
import type { TrackedTypesService } from '../services/tracked-types';
import type { ViewStoreService } from '../services/view-store';
import type { VisitorsService } from '../services/visitors';

export const PLUGIN_ID = 'view-counter';

interface Services {
  recorder: RecorderService;
  reports: ReportsService;
  settings: SettingsService;
  trackedTypes: TrackedTypesService;
  viewStore: ViewStoreService;
  visitors: VisitorsService;
  rateLimiter: RateLimiterService;
}

export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
