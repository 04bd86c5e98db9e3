import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { InstallSheet } from './InstallSheet';
import { useInstallPrompt } from './install-prompt';
import { needsHomeScreen } from './platform';

/** "Install the app" where the browser offered it, "Add to Home Screen" steps on iPhone/iPad Safari; nothing once installed. */
export function InstallButtons() {
  const t = useT();
  const install = useInstallPrompt();
  const [sheet, setSheet] = useState(false);
  if (needsHomeScreen()) {
    return (
      <>
        <button type="button" onClick={() => setSheet(true)}>
          {t('push.addToHomeScreen')}
        </button>
        {sheet ? <InstallSheet onClose={() => setSheet(false)} /> : null}
      </>
    );
  }
  return install ? (
    <button type="button" onClick={install}>
      {t('push.install')}
    </button>
  ) : null;
}
