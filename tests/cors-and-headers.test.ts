import { startTestApp, type TestApp } from './helpers/app';
import { createAdmin } from './helpers/admin';

const FRONTEND = 'https://www.silkcouncil.example';
const STRANGER = 'https://evil.example';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ FRONTEND_URL: `${FRONTEND}/some/path` });
});
afterAll(async () => {
  await app?.stop();
});

const preflight = (path: string, origin: string) =>
  app.http().options(path).set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');

describe('CORS', () => {
  it.each(['/api/articles', '/api/view-counter/views', '/api/feeds/articles.json'])('lets the frontend origin call %s', async (path) => {
    const response = await app.http().get(path).set('Origin', FRONTEND);
    expect(response.headers['access-control-allow-origin']).toBe(FRONTEND);
    const options = await preflight(path, FRONTEND);
    expect(options.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(options.headers['access-control-allow-methods']).toContain('POST');
  });

  it.each(['/api/articles', '/api/view-counter/views'])('gives any other origin no CORS access to %s', async (path) => {
    const response = await app.http().get(path).set('Origin', STRANGER);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight(path, STRANGER)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(['/admin/login', '/admin/init', '/content-manager/collection-types/api::article.article', '/view-counter/settings'])(
    'does not open the admin (%s) to the frontend origin',
    async (path) => {
      expect((await preflight(path, FRONTEND)).headers['access-control-allow-origin']).toBeUndefined();
      expect((await app.http().get(path).set('Origin', FRONTEND)).headers['access-control-allow-origin']).toBeUndefined();
    },
  );

  it('still lets the admin panel log in from its own origin', async () => {
    expect((await createAdmin(app)).token).toEqual(expect.any(String));
  });
});

describe('security headers', () => {
  it.each(['/api/articles', '/admin/init', '/api/feeds/articles.rss'])('stay on for %s', async (path) => {
    const response = await app.http().get(path);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['referrer-policy']).toBeDefined();
  });
});
