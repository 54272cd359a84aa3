const permission = (action: 'read' | 'reset' | 'settings') => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::view-counter.${action}`] } },
  ],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/content-types', handler: 'admin.contentTypes', config: permission('read') },
    { method: 'GET', path: '/totals', handler: 'admin.totals', config: permission('read') },
    { method: 'GET', path: '/views/:type/:documentId', handler: 'admin.series', config: permission('read') },
    { method: 'GET', path: '/top', handler: 'admin.top', config: permission('read') },
    { method: 'DELETE', path: '/views/:type/:documentId', handler: 'admin.reset', config: permission('reset') },
    { method: 'GET', path: '/settings', handler: 'admin.getSettings', config: permission('settings') },
    { method: 'PUT', path: '/settings', handler: 'admin.updateSettings', config: permission('settings') },
  ],
};
