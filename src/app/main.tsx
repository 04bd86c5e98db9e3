import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureInstallPrompt } from '../ui/push/install-prompt';
import { App } from './App';
import { registerServiceWorker } from './pwa';
import '../ui/theme.css';

// Before anything else: the browser offers installing once, early in the page's life.
captureInstallPrompt();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void registerServiceWorker();
