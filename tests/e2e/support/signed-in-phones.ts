/**
 * Several people at once, each on their own phone (390x844, fresh profile),
 * signed in with the service worker ready; closeAll() in afterAll.
 */
import { SignInPage } from '../pages/signin-page';
import { newPhone, type Phone } from './browser';
import { waitForServiceWorker } from './service-worker';

export function signedInPhones(appUrl: string): { open(email: string): Promise<Phone>; closeAll(): Promise<void> } {
  const phones: Phone[] = [];
  return {
    async open(email) {
      const phone = await newPhone();
      phones.push(phone);
      const signIn = new SignInPage(phone.page);
      await signIn.open(appUrl);
      await signIn.signIn(email);
      await waitForServiceWorker(phone.page);
      return phone;
    },
    async closeAll() {
      await Promise.all(phones.map((phone) => phone.close()));
    },
  };
}
