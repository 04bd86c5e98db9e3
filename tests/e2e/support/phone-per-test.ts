import { afterEach, beforeEach } from 'vitest';
import { newPhone, type Phone } from './browser';

/** A fresh phone (new browser profile) for each test of the calling file, closed after it. */
export function phonePerTest(): () => Phone {
  let phone: Phone | undefined;
  beforeEach(async () => {
    phone = await newPhone();
  });
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  return () => {
    if (!phone) throw new Error('phonePerTest: no phone outside a test');
    return phone;
  };
}
