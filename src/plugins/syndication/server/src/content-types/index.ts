import subscriberSchema from './subscriber/schema.json';

export default {
  subscriber: { schema: subscriberSchema },
};
