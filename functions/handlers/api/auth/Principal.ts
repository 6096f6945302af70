/** Cognito user-pool groups: officers act, managers read, admins edit the registry. */
export const ROLES = ['duty-officer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the token says: the username goes into the response log as the actor. */
export interface Principal {
  username: string;
  roles: Role[];
}
