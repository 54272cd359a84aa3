'use strict';
/** Admin access to a freshly started app: registers its first admin, then an API token. */

const json = async (response) => {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
};

const registerFirstAdmin = async (url) => {
  const body = await json(
    await fetch(`${url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@silkcouncil.example', password: 'Bench-password-1', firstname: 'Bench', lastname: 'Runner' }),
    }),
  );
  return { Authorization: `Bearer ${body.data.token}` };
};

const createApiToken = async (url, adminAuth, type = 'full-access') => {
  const body = await json(
    await fetch(`${url}/admin/api-tokens`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bench-${type}-${Date.now()}`, type, lifespan: null, description: 'benchmark' }),
    }),
  );
  return { Authorization: `Bearer ${body.data.accessKey}` };
};

module.exports = { json, registerFirstAdmin, createApiToken };
