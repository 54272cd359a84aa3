import fs from 'fs/promises';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';

type Entry = Record<string, unknown> & { slug: string };
type DemoContent = Record<string, Entry[]>;

interface TypePlan {
  /** Key of the list in database/demo-content.json. */
  key: string;
  uid: UID.ContentType;
  /** Fields that name other entries by slug, and the type they point to. */
  relations: Record<string, UID.ContentType>;
  /** Turns the JSON entry into Document Service data (after relations are resolved). */
  toData?: (entry: Entry, documentIdOf: (uid: UID.ContentType, slug: string) => string) => Record<string, unknown>;
}

export interface DemoContentReport {
  created: Record<string, number>;
  existing: Record<string, number>;
}

const ORGANIZATION = 'api::organization.organization';
const OFFICIAL = 'api::official.official';
const MEETING = 'api::meeting.meeting';
const STATEMENT = 'api::statement.statement';
const ARTICLE = 'api::article.article';

const DEMO_CONTENT_FILE = path.join('database', 'demo-content.json');
/** Serializes concurrent loaders on PostgreSQL (several processes booting at once). */
const ADVISORY_LOCK_KEY = 7_004_211;

const paragraphsToBlocks = (paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

/** Types in dependency order: an entry only names entries of types listed before it (or of its own, listed earlier). */
const PLANS: TypePlan[] = [
  { key: 'organizations', uid: ORGANIZATION, relations: { parent: ORGANIZATION } },
  { key: 'officials', uid: OFFICIAL, relations: { organization: ORGANIZATION } },
  { key: 'meetings', uid: MEETING, relations: { participants: OFFICIAL } },
  {
    key: 'statements',
    uid: STATEMENT,
    relations: { issuer: ORGANIZATION, speakers: OFFICIAL, meeting: MEETING },
  },
  {
    key: 'articles',
    uid: ARTICLE,
    relations: {
      publisher: ORGANIZATION,
      officials: OFFICIAL,
      organizations: ORGANIZATION,
      statements: STATEMENT,
      meetings: MEETING,
    },
    toData: ({ paragraphs, sources, ...entry }, documentIdOf) => ({
      ...entry,
      body: paragraphsToBlocks(paragraphs as string[]),
      sources: (sources as Array<{ label: string; url?: string; publisher?: string }>).map((source) => ({
        ...source,
        publisher: source.publisher ? documentIdOf(ORGANIZATION, source.publisher) : undefined,
      })),
    }),
  },
];

export const readDemoContent = async (strapi: Core.Strapi): Promise<DemoContent> => {
  const file = path.join(strapi.dirs.app.root, DEMO_CONTENT_FILE);
  const { $comment, ...content } = JSON.parse(await fs.readFile(file, 'utf8')) as DemoContent & { $comment?: string };
  return content;
};

/**
 * Loads the demo content (database/demo-content.json). Entries are matched by slug: one
 * that exists is left exactly as it is, so running the loader again changes nothing and
 * never overwrites an editor's work. Everything happens in one transaction.
 */
export const loadDemoContent = async (strapi: Core.Strapi): Promise<DemoContentReport> => {
  const content = await readDemoContent(strapi);
  const report: DemoContentReport = { created: {}, existing: {} };

  await strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      await trx.raw('select pg_advisory_xact_lock(?)', [ADVISORY_LOCK_KEY]);
    }
    const documentIds = new Map<string, string>();
    const documentIdOf = (uid: UID.ContentType, slug: string) => {
      const documentId = documentIds.get(`${uid}:${slug}`);
      if (!documentId) throw new Error(`Demo content names an unknown ${uid} "${slug}"`);
      return documentId;
    };

    for (const plan of PLANS) {
      report.created[plan.key] = 0;
      report.existing[plan.key] = 0;
      const hasDraftAndPublish = strapi.contentType(plan.uid).options?.draftAndPublish === true;

      for (const entry of content[plan.key] ?? []) {
        const found = (await strapi.db
          .query(plan.uid)
          .findOne({ where: { slug: entry.slug }, select: ['documentId'] })) as { documentId: string } | null;
        if (found) {
          documentIds.set(`${plan.uid}:${entry.slug}`, found.documentId);
          report.existing[plan.key] += 1;
          continue;
        }

        const resolved: Record<string, unknown> = { ...entry };
        for (const [field, targetUid] of Object.entries(plan.relations)) {
          const value = entry[field];
          if (value === undefined) continue;
          resolved[field] = Array.isArray(value)
            ? value.map((slug: string) => documentIdOf(targetUid, slug))
            : documentIdOf(targetUid, value as string);
        }
        const data = plan.toData ? plan.toData(resolved as Entry, documentIdOf) : resolved;
        const created = await strapi.documents(plan.uid).create({
          data: data as never,
          ...(hasDraftAndPublish ? { status: 'published' as const } : {}),
        });
        documentIds.set(`${plan.uid}:${entry.slug}`, created.documentId);
        report.created[plan.key] += 1;
      }
    }
  });
  return report;
};

const STORE = { type: 'core', name: 'silk-council', key: 'demo-content' } as const;

/**
 * On the first boot of an empty database, loads the demo content once. Afterwards (or when
 * the database already holds articles) it does nothing, so editors who delete the demo
 * entries do not see them come back.
 */
export const loadDemoContentOnce = async (strapi: Core.Strapi) => {
  if (await strapi.store.get(STORE)) return null;
  const articles = await strapi.db.query(ARTICLE).count();
  const report = articles === 0 ? await loadDemoContent(strapi) : null;
  await strapi.store.set({ ...STORE, value: { loadedAt: new Date().toISOString(), loaded: report !== null } });
  return report;
};
