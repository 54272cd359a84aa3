import admin from './admin';
import views from './views';

export default { admin, views };
