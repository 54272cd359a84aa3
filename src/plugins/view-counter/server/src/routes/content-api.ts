export default {
  type: 'content-api',
  routes: [
    {
      method: 'POST',
      path: '/views',
      handler: 'views.record',
      // A beacon from any anonymous browser. It costs no users-permissions lookup; abuse is
      // handled by validation, bot filtering, the dedupe window and the rate limit.
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/views/:type/:documentId',
      handler: 'series.findOne',
    },
    {
      method: 'GET',
      path: '/top',
      handler: 'top.find',
    },
  ],
};
