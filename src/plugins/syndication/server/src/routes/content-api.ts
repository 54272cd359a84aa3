export default {
  type: 'content-api',
  // Public feed URLs are /api/feeds/..., not /api/syndication/feeds/...
  prefix: '',
  routes: [{ method: 'GET', path: '/feeds/articles.:format', handler: 'feeds.find' }],
};
