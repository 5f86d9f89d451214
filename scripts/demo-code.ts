/** Prints the current two-factor code of the demo accounts (demo data only; see README). */
import { currentCode } from '../src/modules/people/mfa.service.ts';
import { DEMO_TOTP_SECRET } from '../src/seed/demo-data.ts';

console.log(currentCode(DEMO_TOTP_SECRET));
