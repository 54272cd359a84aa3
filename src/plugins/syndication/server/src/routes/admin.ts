const permission = (action: 'read' | 'deliver') => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::syndication.${action}`] } },
  ],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/catalog', handler: 'admin.catalog', config: permission('read') },
    { method: 'GET', path: '/subscribers/:documentId/deliveries', handler: 'admin.deliveries', config: permission('read') },
    { method: 'GET', path: '/deliveries/:id/attempts', handler: 'admin.attempts', config: permission('read') },
    { method: 'POST', path: '/deliveries/:id/redeliver', handler: 'admin.redeliver', config: permission('deliver') },
    { method: 'POST', path: '/subscribers/:documentId/test', handler: 'admin.sendTest', config: permission('deliver') },
  ],
};
