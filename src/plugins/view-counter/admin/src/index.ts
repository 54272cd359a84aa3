import { Eye } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Initializer } from './components/Initializer';
import { addViewsColumn } from './components/ViewsColumn';
import { ViewsPanel } from './components/ViewsPanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    // isReady: false makes the admin wait for the Initializer, which loads the tracked types.
    app.registerPlugin({ id: PLUGIN_ID, name: 'View counter', initializer: Initializer, isReady: false });

    app.widgets.register({
      id: 'most-viewed',
      pluginId: PLUGIN_ID,
      icon: Eye,
      title: { id: getTranslation('widget.title'), defaultMessage: 'Most viewed this week' },
      component: async () => (await import('./components/MostViewedWidget')).MostViewedWidget,
      permissions: PERMISSIONS.read,
    });

    app.addSettingsLink('global', {
      id: PLUGIN_ID,
      to: PLUGIN_ID,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'View counter' },
      Component: () => import('./pages/Settings'),
      permissions: PERMISSIONS.settings,
    });
  },

  bootstrap(app) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addViewsColumn);
    (app.getPlugin('content-manager').apis as ContentManagerApis).addEditViewSidePanel([ViewsPanel]);
  },

  async registerTrads({ locales }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Record<string, string>;
          };
          const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};

export default plugin;
