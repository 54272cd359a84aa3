import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { APP_ROOT, baseTestEnv } from './helpers/app';

describe('starting without secrets', () => {
  it.each(['APP_KEYS', 'ADMIN_JWT_SECRET', 'JWT_SECRET'])('without %s fails with one line saying what to do, not a stack trace', (missing) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silk-env-'));
    try {
      const result = spawnSync(process.execPath, [path.join(APP_ROOT, 'scripts', 'serve-app.js')], {
        cwd: APP_ROOT,
        // An empty value wins over any .env in the working tree (dotenv never overrides).
        env: { ...process.env, ...baseTestEnv(), DATABASE_FILENAME: path.join(dir, 'data.db'), PORT: '0', [missing]: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringContaining(`${missing} is not set: run "npm run develop" once`)]);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
