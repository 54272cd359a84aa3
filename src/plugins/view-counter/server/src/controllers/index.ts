import admin from './admin';
import series from './series';
import top from './top';
import views from './views';

export default { admin, series, top, views };
