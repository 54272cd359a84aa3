import { PaperPlane } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { PLUGIN_PAGE } from './api';
import { DeliveriesPanel } from './components/DeliveriesPanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: PLUGIN_PAGE,
      icon: PaperPlane,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Syndication' },
      Component: () => import('./pages/App'),
      permissions: PERMISSIONS.read,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Syndication' });
  },

  bootstrap(app) {
    (app.getPlugin('content-manager').apis as ContentManagerApis).addEditViewSidePanel([DeliveriesPanel]);
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
