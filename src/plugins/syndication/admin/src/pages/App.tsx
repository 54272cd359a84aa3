import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { DeliveryLogPage } from './DeliveryLogPage';
import { SubscribersPage } from './SubscribersPage';

/** Mounted by the menu link at `/plugins/syndication/*`. */
const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<SubscribersPage />} />
      <Route path=":documentId" element={<DeliveryLogPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
