import admin from './admin';
import feeds from './feeds';

export default { admin, feeds };
