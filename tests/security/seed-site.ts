import crypto from 'crypto';
import { createAdmin, createApiToken, type AdminSession } from '../helpers/admin';
import type { TestApp } from '../helpers/app';
import { contentManager } from '../helpers/content-manager';
import { ARTICLE, MEETING, OFFICIAL, ORGANIZATION, STATEMENT } from '../helpers/content-types';
import { createSubscriber } from '../helpers/syndication';
import type { Actor, ContentPath } from './hostile-requests';

/** Every never-published title starts with this, so a draft leaking into any response shows. */
export const DRAFT_MARKER = 'Unpublished draft';

export interface SeededSite {
  /** The super admin who wrote everything (so every document has createdBy/updatedBy), logged in once. */
  admin: AdminSession;
  /** documentId of a published document per REST path. */
  published: Record<ContentPath, string>;
  /** documentId of a never-published document per draft & publish type. */
  drafts: Record<'articles' | 'statements' | 'meetings', string>;
  /** A users-permissions account (a reader of the site). */
  user: { id: number; username: string; email: string };
  subscriber: { documentId: string; secret: string };
  /** Authorization headers per actor of the content API. */
  credentials: Record<Actor, Record<string, string>>;
}

const documentIdOf = (response: { status: number; body: { data?: { documentId?: string } } }) => {
  const documentId = response.body?.data?.documentId;
  if (response.status >= 300 || !documentId)
    throw new Error(`Seeding failed: ${response.status} ${JSON.stringify(response.body)}`);
  return documentId;
};

/**
 * A small site written the way editors write it (through the Content Manager, as a super
 * admin), with drafts, a reader account, a webhook subscriber and both kinds of API token:
 * everything a hostile client might try to reach.
 */
export const seedSite = async (app: TestApp, subscriberUrl: string): Promise<SeededSite> => {
  const admin = await createAdmin(app);
  const cm = contentManager(app, admin);
  const suffix = crypto.randomBytes(3).toString('hex');

  const organization = documentIdOf(await cm.create(ORGANIZATION, { name: 'Press Office', kind: 'press-office', country: 'CN' }));
  const official = documentIdOf(await cm.create(OFFICIAL, { fullName: 'Yang Jiechi', organization }));
  const meeting = documentIdOf(
    await cm.createPublished(MEETING, { title: 'Rome talks', date: '2022-03-14', participants: [official] }),
  );
  const statement = documentIdOf(
    await cm.createPublished(STATEMENT, {
      title: 'Statement on Sino-American relations',
      issuer: organization,
      speakers: [official],
      meeting,
    }),
  );
  const article = documentIdOf(
    await cm.createPublished(ARTICLE, {
      title: 'Recent China-US talks',
      officials: [official],
      statements: [statement],
      meetings: [meeting],
      publisher: organization,
    }),
  );
  const drafts = {
    articles: documentIdOf(await cm.create(ARTICLE, { title: `${DRAFT_MARKER} article ${suffix}`, officials: [official] })),
    statements: documentIdOf(await cm.create(STATEMENT, { title: `${DRAFT_MARKER} statement ${suffix}`, speakers: [official] })),
    meetings: documentIdOf(
      await cm.create(MEETING, { title: `${DRAFT_MARKER} meeting ${suffix}`, date: '2022-04-01', participants: [official] }),
    ),
  };

  const authenticated = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } })) as { id: number };
  const reader = (await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `reader${suffix}`,
      email: `reader-${suffix}@silkcouncil.test`,
      password: `Reader-${suffix}-Passw0rd`,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: authenticated.id,
    })) as {
    id: number;
    username: string;
    email: string;
  };

  const subscriber = await createSubscriber(app.strapi, { name: 'Partner newsroom', url: subscriberUrl });

  return {
    admin,
    published: { organizations: organization, officials: official, meetings: meeting, statements: statement, articles: article },
    drafts,
    user: { id: reader.id, username: reader.username, email: reader.email },
    subscriber: { documentId: subscriber.documentId, secret: subscriber.secret },
    credentials: {
      public: {},
      'read-only token': await createApiToken(app.strapi, 'read-only'),
      'full-access token': await createApiToken(app.strapi, 'full-access'),
    },
  };
};
