/** Offline support: registers the service worker after the page has loaded, and shows what it has to say. */
import { useEffect } from 'react';
import { registerServiceWorker } from './register';
import { UpdateNotice } from './update-notice';

export function OfflineSupport() {
  useEffect(registerServiceWorker, []);
  return <UpdateNotice />;
}
