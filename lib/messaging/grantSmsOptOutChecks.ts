import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';

/**
 * Lets a Lambda that sends through buildMessaging (functions/handlers/context/buildMessaging.ts) ask SNS
 * whether numbers opted out: CheckIfPhoneNumberIsOptedOut per number, ListPhoneNumbersOptedOut for a
 * big wave. Without it the wave's prefetch fails. Resource '*': both are account-level SMS reads with no
 * resource type (service authorization reference); neither reveals more than which numbers said STOP.
 */
export function grantSmsOptOutChecks(grantee: IGrantable): Grant {
  return Grant.addToPrincipal({ grantee, actions: ['sns:CheckIfPhoneNumberIsOptedOut', 'sns:ListPhoneNumbersOptedOut'], resourceArns: ['*'] });
}
