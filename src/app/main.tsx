import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLocale } from '../ui/i18n/i18n';
import { browserLocale } from '../ui/i18n/locale';
import { captureInstallPrompt } from '../ui/push/install-prompt';
import { App } from './App';
import { registerServiceWorker } from './pwa';
import '../ui/theme.css';

// Before anything else: the browser offers installing once, early in the page's life.
captureInstallPrompt();

// The browser's language, if not English, is fetched before the first render so it
// does not start in English; a failure starts in English rather than not at all.
void loadLocale(browserLocale())
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );

void registerServiceWorker();
