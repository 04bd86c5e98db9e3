import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { InstallSheet } from './InstallSheet';
import { useInstallPrompt } from './install-prompt';
import { needsHomeScreen } from './platform';

/**
 * "Install the app" where the browser offered it, "Add to Home Screen" steps on
 * iPhone/iPad Safari; nothing once installed. `primary` where it is the way forward
 * (the opt-in card on an iPhone, which cannot turn notifications on before).
 */
export function InstallButtons({ primary = false }: { primary?: boolean }) {
  const t = useT();
  const install = useInstallPrompt();
  const [sheet, setSheet] = useState(false);
  if (needsHomeScreen()) {
    return (
      <>
        <button type="button" className={primary ? 'primary' : undefined} onClick={() => setSheet(true)}>
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
