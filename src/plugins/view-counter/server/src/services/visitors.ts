import { createHmac, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { dayOf } from './view-store';
import { getService } from '../utils/get-service';

/**
 * Who a visitor is, without storing who they are: an HMAC of IP and User-Agent under a
 * random key that changes every UTC day. The key lives in the database so every process
 * agrees on it, and is deleted after a day, after which old hashes cannot be linked back
 * to anyone. (A visit that spans midnight UTC counts again: the price of the rotation.)
 */
export const createVisitorsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { day: string; secret: Promise<string> } | null = null;

  const secretFor = (day: string) => {
    if (cached?.day !== day) {
      const secret = getService(strapi, 'viewStore').daySecret(day, randomBytes(32).toString('hex'));
      cached = { day, secret };
      // A failed lookup (database down) must not stick in the cache.
      secret.catch(() => {
        if (cached?.secret === secret) cached = null;
      });
    }
    return cached.secret;
  };

  const visitorHash = async (ip: string, userAgent: string, at = Date.now()) =>
    createHmac('sha256', await secretFor(dayOf(at)))
      .update(`${ip}\n${userAgent}`)
      .digest('hex')
      .slice(0, 40);

  return { visitorHash };
};

export type VisitorsService = ReturnType<typeof createVisitorsService>;
