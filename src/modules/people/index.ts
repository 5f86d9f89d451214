import type { FastifyInstance } from 'fastify';
import type { ViewerResolver } from '../../platform/auth/viewer.ts';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { deriveKey } from '../../platform/crypto/secret-box.ts';
import { accountRoutes } from './account.routes.tsx';
import { invitationRoutes } from './invitations.routes.tsx';
import { passwordResetRoutes } from './password-reset.routes.tsx';
import { mfaRoutes } from './mfa.routes.tsx';
import { resolveViewer } from './people.service.ts';
import { signInRoutes } from './sign-in.routes.tsx';
import { unsentFormRoutes } from './unsent-forms.routes.tsx';

/** Forms sent after a session ended are kept, for sending again after signing in (the guard asks). */
export { unsentFormKeeper } from './unsent-forms.routes.tsx';

export { startSession } from './people.service.ts';
/** Secret links elsewhere (a calendar feed) keep only a hash of their token, as sessions do. */
export { hashToken, isTokenShaped } from './people.service.ts';
/** Registered by the app before every module, so it guards all of their pages. */
export { mfaEnforcement } from './mfa-enforcement.ts';
export { hashPassword } from './passwords.ts';
export { grantableRoles, roles, roleLabels, rolesByOrganisationKind, type Role } from './roles.ts';
export { organisationPeoplePaths } from './people.paths.ts';
export { isPlatformAdministrator, managePeopleOf } from './people.policy.ts';
export { accountStatus, groupByPerson } from './views/organisation-people-page.tsx';
/** For the administrators' organisation pages: memberships and accounts, changed with an audit event. */
export {
  changeMembershipRole,
  deactivateAccount,
  getOrganisationMember,
  getOrganisationMembership,
  isOwnLastAdministratorMembership,
  listOrganisationMembers,
  organisationsWhosePeopleTheyManage,
  PEOPLE_PAGE_SIZE,
  reactivateAccount,
  removeMembership,
  type MembersPage,
  type OrganisationMember,
  type RoleChange,
} from './admin.service.ts';

/** The key that seals TOTP secrets at rest, derived from the configured secret for this one purpose. */
export function secondFactorKey(secret: string): Buffer {
  return deriveKey(secret, 'mfa-secret');
}

export function viewerResolver(db: AppDb): ViewerResolver {
  return (token) => resolveViewer({ db, token });
}

/** Sign-in (with a second factor), sign-out and the account page. */
export async function peopleModule(
  app: FastifyInstance,
  options: { db: AppDb; production: boolean; secret: string; publicUrl: string; cipher: NoteCipher },
): Promise<void> {
  const { db, production, publicUrl, cipher } = options;
  await app.register(signInRoutes, { db, production });
  await app.register(accountRoutes, { db, production });
  await app.register(invitationRoutes, { db, production, publicUrl });
  await app.register(passwordResetRoutes, { db, publicUrl });
  await app.register(mfaRoutes, { db, production, secretKey: secondFactorKey(options.secret) });
  await app.register(unsentFormRoutes, { db, cipher, production });
}
