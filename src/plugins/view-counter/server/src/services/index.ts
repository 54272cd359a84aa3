import { createRateLimiter } from './rate-limiter';
import { createRecorderService } from './recorder';
import { createReportsService } from './reports';
import { createSettingsService } from './settings';
import { createTrackedTypesService } from './tracked-types';
import { createViewStore } from './view-store';
import { createVisitorsService } from './visitors';

export default {
  recorder: createRecorderService,
  reports: createReportsService,
  settings: createSettingsService,
  trackedTypes: createTrackedTypesService,
  viewStore: createViewStore,
  visitors: createVisitorsService,
  rateLimiter: createRateLimiter,
};
