import { Duration } from 'aws-cdk-lib';
import {
  AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool, UserPoolGroup, type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../functions/handlers/api/auth/Principal.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';

/** What each group may do (functions/handlers/api/auth/access.ts decides; this only describes it). */
const GROUP_DESCRIPTIONS: Record<Role, string> = {
  'duty-officer': 'Duty officers: activate, downgrade and stand down the plan, and read everything',
  manager: 'Managers: read status, forecasts, tasks, response logs and after-action reports',
  admin: 'Administrators: edit the registry (zones, roads, crews and their phones, vehicles, the plan), and read everything',
};

export interface ApiUsersProps {
  stage: Stage;
}

/**
 * The people who use the API: a Cognito user pool, one group per role the API checks, and one app
 * client (the CLI and curl) that the API's JWT authorizer accepts tokens from.
 *
 * - No self sign-up: an administrator creates each account (README, Deploy), and Cognito emails a
 *   temporary password that must be changed at first sign-in.
 * - MFA required, authenticator app (TOTP) only. A token from this pool can open a city-wide response
 *   that texts hundreds of crew leaders, and an admin's can read and change every leader's phone
 *   number (personal data): a password alone is not enough for that. SMS as a second factor is off: it
 *   would spend the same SMS budget as the taskings and is open to SIM swaps.
 * - Plus feature plan with threat protection enforced (cdk-nag COG8): compromised-credential checks
 *   and adaptive authentication block sign-ins that look stolen, for a handful of users' cost.
 * - Strong passwords (cdk-nag COG1, longer than its minimum), and the pool is retained and
 *   deletion-protected in prod like the tables.
 */
export class ApiUsers extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly groups: Record<Role, UserPoolGroup>;

  constructor(scope: Construct, id: string, props: ApiUsersProps) {
    super(scope, id);
    const settings = stageSettings(props.stage);
    this.userPool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      // The address Cognito sends the temporary password and password resets to.
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'snowops: your account',
        emailBody: 'Your snowops username is {username} and your temporary password is {####}. At first sign-in you choose a new password and set up an authenticator app.',
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: settings.production,
      removalPolicy: settings.removalPolicy,
    });

    // Precedence only matters for IAM role mapping, which is not used; the order reads as the roles do.
    this.groups = Object.fromEntries(ROLES.map((role, precedence) => [role, new UserPoolGroup(this, `Group-${role}`, {
      userPool: this.userPool,
      groupName: role,
      description: GROUP_DESCRIPTIONS[role],
      precedence,
    })])) as Record<Role, UserPoolGroup>;

    this.client = this.userPool.addClient('Client', {
      // The CLI signs in with the AWS CLI's USER_PASSWORD_AUTH (README); SRP for a future web client.
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      // No hosted UI or OAuth redirects: tokens come from InitiateAuth only.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // A storm shift: sign in once, refresh for 12 hours; a stolen token is good for an hour at most.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
