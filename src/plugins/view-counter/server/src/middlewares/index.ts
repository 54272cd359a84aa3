import { viewsInResponses } from './views-in-responses';

export default { 'views-in-responses': viewsInResponses };
